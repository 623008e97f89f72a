import { FacilitatorKey, writeFacilitator } from '@stip/board/doc-model'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { appUnderTest } from './app-under-test'

// Route tests for what the server keeps sealed (auth SPEC.md A9, A10) through app.request().
describe('A9: sealed API: ballots', () => {
  let routes: Awaited<ReturnType<typeof appUnderTest>>
  let board: Awaited<ReturnType<typeof routes.createBoard>>
  const alice = { 'stip-participant': 'alice-secret-of-this-browser-0001' }
  const bob = { 'stip-participant': 'bob-secret-of-another-browser-0002' }
  const ballot = (voteId: string) => `/api/boards/${board.id}/votes/${voteId}/ballot`

  beforeEach(async () => {
    routes = await appUnderTest()
    board = await routes.createBoard()
    await routes.registry.changeDocument(board.id, (doc) =>
      writeFacilitator(doc, FacilitatorKey.vote, {
        id: 'vote1',
        frameId: 'shape:nowhere',
        dotsPerPerson: 2,
        phase: 'open',
        startedAt: Date.now(),
      }),
    )
  })
  afterEach(async () => {
    await routes.close()
  })

  it('keeps a ballot per person: each reads back only their own', async () => {
    const cast = await routes.request(ballot('vote1'), {
      method: 'PUT',
      token: board.editor,
      headers: alice,
      json: { organisation: 'GGD', dots: [] },
    })
    expect(cast.status).toBe(200)
    const own = await routes.request(ballot('vote1'), { token: board.editor, headers: alice })
    expect(await own.json()).toEqual({ dots: [] })
    const other = await routes.request(ballot('vote1'), { token: board.editor, headers: bob })
    expect(await other.json()).toEqual({ dots: [] })
    expect(await routes.store.listBallots(board.id, 'vote1')).toHaveLength(1)
  })

  it('refuses dots beyond the budget, dots on notes outside the vote, and a vote not current', async () => {
    for (const [voteId, dots, message] of [
      ['vote1', ['a', 'b', 'c'], /2 dots/],
      ['vote1', ['shape:elsewhere'], /not a note of the vote/],
      ['vote2', [], /not the board/],
    ] as const) {
      const response = await routes.request(ballot(voteId), {
        method: 'PUT',
        token: board.editor,
        headers: alice,
        json: { organisation: 'GGD', dots },
      })
      expect(response.status).toBe(409)
      expect(((await response.json()) as { error: string }).error).toMatch(message)
    }
  })

  it('H2: refuses a silent-round note over 16 KiB with 413 and keeps nothing of it', async () => {
    const response = await routes.request(`/api/boards/${board.id}/silent-round/notes/shape:big`, {
      method: 'PUT',
      token: board.editor,
      headers: alice,
      json: { record: { id: 'shape:big', text: 'x'.repeat(17 * 1024) } },
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toEqual({ error: expect.stringMatching(/at most 16384 bytes/) })
    expect(await routes.store.listSealedNotes(board.id, 'round-1')).toEqual([])
  })

  it('asks for the browser secret, and refuses viewers', async () => {
    const noSecret = await routes.request(ballot('vote1'), { token: board.editor })
    expect(noSecret.status).toBe(400)
    expect(((await noSecret.json()) as { error: string }).error).toMatch(/stip-participant/)
    const viewer = await routes.request(ballot('vote1'), { token: board.viewer, headers: alice })
    expect(viewer.status).toBe(403)
  })

  it('lets only the facilitator reveal; a revealed vote takes no more ballots', async () => {
    const phase = `/api/boards/${board.id}/votes/vote1/phase`
    const byEditor = await routes.request(phase, {
      method: 'POST',
      token: board.editor,
      json: { phase: 'revealed' },
    })
    expect(byEditor.status).toBe(403)
    const badPhase = await routes.request(phase, {
      method: 'POST',
      token: board.facilitator,
      json: { phase: 'open' },
    })
    expect(badPhase.status).toBe(400)
    const revealed = await routes.request(phase, {
      method: 'POST',
      token: board.facilitator,
      json: { phase: 'revealed' },
    })
    expect(revealed.status).toBe(200)
    const late = await routes.request(ballot('vote1'), {
      method: 'PUT',
      token: board.editor,
      headers: alice,
      json: { organisation: 'GGD', dots: [] },
    })
    expect(late.status).toBe(409)
    expect(((await late.json()) as { error: string }).error).toMatch(/no longer open/)
  })
})
