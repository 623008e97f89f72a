import { getManifesto, getSessions, getSignatures } from '@stip/board/doc-layout'
import {
  type Commitment,
  getCommitments,
  readCommitments,
  readNextSession,
  readPreviousSession,
} from '@stip/board/doc-model'
import { canonicalManifestoText } from '@stip/manifesto'
import { CloseCode } from '@stip/protocol'
import { buildTemplateRecords } from '@stip/templates'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addNote, laneRect, recordsOf } from './helpers/board-notes'
import { recordsOf as shapeLog } from './helpers/board-shapes'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { connectClient } from './helpers/clients'
import { docxText, pdfBookmarks, pdfText } from './helpers/documents'
import {
  boardApi,
  manifestoHashOf,
  setParagraphText,
  tokenOfLink,
  writeManifesto,
} from './helpers/manifesto'
import { startTestServer } from './helpers/test-server'
import { waitFor } from './helpers/wait-for'

const ORGANISATIONS = [{ name: 'Gemeente Utrecht' }, { name: 'GGD regio Utrecht' }]
const GEMEENTE = { authorId: 'u-anna', authorName: 'Anna', organisation: 'Gemeente Utrecht' }
const GGD = { authorId: 'u-bram', authorName: 'Bram', organisation: 'GGD regio Utrecht' }

/** A request as the browser sends it: the link's token and who the person said they are. */
async function asPerson(
  url: string,
  path: string,
  token: string,
  who: { organisation?: string; name?: string },
  init: { method?: string; body?: unknown; rawBody?: string } = {},
) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` }
  if (who.organisation)
    headers['stip-participant-organisation'] = encodeURIComponent(who.organisation)
  if (who.name) headers['stip-participant-name'] = encodeURIComponent(who.name)
  if (init.body !== undefined || init.rawBody !== undefined)
    headers['content-type'] = 'application/json'
  const response = await fetch(`${url}${path}`, {
    method: init.method ?? 'POST',
    headers,
    body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  })
  const text = await response.text()
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: (text ? JSON.parse(text) : {}) as Record<string, unknown> & {
      error?: string
      code?: string
      commitment?: Commitment
    },
  }
}

const commitmentsOf = (doc: Y.Doc) => readCommitments(doc)

/**
 * An "Ambities 2040" board with a "Dit ga ik doen" werkvorm beside it, two organisations and a
 * note of each in "Dit ga ik doen" plus one of the Gemeente in "Dit zou jíj eens moeten doen".
 */
async function boardWithNotes(cleanup: ReturnType<typeof useCleanup>) {
  const server = await startTestServer(cleanup)
  const board = await createBoard(server.url, {
    title: 'Samen naar 2040',
    template: 'ambities-2040',
    organisations: ORGANISATIONS,
  })
  const meta = await boardApi<{ organisations: Array<{ id: string; name: string }> }>(
    server.url,
    `/api/boards/${board.id}`,
    board.tokens.facilitator,
  )
  const writer = await connectClient(cleanup, server.wsBase, board.id, {
    token: board.tokens.editor,
  })
  const records = buildTemplateRecords('dit-ga-ik-doen', {
    origin: { x: 0, y: 2400 },
    locale: 'nl',
    instance: 'doen',
    organisations: [],
  })
  const log = shapeLog(writer.doc)
  writer.doc.transact(() => {
    for (const record of records) log.set(record as unknown as Record<string, unknown>)
  })
  const ikGa = laneRect(writer.doc, 'ik-ga')
  const jijZou = laneRect(writer.doc, 'jij-zou')
  const notes = {
    gemeente: addNote(writer, { x: ikGa.x + 40, y: ikGa.y + 240 }, 'Ik bel de wijkagent', GEMEENTE),
    ggd: addNote(writer, { x: ikGa.x + 300, y: ikGa.y + 240 }, 'Wij openen een inloop', GGD),
    tip: addNote(
      writer,
      { x: jijZou.x + 40, y: jijZou.y + 240 },
      'Probeer de buurtcirkel',
      GEMEENTE,
    ),
  }
  const facilitator = await connectClient(cleanup, server.wsBase, board.id, {
    token: board.tokens.facilitator,
  })
  await waitFor(() => recordsOf(facilitator.doc).size === recordsOf(writer.doc).size, {
    what: 'the notes to reach the server',
  })
  return {
    ...server,
    board,
    organisations: meta.body.organisations,
    writer,
    facilitator,
    notes,
  }
}

async function signingToken(url: string, boardId: string, facilitator: string, orgId: string) {
  const made = await boardApi<{ link: string }>(
    url,
    `/api/boards/${boardId}/signing-links/${orgId}`,
    facilitator,
    { method: 'POST' },
  )
  expect(made.status).toBe(201)
  return tokenOfLink(made.body.link)
}

describe('commitments ("Voortgang")', () => {
  const cleanup = useCleanup()

  it('A11: turns a "Dit ga ik doen" note into a commitment for its own organisation only, and lets only that organisation or the facilitator change it', async () => {
    const { url, board, facilitator, notes, organisations } = await boardWithNotes(cleanup)
    const path = `/api/boards/${board.id}/commitments`
    const editor = board.tokens.editor
    const asGemeente = { organisation: 'Gemeente Utrecht', name: 'Anna' }
    const asGgd = { organisation: 'GGD regio Utrecht', name: 'Bram' }

    // Someone of the GGD cannot make the Gemeente's note a commitment.
    const foreign = await asPerson(url, path, editor, asGgd, { body: { noteId: notes.gemeente } })
    expect(foreign.status).toBe(403)
    expect(foreign.body.error).toMatch(/another organisation/)
    // A note outside "Dit ga ik doen" is the facilitator's to mark.
    const outside = await asPerson(url, path, editor, asGemeente, { body: { noteId: notes.tip } })
    expect(outside.status).toBe(403)
    expect(commitmentsOf(facilitator.doc)).toEqual([])

    const made = await asPerson(url, path, editor, asGemeente, {
      body: { noteId: notes.gemeente, due: '2027-03-31' },
    })
    expect(made.status).toBe(201)
    expect(made.body.commitment).toMatchObject({
      text: 'Ik bel de wijkagent',
      organisation: 'Gemeente Utrecht',
      person: 'Anna',
      due: '2027-03-31',
      status: 'open',
      noteId: notes.gemeente,
      carriedFrom: null,
    })
    const id = made.body.commitment!.id
    await waitFor(() => commitmentsOf(facilitator.doc).length === 1, { what: 'the commitment' })
    const again = await asPerson(url, path, editor, asGemeente, {
      body: { noteId: notes.gemeente },
    })
    expect(again.status).toBe(409)

    // The GGD may not change it, nor may a viewer; the stored commitment stays as it was.
    const item = `${path}/${encodeURIComponent(id)}`
    const refused = await asPerson(url, item, editor, asGgd, {
      method: 'PATCH',
      body: { status: 'dropped' },
    })
    expect(refused.status).toBe(403)
    expect(refused.body.error).toMatch(/own organisation or the facilitator/)
    const viewer = await asPerson(url, item, board.tokens.viewer, asGemeente, {
      method: 'PATCH',
      body: { status: 'done' },
    })
    expect(viewer.status).toBe(403)
    // A GGD signing link is the GGD, whatever its holder says on joining.
    const ggdId = organisations.find((o) => o.name === 'GGD regio Utrecht')!.id
    const gemeenteId = organisations.find((o) => o.name === 'Gemeente Utrecht')!.id
    const ggdSigner = await signingToken(url, board.id, board.tokens.facilitator, ggdId)
    const disguised = await asPerson(url, item, ggdSigner, asGemeente, {
      method: 'PATCH',
      body: { status: 'done' },
    })
    expect(disguised.status).toBe(403)
    expect(commitmentsOf(facilitator.doc)[0]!.status).toBe('open')

    const own = await asPerson(url, item, editor, asGemeente, {
      method: 'PATCH',
      body: { status: 'underway', person: 'Anna de Vries' },
    })
    expect(own.status).toBe(200)
    await waitFor(() => commitmentsOf(facilitator.doc)[0]?.status === 'underway', {
      what: 'the status change',
    })
    expect(commitmentsOf(facilitator.doc)[0]).toMatchObject({
      person: 'Anna de Vries',
      due: '2027-03-31',
      updatedBy: 'Anna',
    })
    const gemeenteSigner = await signingToken(url, board.id, board.tokens.facilitator, gemeenteId)
    const bySigner = await asPerson(
      url,
      item,
      gemeenteSigner,
      {},
      {
        method: 'PATCH',
        body: { due: null },
      },
    )
    expect(bySigner.status).toBe(200)
    expect(bySigner.body.commitment?.due).toBeNull()

    // The facilitator marks any note, and changes any commitment.
    const marked = await asPerson(
      url,
      path,
      board.tokens.facilitator,
      {},
      {
        body: { noteId: notes.tip, person: 'Anna' },
      },
    )
    expect(marked.status).toBe(201)
    expect(marked.body.commitment?.organisation).toBe('Gemeente Utrecht')
    const byFacilitator = await asPerson(
      url,
      item,
      board.tokens.facilitator,
      {},
      {
        method: 'PATCH',
        body: { status: 'done' },
      },
    )
    expect(byFacilitator.status).toBe(200)
    await waitFor(() => commitmentsOf(facilitator.doc).length === 2, { what: 'both commitments' })
    // Only the facilitator takes one back.
    const markedItem = `${path}/${encodeURIComponent(marked.body.commitment!.id)}`
    expect((await asPerson(url, markedItem, editor, asGemeente, { method: 'DELETE' })).status).toBe(
      403,
    )
    expect(
      (await asPerson(url, markedItem, board.tokens.facilitator, {}, { method: 'DELETE' })).status,
    ).toBe(204)
    await waitFor(() => commitmentsOf(facilitator.doc).length === 1, { what: 'the removal' })
  })

  it('A11: refuses any client\u2019s own write to the commitments and the sessions, the facilitator\u2019s too', async () => {
    const { wsBase, board, facilitator } = await boardWithNotes(cleanup)
    for (const [role, root] of [
      ['editor', 'commitments'],
      ['facilitator', 'commitments'],
      ['facilitator', 'sessions'],
    ] as const) {
      const forger = await connectClient(cleanup, wsBase, board.id, { token: board.tokens[role] })
      forger.doc.getMap(root).set('forged', { id: 'forged', status: 'done' })
      await waitFor(() => forger.closeCodes.includes(CloseCode.forbidden), {
        what: `the ${role}\u2019s write to ${root} to be refused`,
      })
      forger.destroy()
    }
    expect(getCommitments(facilitator.doc).size).toBe(0)
    expect(getSessions(facilitator.doc).size).toBe(0)
  })

  it('H3: answers bad commitment requests with a 4xx JSON error and stores nothing', async () => {
    const { url, board, facilitator, notes } = await boardWithNotes(cleanup)
    const path = `/api/boards/${board.id}/commitments`
    const who = { organisation: 'Gemeente Utrecht', name: 'Anna' }
    const editor = board.tokens.editor
    const cases: Array<[string, Awaited<ReturnType<typeof asPerson>>, number, RegExp]> = [
      ['not JSON', await asPerson(url, path, editor, who, { rawBody: '{nope' }), 400, /JSON/],
      ['no note', await asPerson(url, path, editor, who, { body: {} }), 400, /noteId/],
      [
        'a stray field',
        await asPerson(url, path, editor, who, { body: { noteId: notes.gemeente, x: 1 } }),
        400,
        /x/,
      ],
      [
        'a date that is not one',
        await asPerson(url, path, editor, who, {
          body: { noteId: notes.gemeente, due: '2027-02-31' },
        }),
        400,
        /real date/,
      ],
      [
        'an unknown note',
        await asPerson(url, path, editor, who, { body: { noteId: 'shape:nothing' } }),
        404,
        /no note/,
      ],
      [
        'an editor naming the organisation',
        await asPerson(url, path, editor, who, {
          body: { noteId: notes.gemeente, organisation: 'GGD regio Utrecht' },
        }),
        403,
        /facilitator/,
      ],
      [
        'an unknown commitment',
        await asPerson(url, `${path}/commitment:nothing`, editor, who, {
          method: 'PATCH',
          body: { status: 'done' },
        }),
        404,
        /no commitment/,
      ],
      [
        'an id that is not one',
        await asPerson(url, `${path}/nope`, editor, who, { method: 'PATCH', body: {} }),
        400,
        /commitment id/,
      ],
      [
        'no token',
        await (async () => {
          const response = await fetch(`${url}${path}`, { method: 'POST', body: '{}' })
          return { status: response.status, type: '', body: await response.json() }
        })(),
        401,
        /token/,
      ],
    ]
    for (const [what, answer, status, message] of cases) {
      expect(answer.status, what).toBe(status)
      expect(answer.body.error, what).toMatch(message)
    }
    const made = await asPerson(url, path, editor, who, { body: { noteId: notes.gemeente } })
    const item = `${path}/${encodeURIComponent(made.body.commitment!.id)}`
    for (const body of [{}, { status: 'klaar' }, { person: '' }, { due: 'morgen' }]) {
      const answer = await asPerson(url, item, editor, who, { method: 'PATCH', body })
      expect(answer.status, JSON.stringify(body)).toBe(400)
      expect(answer.type).toContain('application/json')
    }
    await waitFor(() => commitmentsOf(facilitator.doc).length === 1, { what: 'the one commitment' })
    expect(commitmentsOf(facilitator.doc)[0]!.status).toBe('open')
  })
})

describe('the vervolgsessie', () => {
  const cleanup = useCleanup()

  it('A12: only the facilitator starts one; it carries values, ambitions, manifesto, a record of the signatures and the open commitments exactly, with links both ways', async () => {
    const { url, wsBase, board, writer, facilitator, notes, organisations } =
      await boardWithNotes(cleanup)
    // The ambitions: notes in steps A, B and C; C is where the session stopped.
    const a = laneRect(writer.doc, 'a-visie')
    const b = laneRect(writer.doc, 'b-vertrekpunt')
    const c = laneRect(writer.doc, 'c-oplossingen')
    const ambitions = [
      addNote(writer, { x: a.x + 40, y: a.y + 300 }, 'Iedereen hulp dichtbij huis', GEMEENTE),
      addNote(writer, { x: b.x + 40, y: b.y + 300 }, 'Loketten werken langs elkaar', GGD),
      addNote(writer, { x: c.x + 40, y: c.y + 300 }, 'Eén wijkteam per buurt', GGD),
    ]
    // The Kernwaarden frame a vote filled, with a promoted copy in it.
    shapeLog(writer.doc).set({
      id: 'shape:kernwaarden',
      typeName: 'shape',
      type: 'frame',
      parentId: 'page:page',
      index: 'b1',
      x: 3000,
      y: 0,
      rotation: 0,
      isLocked: false,
      opacity: 1,
      meta: {},
      props: { w: 720, h: 320, name: 'Kernwaarden', color: 'black' },
    })
    const value = addNote(
      writer,
      { x: 40, y: 40 },
      'Gelijkwaardigheid',
      { ...GEMEENTE, stipPromotedFrom: 'shape:origineel' },
      'shape:kernwaarden',
    )
    writeManifesto(
      writer.doc,
      'Wij geloven in bewoners aan het stuur.',
      'In 2040 is niemand eenzaam.',
    )

    // Commitments: open, under way, done.
    const path = `/api/boards/${board.id}/commitments`
    const gemeente = { organisation: 'Gemeente Utrecht', name: 'Anna' }
    const ggd = { organisation: 'GGD regio Utrecht', name: 'Bram' }
    await waitFor(
      async () =>
        (
          await asPerson(url, path, board.tokens.editor, gemeente, {
            body: { noteId: notes.gemeente, due: '2027-03-31' },
          })
        ).status === 201,
      { what: 'the Gemeente note on the server' },
    )
    const ggdMade = await asPerson(url, path, board.tokens.editor, ggd, {
      body: { noteId: notes.ggd },
    })
    expect(ggdMade.status).toBe(201)
    await asPerson(
      url,
      `${path}/${encodeURIComponent(ggdMade.body.commitment!.id)}`,
      board.tokens.editor,
      ggd,
      {
        method: 'PATCH',
        body: { status: 'underway' },
      },
    )
    const tip = await asPerson(
      url,
      path,
      board.tokens.facilitator,
      {},
      { body: { noteId: notes.tip } },
    )
    await asPerson(
      url,
      `${path}/${encodeURIComponent(tip.body.commitment!.id)}`,
      board.tokens.facilitator,
      {},
      {
        method: 'PATCH',
        body: { status: 'done' },
      },
    )

    // Signatures: the Gemeente signs, the text changes, the GGD signs the new text.
    await waitFor(
      async () => (await manifestoHashOf(facilitator.doc)) === (await manifestoHashOf(writer.doc)),
    )
    const gemeenteId = organisations.find((o) => o.name === 'Gemeente Utrecht')!.id
    const ggdId = organisations.find((o) => o.name === 'GGD regio Utrecht')!.id
    const sign = async (orgId: string, signerName: string) => {
      const token = await signingToken(url, board.id, board.tokens.facilitator, orgId)
      const signed = await boardApi(url, `/api/boards/${board.id}/signatures`, token, {
        method: 'POST',
        body: { signerName, signerFunction: 'Bestuurder', hash: await manifestoHashOf(writer.doc) },
      })
      expect(signed.status).toBe(201)
    }
    await sign(gemeenteId, 'Sharon Dijksma')
    setParagraphText(writer.doc, 1, 'Wij geloven in bewoners aan het stuur, samen met de wijk.')
    await waitFor(
      async () => (await manifestoHashOf(facilitator.doc)) === (await manifestoHashOf(writer.doc)),
    )
    await sign(ggdId, 'Marja Mulder')
    await waitFor(() => getSignatures(facilitator.doc).size === 2, { what: 'both signatures' })
    await waitFor(
      () =>
        commitmentsOf(facilitator.doc).every(
          (c) => c.status !== 'open' || c.noteId === notes.gemeente,
        ) && commitmentsOf(facilitator.doc).length === 3,
      { what: 'the three commitments' },
    )
    const sourceText = canonicalManifestoText(getManifesto(facilitator.doc))
    const sourceCommitments = commitmentsOf(facilitator.doc)

    // Only the facilitator; bad input is refused.
    const followUp = `/api/boards/${board.id}/follow-up`
    expect(
      (await asPerson(url, followUp, board.tokens.editor, gemeente, { body: {} })).status,
    ).toBe(403)
    expect((await asPerson(url, followUp, board.tokens.viewer, {}, { body: {} })).status).toBe(403)
    const bad = await asPerson(url, followUp, board.tokens.facilitator, {}, { body: { title: '' } })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatch(/title/)

    const started = await asPerson(
      url,
      followUp,
      board.tokens.facilitator,
      {},
      { body: { locale: 'nl' } },
    )
    expect(started.status).toBe(201)
    const next = started.body as unknown as {
      id: string
      title: string
      links: Record<'facilitator' | 'editor' | 'viewer', string>
    }
    expect(next.title).toBe('Samen naar 2040 · vervolgsessie')
    expect(next.links.facilitator).toContain(`/b/${next.id}#token=`)
    // A second one from the same board is refused.
    const twice = await asPerson(url, followUp, board.tokens.facilitator, {}, { body: {} })
    expect(twice.status).toBe(409)
    expect(twice.body.code).toBe('already-continued')

    const info = await boardApi<{ organisations: unknown; role: string }>(
      url,
      `/api/boards/${next.id}`,
      tokenOfLink(next.links.facilitator),
    )
    expect(info.body.role).toBe('facilitator')
    expect(info.body.organisations).toEqual(organisations)

    const newBoard = await connectClient(cleanup, wsBase, next.id, {
      token: tokenOfLink(next.links.facilitator),
    })
    const carried = recordsOf(newBoard.doc)
    const sourceRecords = recordsOf(facilitator.doc)
    // Values and ambitions with the same ids, texts and places; "Dit ga ik doen" stays behind.
    for (const id of [value, 'shape:kernwaarden', ...ambitions]) {
      expect(carried.get(id), id).toEqual(sourceRecords.get(id))
    }
    expect(carried.get('shape:tpl-ambities-2040-start-frame')).toBeDefined()
    expect(carried.get(notes.gemeente)).toBeUndefined()
    expect(carried.get('shape:tpl-dit-ga-ik-doen-doen-frame')).toBeUndefined()
    // The manifesto's text exactly; no live signature.
    expect(canonicalManifestoText(getManifesto(newBoard.doc))).toBe(sourceText)
    expect(getSignatures(newBoard.doc).size).toBe(0)
    // The open and under-way commitments, marked as carried over; the done one is a record.
    const open = sourceCommitments.filter((c) => c.status !== 'done')
    expect(commitmentsOf(newBoard.doc)).toEqual(
      open.map((c) => ({ ...c, carriedFrom: { boardId: board.id, title: 'Samen naar 2040' } })),
    )
    const previous = readPreviousSession(newBoard.doc)!
    expect(previous).toMatchObject({
      boardId: board.id,
      title: 'Samen naar 2040',
      abcdStep: { sectionKey: 'c-oplossingen', label: { nl: 'C · Creatieve oplossingen' } },
      manifestoHash: await manifestoHashOf(facilitator.doc),
    })
    expect(previous.closedCommitments.map((c) => [c.text, c.status])).toEqual([
      ['Probeer de buurtcirkel', 'done'],
    ])
    expect(
      previous.signatures.map((s) => [s.organisationName, s.signerName, s.onCarriedText]).sort(),
    ).toEqual([
      ['GGD regio Utrecht', 'Marja Mulder', true],
      ['Gemeente Utrecht', 'Sharon Dijksma', false],
    ])
    // The old board points forward.
    await waitFor(() => readNextSession(facilitator.doc)?.boardId === next.id, {
      what: 'the link forward',
    })
    expect(readNextSession(facilitator.doc)?.title).toBe(next.title)

    // On the new board too, only the commitment's own organisation changes it.
    const newItem = `/api/boards/${next.id}/commitments/${encodeURIComponent(open[0]!.id)}`
    const newEditor = tokenOfLink(next.links.editor)
    expect(
      (await asPerson(url, newItem, newEditor, ggd, { method: 'PATCH', body: { status: 'done' } }))
        .status,
    ).toBe(403)
    const done = await asPerson(url, newItem, newEditor, gemeente, {
      method: 'PATCH',
      body: { status: 'done' },
    })
    expect(done.status).toBe(200)

    // The reports read it back: the new board's and the old one's.
    const report = async (boardId: string, token: string, format: 'md' | 'csv') => {
      const response = await fetch(`${url}/api/boards/${boardId}/report.${format}?token=${token}`)
      expect(response.status).toBe(200)
      return response.text()
    }
    const newReport = await report(next.id, newEditor, 'md')
    const progress = newReport.split('## Voortgang')[1]!.split('\n## ')[0]!
    expect(progress).toContain('Vervolg op de sessie "Samen naar 2040".')
    expect(progress).toContain('### Gemeente Utrecht')
    expect(progress).toMatch(
      /Afspraak: Ik bel de wijkagent \(uit een vorige sessie\) · Wie: Anna · Wanneer: 2027-03-31 · Stand: Gedaan/,
    )
    expect(progress).toMatch(
      /Afspraak: Wij openen een inloop \(uit een vorige sessie\) · Wie: Bram · Stand: Onderweg/,
    )
    expect(progress).toContain('### Afgerond in de vorige sessie')
    expect(progress).toContain('Gemeente Utrecht: Probeer de buurtcirkel — _Gedaan_')
    expect(progress).toMatch(
      /GGD regio Utrecht: Marja Mulder \(Bestuurder\), .* \(dezelfde tekst als waarmee deze sessie begon\)/,
    )
    const csv = (await report(next.id, newEditor, 'csv')).split('\r\n')
    expect(csv).toContain('Voortgang;Onderweg;GGD regio Utrecht;Bram;Wij openen een inloop;')
    expect(csv).toContain(
      'Voortgang;Gedaan;Gemeente Utrecht;Anna;Ik bel de wijkagent (2027-03-31);',
    )
    // The PDF and Word reports carry the same section, read back as people's tools read them.
    const bytes = async (format: 'pdf' | 'docx') =>
      Buffer.from(
        await (
          await fetch(`${url}/api/boards/${next.id}/report.${format}?token=${newEditor}`)
        ).arrayBuffer(),
      )
    const pdf = (await pdfText(await bytes('pdf'), false)).replace(/\s+/g, ' ')
    expect(pdf).toContain('Voortgang')
    expect(pdf).toContain('Wij openen een inloop (uit een vorige sessie)')
    expect(pdf).toContain('Onderweg')
    expect(await pdfBookmarks(await bytes('pdf'))).toContain('Afgerond in de vorige sessie')
    const word = (await docxText(await bytes('docx'))).replace(/\s+/g, ' ')
    expect(word).toContain('Ik bel de wijkagent (uit een vorige sessie)')
    expect(word).toContain('Marja Mulder (Bestuurder)')
    // The board export (export.json) holds them too.
    const exported = await boardApi<{
      document: { commitments: Record<string, Commitment>; sessions: { previous?: unknown } }
    }>(url, `/api/boards/${next.id}/export.json`, tokenOfLink(next.links.facilitator))
    expect(exported.status).toBe(200)
    expect(Object.keys(exported.body.document.commitments).sort()).toEqual(
      open.map((c) => c.id).sort(),
    )
    expect(exported.body.document.sessions.previous).toMatchObject({ boardId: board.id })
    const oldReport = await report(board.id, board.tokens.editor, 'md')
    expect(oldReport).toContain(`Vervolgd in de sessie "${next.title}".`)
    newBoard.destroy()
  })

  it('A12: counts a vervolgsessie as a new board against the creation quota', async () => {
    const { url } = await startTestServer(cleanup, { maxBoardsPerHour: 1 })
    const board = await createBoard(url, { title: 'Eén bord', organisations: ORGANISATIONS })
    const refused = await asPerson(
      url,
      `/api/boards/${board.id}/follow-up`,
      board.tokens.facilitator,
      {},
      { body: {} },
    )
    expect(refused.status).toBe(429)
    expect(refused.body.code).toBe('board-creation-rate')
  })
})
