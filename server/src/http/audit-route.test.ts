import { getManifesto } from '@stip/board/doc-model'
import { writeDefaultManifesto } from '@stip/manifesto'
import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
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

  it('M8: records each proposal, answer and decision with its number, organisation and person, in JSON and CSV', async () => {
    routes = await appUnderTest()
    const board = await routes.createBoard({
      title: 'Samen naar 2040',
      organisations: [{ name: 'Gemeente' }, { name: 'GGD' }],
    })
    await routes.registry.changeDocument(board.id, (doc) => {
      const fragment = getManifesto(doc)
      writeDefaultManifesto(fragment, 'nl')
      ;((fragment.get(3) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Wij geloven in elkaar.')
    })
    const post = async (path: string, token: string, json: unknown, name?: string) => {
      const headers = name ? { 'stip-participant-name': encodeURIComponent(name) } : undefined
      const response = await routes!.request(`/api/boards/${board.id}/amendments${path}`, {
        method: 'POST',
        token,
        json,
        headers,
      })
      return {
        status: response.status,
        body: (await response.json()) as { amendment: { id: string } },
      }
    }
    const proposed = await post('', board.editor, {
      organisation: 'Gemeente',
      name: 'Wim de Vries',
      passage: { path: [3], from: 4, to: 11, text: 'geloven' },
      replacement: 'vertrouwen',
      reason: 'Sterker',
    })
    expect(proposed.status).toBe(201)
    const id = proposed.body.amendment.id
    const answered = await post(`/${id}/responses`, board.editor, {
      organisation: 'GGD',
      name: 'Aïsha',
      stance: 'object',
      reason: 'Te stellig',
    })
    expect(answered.status).toBe(200)
    // A refused answer (the proposer answering its own) is not an act: it leaves no row.
    const refused = await post(`/${id}/responses`, board.editor, {
      organisation: 'Gemeente',
      name: 'Wim de Vries',
      stance: 'support',
    })
    expect(refused.status).toBe(409)
    const decided = await post(
      `/${id}/decision`,
      board.facilitator,
      { decision: 'rejected' },
      'Voorzitter Jansen',
    )
    expect(decided.status).toBe(200)

    const json = await routes.request(`/api/boards/${board.id}/audit?format=json`, {
      token: board.facilitator,
    })
    const { entries } = (await json.json()) as {
      entries: Array<{
        act: string
        role: string
        organisation: string | null
        participant: string | null
        detail: object
      }>
    }
    const acts = entries.filter((entry) => entry.act.startsWith('amendment.'))
    expect(acts).toEqual([
      {
        at: expect.any(Number),
        boardId: board.id,
        act: 'amendment.proposed',
        role: 'editor',
        organisation: 'Gemeente',
        participant: 'Wim de Vries',
        detail: {
          amendmentId: id,
          number: 1,
          organisation: 'Gemeente',
          name: 'Wim de Vries',
          section: 'Preambule',
        },
      },
      {
        at: expect.any(Number),
        boardId: board.id,
        act: 'amendment.answered',
        role: 'editor',
        organisation: 'GGD',
        participant: 'Aïsha',
        detail: {
          amendmentId: id,
          number: 1,
          organisation: 'GGD',
          name: 'Aïsha',
          stance: 'object',
        },
      },
      {
        at: expect.any(Number),
        boardId: board.id,
        act: 'amendment.decided',
        role: 'facilitator',
        organisation: null,
        participant: 'Voorzitter Jansen',
        detail: {
          amendmentId: id,
          number: 1,
          organisation: 'Gemeente',
          name: 'Wim de Vries',
          decision: 'rejected',
        },
      },
    ])

    const csv = await routes.request(`/api/boards/${board.id}/audit?format=csv`, {
      token: board.facilitator,
    })
    const rows = (await csv.text()).split('\r\n').filter((line) => line.includes(',amendment.'))
    expect(rows).toHaveLength(3)
    expect(rows[0]).toMatch(/,amendment\.proposed,editor,Gemeente,Wim de Vries,"{""amendmentId"":/)
    expect(rows[1]).toMatch(/,amendment\.answered,editor,GGD,Aïsha,".*""stance"":""object""}"$/)
    expect(rows[2]).toMatch(
      /,amendment\.decided,facilitator,,Voorzitter Jansen,".*""decision"":""rejected""}"$/,
    )
  })

  it('answers quotas with a code the client maps to its own words', async () => {
    routes = await appUnderTest({ maxBoardsPerHour: 1 })
    await routes.createBoard()
    const refused = await routes.request('/api/boards', { method: 'POST', json: { title: 'Twee' } })
    expect(refused.status).toBe(429)
    expect(await refused.json()).toMatchObject({ code: 'board-creation-rate' })
  })
})
