import { afterEach, describe, expect, it } from 'vitest'
import { appUnderTest } from './app-under-test'

// GET /api/boards/:id/audit through Hono's app.request(), on a real SQLite store.
describe('the audit route', () => {
  let routes: Awaited<ReturnType<typeof appUnderTest>> | undefined
  afterEach(async () => {
    await routes?.close()
  })

  it('gives the facilitator the board\u2019s audit log as JSON and CSV, and nobody else', async () => {
    routes = await appUnderTest()
    const board = await routes.createBoard()
    await routes.request(`/api/boards/${board.id}/links/viewer`, {
      method: 'POST',
      token: board.facilitator,
    })
    const json = await routes.request(`/api/boards/${board.id}/audit?format=json`, {
      token: board.facilitator,
    })
    expect(json.status).toBe(200)
    expect(json.headers.get('content-disposition')).toContain(`stip-${board.id}-audit.json`)
    const { entries } = (await json.json()) as { entries: Array<{ act: string; detail: object }> }
    expect(entries.map((entry) => entry.act)).toEqual([
      'board.created',
      'link.renewed',
      'audit.downloaded',
    ])
    expect(entries[1]!.detail).toEqual({ link: 'viewer' })

    const csv = await routes.request(`/api/boards/${board.id}/audit?format=csv`, {
      token: board.facilitator,
    })
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const lines = (await csv.text()).trim().split('\r\n')
    expect(lines).toHaveLength(5)
    expect(lines[2]).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z,link\.renewed,facilitator,,,"{""link"":""viewer""}"$/,
    )

    const asEditor = await routes.request(`/api/boards/${board.id}/audit`, { token: board.editor })
    expect(asEditor.status).toBe(403)
    const badFormat = await routes.request(`/api/boards/${board.id}/audit?format=xml`, {
      token: board.facilitator,
    })
    expect(badFormat.status).toBe(400)
    expect(await badFormat.json()).toEqual({ error: 'format must be json or csv' })
  })

  it('names the participant as they said on joining, and a signing link\u2019s own organisation', async () => {
    routes = await appUnderTest()
    const board = await routes.createBoard()
    await routes.request(`/api/boards/${board.id}/links/editor`, {
      method: 'POST',
      token: board.facilitator,
      headers: {
        'stip-participant-name': encodeURIComponent('Ayşe Yılmaz'),
        'stip-participant-organisation': encodeURIComponent('Gemeente Utrecht'),
      },
    })
    const response = await routes.request(`/api/boards/${board.id}/audit`, {
      token: board.facilitator,
      headers: { 'stip-participant-name': '%E0%A4%A' },
    })
    const { entries } = (await response.json()) as {
      entries: Array<{ act: string; participant: string | null; organisation: string | null }>
    }
    expect(entries.find((entry) => entry.act === 'link.renewed')).toMatchObject({
      participant: 'Ayşe Yılmaz',
      organisation: 'Gemeente Utrecht',
    })
    // A header that does not decode names nobody.
    expect(entries.find((entry) => entry.act === 'audit.downloaded')?.participant).toBeNull()
  })

  it('answers quotas with a code the client maps to its own words', async () => {
    routes = await appUnderTest({ maxBoardsPerHour: 1 })
    await routes.createBoard()
    const refused = await routes.request('/api/boards', { method: 'POST', json: { title: 'Twee' } })
    expect(refused.status).toBe(429)
    expect(await refused.json()).toMatchObject({ code: 'board-creation-rate' })
  })
})
