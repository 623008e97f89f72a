import http from 'node:http'
import { getFacilitator } from '@stip/board/doc-layout'
import { createKeyValueContainer } from '@stip/board/record-container'
import { describe, expect, it } from 'vitest'
import { addNote, laneRect, recordsOf } from './helpers/board-notes'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { connectClient } from './helpers/clients'
import { startTestServer } from './helpers/test-server'
import { waitFor } from './helpers/wait-for'

function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
    http
      .get(url, { agent: false, headers }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            type: String(response.headers['content-type']),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      })
      .on('error', reject)
  })
}

describe('the session report', () => {
  const cleanup = useCleanup()

  it('groups the notes of a hebben-zaaien board by section and organisation, with authors, in md and csv', async () => {
    const { url, wsBase } = await startTestServer(cleanup)
    const board = await createBoard(url, {
      title: 'Armoede in de wijk',
      template: 'hebben-zaaien',
      organisations: [{ name: 'Gemeente' }, { name: 'GGD' }],
    })
    const anna = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.editor })
    const bram = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.editor })
    // The server wrote the template before anyone connected.
    const hebben = laneRect(anna.doc, 'hebben')
    const zaaien = laneRect(anna.doc, 'zaaien')
    const gemeente = { authorId: 'u-anna', authorName: 'Anna', organisation: 'Gemeente' }
    const ggd = { authorId: 'u-bram', authorName: 'Bram', organisation: 'GGD' }
    addNote(anna, { x: hebben.x + 60, y: hebben.y + 200 }, 'Wijkteam kent de gezinnen', gemeente)
    addNote(anna, { x: zaaien.x + 60, y: zaaien.y + 200 }, '=HYPERLINK("x")', gemeente)
    addNote(bram, { x: hebben.x + 300, y: hebben.y + 200 }, 'Schuldhulp, "snel"', ggd)
    addNote(bram, { x: zaaien.x + 300, y: zaaien.y + 500 }, 'Vertrouwen van bewoners', ggd)
    addNote(bram, { x: -3000, y: -3000 }, 'Koffie na afloop', ggd)
    // What a modified client could write does not break the report.
    anna.doc.transact(() => {
      const log = createKeyValueContainer(anna.doc)
      log.set('shape:junk', { id: 'shape:junk', typeName: 'shape', type: 'geo', x: 'a' })
      log.set('shape:forged', {
        id: 'shape:forged',
        typeName: 'shape',
        type: 'geo',
        parentId: 'page:page',
        x: 0,
        y: 0,
        props: { w: 99999, h: 99999 },
        meta: { stipTemplate: 'nope', stipInstance: 'x', stipPart: 'lane', stipSectionLabel: 7 },
      })
    })
    await waitFor(() => recordsOf(anna.doc).size === recordsOf(bram.doc).size)

    const auth = { authorization: `Bearer ${board.tokens.viewer}` }
    const md = await waitFor(
      async () => {
        const response = await get(`${url}/api/boards/${board.id}/report.md`, auth)
        return response.text.includes('Koffie na afloop') ? response : undefined
      },
      { intervalMs: 100 },
    )
    expect(md.status).toBe(200)
    expect(md.type).toContain('text/markdown')
    const section = (heading: string) => md.text.split(`### ${heading}`)[1]!.split('\n### ')[0]!
    const have = section('Wat hebben we al')
    const sow = section('Wat moeten we zaaien')
    expect(have).toMatch(/#### Gemeente\n\n- Wijkteam kent de gezinnen — _Anna_/)
    expect(have).toMatch(/#### GGD\n\n- Schuldhulp, "snel" — _Bram_/)
    expect(have.indexOf('Gemeente')).toBeLessThan(have.indexOf('GGD'))
    expect(sow).toContain('Vertrouwen van bewoners — _Bram_')
    // Markdown escaping is contextual: only a character that would start markup is escaped.
    expect(sow).toContain('\\=HYPERLINK("x") — _Anna_')
    expect(md.text).not.toContain('Voorbeeld:')
    // An empty lane is listed as empty, not left out.
    expect(md.text).toContain('### De opgave\n\n_Geen briefjes._')
    expect(md.text.split('## Overig')[1]).toContain('Koffie na afloop')
    expect(md.text.indexOf('## Wat heb je al')).toBeLessThan(md.text.indexOf('## Overig'))

    const csv = await get(`${url}/api/boards/${board.id}/report.csv?token=${board.tokens.editor}`)
    expect(csv.status).toBe(200)
    expect(csv.type).toContain('text/csv')
    const lines = csv.text.split('\r\n')
    // A byte order mark and Dutch Excel's own separator (see report-csv.ts).
    expect(lines[0]).toBe('\uFEFFwerkvorm;onderdeel;organisatie;auteur;tekst;stand_procent')
    expect(lines).toContain(
      'Wat heb je al / wat moet je zaaien;Wat hebben we al;GGD;Bram;"Schuldhulp, ""snel""";',
    )
    expect(lines).toContain(
      `Wat heb je al / wat moet je zaaien;Wat moeten we zaaien;Gemeente;Anna;"'=HYPERLINK(""x"")";`,
    )
    expect(lines).toContain('Overig;;GGD;Bram;Koffie na afloop;')
    anna.destroy()
    bram.destroy()
  })

  it('answers 401 without a token or with a wrong one, and 400 for an unknown language', async () => {
    const { url } = await startTestServer(cleanup)
    const board = await createBoard(url, { title: 'Leeg', template: 'rondetafel' })
    for (const extension of ['md', 'csv']) {
      expect((await get(`${url}/api/boards/${board.id}/report.${extension}`)).status).toBe(401)
      expect(
        (await get(`${url}/api/boards/${board.id}/report.${extension}?token=${'A'.repeat(32)}`))
          .status,
      ).toBe(401)
    }
    const wrongLang = await get(
      `${url}/api/boards/${board.id}/report.md?lang=fr&token=${board.tokens.viewer}`,
    )
    expect(wrongLang.status).toBe(400)
    expect(JSON.parse(wrongLang.text)).toEqual({ error: 'lang must be nl or en' })
  })

  it('leaves out the notes of an active silent round and says how many, then shows them once revealed', async () => {
    const { url, wsBase } = await startTestServer(cleanup)
    const board = await createBoard(url, { title: 'Stil', template: 'dit-ga-ik-doen' })
    const facilitator = await connectClient(cleanup, wsBase, board.id, {
      token: board.tokens.facilitator,
    })
    const lane = laneRect(facilitator.doc, 'ik-ga')
    const round = getFacilitator(facilitator.doc)
    round.set('silentRound', { id: 'r1', active: true, startedAt: Date.now() })
    const meta = { authorId: 'u', authorName: 'Cas', organisation: 'Politie', silentRoundId: 'r1' }
    addNote(facilitator, { x: lane.x + 50, y: lane.y + 300 }, 'Ik bel de wijkagent', meta)
    addNote(facilitator, { x: lane.x + 300, y: lane.y + 300 }, 'Ik lees het rapport', meta)
    const report = (lang = 'nl') =>
      get(`${url}/api/boards/${board.id}/report.md?lang=${lang}&token=${board.tokens.viewer}`)
    const hidden = await waitFor(
      async () => {
        const response = await report()
        return response.text.includes('verborgen') ? response : undefined
      },
      { intervalMs: 100 },
    )
    expect(hidden.text).toContain('2 briefjes uit de stille ronde zijn nog verborgen')
    expect(hidden.text).not.toContain('Ik bel de wijkagent')
    round.set('silentRound', { id: 'r1', active: false, startedAt: Date.now() })
    const shown = await waitFor(
      async () => {
        const response = await report('en')
        return response.text.includes('Ik bel de wijkagent') ? response : undefined
      },
      { intervalMs: 100 },
    )
    expect(shown.text).toContain('# Session report: Stil')
    expect(shown.text).toContain('### This is what I will do')
    expect(shown.text).not.toContain('hidden')
    facilitator.destroy()
  })

  it('reports each organisation’s position on the vijf-knoppen dials', async () => {
    const { url, wsBase } = await startTestServer(cleanup)
    const board = await createBoard(url, {
      title: 'Knoppen',
      template: 'vijf-knoppen',
      organisations: [{ name: 'Gemeente' }, { name: 'Zorggroep' }],
    })
    const client = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.editor })
    const records = recordsOf(client.doc)
    const shapes = [...records.values()]
    const scale = shapes.find(
      (r) => r.meta?.stipPart === 'scale' && r.meta.stipSection === 'visie',
    )!
    const frame = records.get(scale.parentId)!
    const marker = shapes.find(
      (r) =>
        r.meta?.stipPart === 'dial-marker' &&
        r.meta.stipSection === 'visie' &&
        r.meta.stipOrganisation === 'zorggroep',
    )!
    const scaleWidth = scale.props.w as number
    const moved = {
      ...marker,
      x: frame.x + scale.x + scaleWidth * 0.9 - (marker.props.w as number) / 2,
    }
    // Dragging the marker, as the binding writes it.
    client.doc.transact(() => createKeyValueContainer(client.doc).set(marker.id, moved))
    const md = await waitFor(
      async () => {
        const response = await get(
          `${url}/api/boards/${board.id}/report.md?token=${board.tokens.viewer}`,
        )
        return response.text.includes('Zorggroep: 90 %') ? response : undefined
      },
      { intervalMs: 100 },
    )
    const visie = md.text.split('### Visie voor lange en korte termijn')[1]!.split('###')[0]!
    expect(visie).toContain('- Gemeente: 50 %\n- Zorggroep: 90 %')
    const csv = await get(`${url}/api/boards/${board.id}/report.csv?token=${board.tokens.viewer}`)
    expect(csv.text).toContain('Vijf knoppen;Visie voor lange en korte termijn;Zorggroep;;;90')
    client.destroy()
  })
})
