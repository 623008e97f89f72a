import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { appUnderTest } from './app-under-test'

// Route tests through Hono's app.request(): every refusal is `{"error": message}` JSON with its
// status (http-error.ts), and a refused request changes nothing stored.
describe('boards API', () => {
  let routes: Awaited<ReturnType<typeof appUnderTest>>
  beforeEach(async () => {
    routes = await appUnderTest()
  })
  afterEach(async () => {
    await routes.close()
  })

  it('creates a board whose three links each open it in their role', async () => {
    const board = await routes.createBoard({
      title: 'Samen naar 2040',
      organisations: [{ name: 'Gemeente' }, { name: 'GGD' }],
    })
    for (const role of ['facilitator', 'editor', 'viewer'] as const) {
      const response = await routes.request(`/api/boards/${board.id}`, { token: board[role] })
      expect(response.status).toBe(200)
      const body = (await response.json()) as {
        role: string
        title: string
        organisations: unknown[]
      }
      expect(body).toMatchObject({ role, title: 'Samen naar 2040' })
      expect(body.organisations).toHaveLength(2)
    }
  })

  it.each([
    ['not JSON', '{title', 400, /JSON/],
    ['an empty title', JSON.stringify({ title: '   ' }), 400, /title/],
    ['an unknown field', JSON.stringify({ title: 'x', owner: 'me' }), 400, /owner|unrecognized/i],
    [
      'a bad colour',
      JSON.stringify({ title: 'x', organisations: [{ name: 'a', color: 'red' }] }),
      400,
      /color/,
    ],
    ['a body over the limit', JSON.stringify({ title: 'x'.repeat(200_000) }), 413, /at most/],
  ])('refuses a board with %s as JSON', async (_, body, status, message) => {
    const response = await routes.request('/api/boards', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toMatch(/application\/json/)
    expect(((await response.json()) as { error: string }).error).toMatch(message)
  })

  it('answers a wrong or missing token with 401 JSON, and an unknown board alike', async () => {
    const board = await routes.createBoard()
    for (const [path, token] of [
      [`/api/boards/${board.id}`, 'not-a-token'],
      [`/api/boards/${board.id}`, undefined],
      ['/api/boards/doesnotexist', board.facilitator],
    ] as const) {
      const response = await routes.request(path, { token })
      expect(response.status).toBe(401)
      expect(await response.json()).toEqual({ error: expect.any(String) })
    }
  })

  it('lets only the facilitator renew a link; the old link stops working, the new one works', async () => {
    const board = await routes.createBoard()
    const byEditor = await routes.request(`/api/boards/${board.id}/links/editor`, {
      method: 'POST',
      token: board.editor,
    })
    expect(byEditor.status).toBe(403)
    const renewed = await routes.request(`/api/boards/${board.id}/links/editor`, {
      method: 'POST',
      token: board.facilitator,
    })
    expect(renewed.status).toBe(200)
    const { link } = (await renewed.json()) as { link: string }
    const fresh = new URL(link).hash.replace(/^#token=/, '')
    expect((await routes.request(`/api/boards/${board.id}`, { token: board.editor })).status).toBe(
      401,
    )
    expect((await routes.request(`/api/boards/${board.id}`, { token: fresh })).status).toBe(200)
  })

  it('deletes a board for the facilitator only; afterwards nothing answers for it', async () => {
    const board = await routes.createBoard()
    const byEditor = await routes.request(`/api/boards/${board.id}`, {
      method: 'DELETE',
      token: board.editor,
    })
    expect(byEditor.status).toBe(403)
    expect(await routes.store.getBoard(board.id)).not.toBeNull()
    const deleted = await routes.request(`/api/boards/${board.id}`, {
      method: 'DELETE',
      token: board.facilitator,
    })
    expect(deleted.status).toBe(204)
    expect(await routes.store.getBoard(board.id)).toBeNull()
  })

  it('answers an unknown endpoint with 404 JSON', async () => {
    const response = await routes.request('/api/nothing-here')
    expect(response.status).toBe(404)
    expect(((await response.json()) as { error: string }).error).toMatch(/no such endpoint/)
  })
})
