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
    ['an empty title', JSON.stringify({ title: '   ' }), /title/],
    ['an unknown field', JSON.stringify({ title: 'x', owner: 'me' }), /owner|unrecognized/i],
    [
      'a bad colour',
      JSON.stringify({ title: 'x', organisations: [{ name: 'a', color: 'red' }] }),
      /color/,
    ],
  ])(
    'H1: refuses a board with %s as {"error": message} JSON with its status',
    async (_, body, message) => {
      const response = await routes.request('/api/boards', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toMatch(/application\/json/)
      expect(await response.json()).toEqual({ error: expect.stringMatching(message) })
      expect(await routes.store.listBoards()).toEqual([])
    },
  )

  it('H2: refuses a JSON body over 64 KiB with 413, on creation and on a board\u2019s routes alike', async () => {
    const board = await routes.createBoard()
    const tooBig = JSON.stringify({ title: 'x'.repeat(70_000) })
    for (const [path, method, token] of [
      ['/api/boards', 'POST', undefined],
      [`/api/boards/${board.id}/versions`, 'POST', board.facilitator],
    ] as const) {
      const response = await routes.request(path, {
        method,
        token,
        headers: { 'content-type': 'application/json' },
        body: tooBig,
      })
      expect(response.status).toBe(413)
      expect(await response.json()).toEqual({ error: expect.stringMatching(/at most 65536 bytes/) })
    }
    expect((await routes.store.listBoards()).map((stored) => stored.id)).toEqual([board.id])
    expect(await routes.store.listVersions(board.id)).toEqual([])
  })

  it('H2: refuses an image over MAX_ASSET_BYTES with 413 and stores none of it', async () => {
    const small = await appUnderTest({ maxAssetBytes: 2048 })
    try {
      const board = await small.createBoard()
      const png = new Uint8Array(4096)
      png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
      const response = await small.request(`/api/boards/${board.id}/assets`, {
        method: 'POST',
        token: board.editor,
        headers: { 'content-type': 'image/png' },
        body: png,
      })
      expect(response.status).toBe(413)
      expect(await response.json()).toEqual({ error: expect.stringMatching(/at most 2048 bytes/) })
      expect(await small.store.listAssets(board.id)).toEqual([])
    } finally {
      await small.close()
    }
  })

  it('H3: answers a body that is not JSON with 400 on every JSON route, and stores nothing', async () => {
    const board = await routes.createBoard()
    for (const [path, method, token] of [
      ['/api/boards', 'POST', undefined],
      [`/api/boards/${board.id}/versions`, 'POST', board.facilitator],
      [`/api/boards/${board.id}/votes/vote1/phase`, 'POST', board.facilitator],
    ] as const) {
      const response = await routes.request(path, {
        method,
        token,
        headers: { 'content-type': 'application/json' },
        body: '{title',
      })
      expect(response.status, path).toBe(400)
      expect(await response.json()).toEqual({ error: expect.any(String) })
    }
    expect((await routes.store.listBoards()).map((stored) => stored.id)).toEqual([board.id])
    expect(await routes.store.listVersions(board.id)).toEqual([])
  })

  it('H5: writes a link\u2019s token only into its fragment, which browsers never send', async () => {
    const response = await routes.request('/api/boards', {
      method: 'POST',
      json: { title: 'Samen naar 2040' },
    })
    const { links } = (await response.json()) as { links: Record<string, string> }
    const renewed = await routes.request(
      `/api/boards/${new URL(links.editor!).pathname.split('/').pop()}/links/viewer`,
      { method: 'POST', token: new URL(links.facilitator!).hash.replace(/^#token=/, '') },
    )
    expect(renewed.status).toBe(200)
    const all = [...Object.values(links), ((await renewed.json()) as { link: string }).link]
    for (const link of all) {
      const url = new URL(link)
      const token = url.hash.replace(/^#token=/, '')
      expect(token.length).toBeGreaterThanOrEqual(22)
      expect(url.search).toBe('')
      expect(url.pathname).not.toContain(token)
    }
  })

  it('A8: answers a wrong or missing token with 401 JSON, and an unknown board alike', async () => {
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

  it('H4: answers an unknown endpoint with 404 JSON', async () => {
    const response = await routes.request('/api/nothing-here')
    expect(response.status).toBe(404)
    expect(((await response.json()) as { error: string }).error).toMatch(/no such endpoint/)
  })
})
