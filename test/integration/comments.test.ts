import {
  type CommentThread,
  FacilitatorKey,
  getFacilitator,
  readCommentThreads,
} from '@stip/board/doc-model'
import { resolvePassage } from '@stip/manifesto'
import { CloseCode } from '@stip/protocol'
import { micromark } from 'micromark'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addNote, recordsOf } from './helpers/board-notes'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { type BoardClient, connectClient } from './helpers/clients'
import { boardApi, manifestoText, tokenOfLink, writeManifesto } from './helpers/manifesto'
import { closeCodeOf, mapUpdate, openRawSocket, sendFrame, updateFrame } from './helpers/raw-socket'
import { startTestServer } from './helpers/test-server'
import { waitFor } from './helpers/wait-for'

const PREAMBLE = 'Wij geloven dat bewoners zelf het beste weten wat werkt in hun wijk.'
/** "geloven" in the preamble: the fragment's fourth child, as the editor's selection reports it. */
const PASSAGE = { path: [3], from: 4, to: 11, text: 'geloven' }
const GEMEENTE = { authorId: 'u-wim', authorName: 'Wim', organisation: 'Gemeente Zeist' }

type Answer = { thread: CommentThread; error: string; code?: string }

/** A request as the browser sends it: a token, and who the person said they are on joining. */
async function send(
  url: string,
  path: string,
  token: string | undefined,
  init: {
    method?: string
    body?: unknown
    rawBody?: string
    organisation?: string
    name?: string
  } = {},
) {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (init.organisation)
    headers['stip-participant-organisation'] = encodeURIComponent(init.organisation)
  if (init.name) headers['stip-participant-name'] = encodeURIComponent(init.name)
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
    body: (text ? JSON.parse(text) : {}) as Answer,
  }
}

const threadsOf = (client: BoardClient) => readCommentThreads(client.doc)
const threadIn = (client: BoardClient, id: string) => threadsOf(client).find((t) => t.id === id)

/**
 * An "Ambities 2040" board of the Gemeente Zeist and the GGD: a note of the Gemeente, a written
 * manifesto, the Gemeente on the editor link and the GGD on its own signing link.
 */
async function boardOfTwo(cleanup: ReturnType<typeof useCleanup>) {
  const { url, wsBase } = await startTestServer(cleanup)
  const board = await createBoard(url, {
    title: 'Samen sterk in Zeist',
    template: 'ambities-2040',
    organisations: [{ name: 'Gemeente Zeist' }, { name: 'GGD' }],
  })
  const gemeente = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.editor })
  writeManifesto(gemeente.doc, PREAMBLE, 'Niemand staat er in 2040 alleen voor.')
  const noteId = addNote(gemeente, { x: 40, y: -400 }, 'Buurthuis elke avond open', GEMEENTE)
  const frame = [...recordsOf(gemeente.doc).values()].find((r) => r.meta?.stipPart === 'frame')!
  const link = await boardApi<{ link: string }>(
    url,
    `/api/boards/${board.id}/signing-links/ggd`,
    board.tokens.facilitator,
    { method: 'POST' },
  )
  const ggdToken = tokenOfLink(link.body.link)
  const ggd = await connectClient(cleanup, wsBase, board.id, { token: ggdToken })
  await waitFor(
    () => manifestoText(ggd.doc) === manifestoText(gemeente.doc) && recordsOf(ggd.doc).has(noteId),
    { what: 'the manifesto and the note to reach the GGD' },
  )
  const api = (path: string, token: string | undefined, init: Parameters<typeof send>[3] = {}) =>
    send(url, `/api/boards/${board.id}${path}`, token, init)
  const comment = (token: string, body: Record<string, unknown>) =>
    api('/comments', token, {
      body: { text: 'Kan dit ook in het weekend?', name: 'Wim', ...body },
    })
  return { url, wsBase, board, gemeente, ggd, ggdToken, noteId, frame, api, comment }
}

describe('comment threads between two organisations over real connections', () => {
  const cleanup = useCleanup()

  it('C1: the editor, a signing link and the facilitator comment and the thread reaches the others live; a viewer may not', async () => {
    const { board, gemeente, ggd, ggdToken, noteId, comment } = await boardOfTwo(cleanup)
    const target = { kind: 'note', shapeId: noteId }
    const byEditor = await comment(board.tokens.editor, { target, organisation: 'Gemeente Zeist' })
    expect(byEditor.status).toBe(201)
    expect(byEditor.type).toContain('application/json')
    const id = byEditor.body.thread.id
    const live = await waitFor(() => threadIn(ggd, id), { what: 'the thread at the GGD' })
    expect(live).toMatchObject({
      status: 'open',
      target,
      messages: [
        {
          text: 'Kan dit ook in het weekend?',
          author: { name: 'Wim', organisation: 'Gemeente Zeist' },
        },
      ],
    })
    const bySigner = await comment(ggdToken, { target, name: 'Aïsha', text: 'Wij denken mee.' })
    expect(bySigner.status).toBe(201)
    const byChair = await comment(board.tokens.facilitator, { target, name: 'Fleur' })
    expect(byChair.status).toBe(201)
    await waitFor(() => threadsOf(gemeente).length === 3, { what: 'all three at the Gemeente' })

    const byViewer = await comment(board.tokens.viewer, { target, organisation: 'GGD' })
    expect(byViewer.status).toBe(403)
    expect(byViewer.body.error).toMatch(/facilitator or editor/)
    expect((await comment('wrong-token', { target })).status).toBe(401)
    expect((await comment('', { target })).status).toBe(401)
    expect(threadsOf(ggd)).toHaveLength(3)
  })

  it('C2: a signing link speaks for its own organisation, an editor for one the board has, the facilitator as Facilitator', async () => {
    const { board, ggdToken, noteId, comment, api } = await boardOfTwo(cleanup)
    const target = { kind: 'note', shapeId: noteId }
    const claimed = await comment(ggdToken, { target, organisation: 'Gemeente Zeist' })
    expect(claimed.status).toBe(201)
    expect(claimed.body.thread.messages[0]!.author.organisation).toBe('GGD')

    const unknown = await comment(board.tokens.editor, { target, organisation: 'Brandweer' })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error).toMatch(/no organisation "Brandweer"/)
    const none = await comment(board.tokens.editor, { target })
    expect(none.status).toBe(400)
    expect(none.body.error).toMatch(/name the organisation/)
    // The client sends the organisation chosen on joining as a header with every request.
    const byHeader = await api('/comments', board.tokens.editor, {
      organisation: 'ggd',
      body: { target, text: 'Via de kop', name: 'Bram' },
    })
    expect(byHeader.status).toBe(201)
    expect(byHeader.body.thread.messages[0]!.author).toEqual({ name: 'Bram', organisation: 'GGD' })

    const chair = await comment(board.tokens.facilitator, { target, name: 'Fleur' })
    expect(chair.body.thread.messages[0]!.author).toEqual({
      name: 'Fleur',
      organisation: 'Facilitator',
    })
    const chairForGgd = await comment(board.tokens.facilitator, { target, organisation: 'GGD' })
    expect(chairForGgd.body.thread.messages[0]!.author.organisation).toBe('GGD')
  })

  it('C3: a thread is about a note or a werkvorm the board has, and quotes it', async () => {
    const { board, gemeente, noteId, frame, comment } = await boardOfTwo(cleanup)
    const editor = (target: unknown) =>
      comment(board.tokens.editor, { target, organisation: 'Gemeente Zeist' })
    const onNote = await editor({ kind: 'note', shapeId: noteId })
    expect(onNote.body.thread.quote).toBe('Buurthuis elke avond open')
    const onWerkvorm = await editor({ kind: 'werkvorm', frameId: frame.id })
    expect(onWerkvorm.status).toBe(201)
    expect(onWerkvorm.body.thread.quote).toBe(frame.props.name)
    expect(onWerkvorm.body.thread.quote).not.toBe('')

    const missing = await editor({ kind: 'note', shapeId: 'shape:nergens' })
    expect(missing.status).toBe(404)
    expect(missing.body.error).toMatch(/no note "shape:nergens"/)
    // A frame is no note, and a note no werkvorm.
    expect((await editor({ kind: 'note', shapeId: frame.id })).status).toBe(404)
    expect((await editor({ kind: 'werkvorm', frameId: noteId })).status).toBe(404)
    const lane = [...recordsOf(gemeente.doc).values()].find((r) => r.meta?.stipPart === 'lane')!
    expect((await editor({ kind: 'werkvorm', frameId: lane.id })).status).toBe(404)
  })

  it('C4: a manifesto passage is anchored by the server and followed as people type before it; a stale one is 409; a freeze does not stop it', async () => {
    const { wsBase, board, gemeente, ggd, ggdToken, comment } = await boardOfTwo(cleanup)
    const made = await comment(ggdToken, {
      target: { kind: 'manifesto', passage: PASSAGE },
      text: 'Geloven is te zacht voor een manifest.',
    })
    expect(made.status).toBe(201)
    expect(made.body.thread).toMatchObject({
      quote: 'geloven',
      target: { kind: 'manifesto', sectionKey: 'preambule' },
    })
    const id = made.body.thread.id
    await waitFor(() => threadIn(gemeente, id), { what: 'the thread at the Gemeente' })

    // Someone types before the passage: the anchor moves with the word.
    gemeente.doc.transact(() => {
      const paragraph = gemeente.doc.getXmlFragment('manifesto').get(3) as Y.XmlElement
      ;(paragraph.get(0) as Y.XmlText).insert(0, 'Samen: ')
    })
    await waitFor(() => manifestoText(ggd.doc).includes('Samen: Wij geloven'), {
      what: 'the typing to reach the GGD',
    })
    const thread = threadIn(ggd, id)!
    if (thread.target.kind !== 'manifesto') throw new Error('not a manifesto thread')
    const found = resolvePassage(ggd.doc, thread.target.anchor as { start: unknown; end: unknown })
    expect(found).toMatchObject({ content: 'geloven', start: 11, end: 18 })

    const stale = await comment(ggdToken, { target: { kind: 'manifesto', passage: PASSAGE } })
    expect(stale.status).toBe(409)
    expect(stale.body).toMatchObject({ code: 'passage-changed' })
    const acrossBlocks = await comment(ggdToken, {
      target: { kind: 'manifesto', passage: { path: [3], from: 4, to: 400, text: 'x' } },
    })
    expect(acrossBlocks.status).toBe(409)

    const facilitator = await connectClient(cleanup, wsBase, board.id, {
      token: board.tokens.facilitator,
    })
    facilitator.doc.transact(() =>
      getFacilitator(facilitator.doc).set(FacilitatorKey.manifestoFrozen, true),
    )
    // The GGD hears of the freeze from the server, so the server has it.
    await waitFor(() => getFacilitator(ggd.doc).get(FacilitatorKey.manifestoFrozen) === true, {
      what: 'the freeze at the GGD',
    })
    const shifted = { path: [3], from: 11, to: 18, text: 'geloven' }
    const whileFrozen = await comment(ggdToken, {
      target: { kind: 'manifesto', passage: shifted },
    })
    expect(whileFrozen.status).toBe(201)
    expect(whileFrozen.body.thread.quote).toBe('geloven')
    expect(manifestoText(ggd.doc)).toContain('Samen: Wij geloven dat bewoners')
  })

  it('C5: replies keep their order and the thread stays where it is, also once resolved', async () => {
    const { board, gemeente, ggdToken, noteId, comment, api } = await boardOfTwo(cleanup)
    const started = await comment(board.tokens.editor, {
      target: { kind: 'note', shapeId: noteId },
      organisation: 'Gemeente Zeist',
    })
    const id = started.body.thread.id
    const reply = (token: string, text: string, extra: object = {}) =>
      api(`/comments/${id}/messages`, token, { body: { text, name: 'Aïsha', ...extra } })
    const first = await reply(ggdToken, 'Ja, op zaterdag.')
    expect(first.status).toBe(200)
    expect(first.body.thread.updatedAt).toBeGreaterThanOrEqual(started.body.thread.updatedAt)
    await api(`/comments/${id}/status`, ggdToken, { body: { status: 'resolved', name: 'Aïsha' } })
    const late = await reply(board.tokens.editor, '  En op zondag?  ', {
      name: 'Wim',
      organisation: 'Gemeente Zeist',
    })
    expect(late.status).toBe(200)
    expect(late.body.thread.status).toBe('resolved')
    expect(late.body.thread.messages.map((m) => [m.author.organisation, m.text])).toEqual([
      ['Gemeente Zeist', 'Kan dit ook in het weekend?'],
      ['GGD', 'Ja, op zaterdag.'],
      ['Gemeente Zeist', 'En op zondag?'],
    ])
    await waitFor(() => threadIn(gemeente, id)?.messages.length === 3, {
      what: 'the replies at the Gemeente',
    })
    expect((await reply(ggdToken, 'Hallo', {})).status).toBe(200)
    expect(
      (await api('/comments/onbekend/messages', ggdToken, { body: { text: 'x', name: 'A' } }))
        .status,
    ).toBe(404)
    expect((await reply(board.tokens.viewer, 'Mag ik?')).status).toBe(403)
  })

  it('C6: anyone who may comment resolves and reopens; asking twice changes nothing', async () => {
    const { url, board, ggd, ggdToken, noteId, comment, api } = await boardOfTwo(cleanup)
    const id = (
      await comment(board.tokens.editor, {
        target: { kind: 'note', shapeId: noteId },
        organisation: 'Gemeente Zeist',
      })
    ).body.thread.id
    const status = (token: string, value: string) =>
      api(`/comments/${id}/status`, token, { body: { status: value, name: 'Aïsha' } })
    const resolved = await status(ggdToken, 'resolved')
    expect(resolved.status).toBe(200)
    expect(resolved.body.thread).toMatchObject({
      status: 'resolved',
      resolved: { by: { name: 'Aïsha', organisation: 'GGD' } },
    })
    const again = await status(ggdToken, 'resolved')
    expect(again.status).toBe(200)
    expect(again.body.thread).toEqual(resolved.body.thread)
    await waitFor(() => threadIn(ggd, id)?.status === 'resolved', { what: 'the resolve live' })

    const reopened = await status(board.tokens.facilitator, 'open')
    expect(reopened.body.thread).toMatchObject({ status: 'open', resolved: null })
    expect((await status(board.tokens.viewer, 'resolved')).status).toBe(403)
    expect((await status(ggdToken, 'gesloten')).status).toBe(400)
    const audit = await boardApi<{ entries: Array<{ act: string }> }>(
      url,
      `/api/boards/${board.id}/audit?format=json`,
      board.tokens.facilitator,
    )
    const acts = audit.body.entries.map((e) => e.act).filter((a) => a.startsWith('comment.'))
    expect(acts).toEqual(['comment.started', 'comment.resolved', 'comment.reopened'])
  })

  it('C7: only the facilitator removes a message; its text goes, its place stays', async () => {
    const { board, gemeente, ggdToken, noteId, comment, api } = await boardOfTwo(cleanup)
    const started = await comment(ggdToken, {
      target: { kind: 'note', shapeId: noteId },
      text: 'Iets wat hier niet hoort',
    })
    const id = started.body.thread.id
    await api(`/comments/${id}/messages`, board.tokens.editor, {
      body: { text: 'Eens met de vraag', name: 'Wim', organisation: 'Gemeente Zeist' },
    })
    const messageId = started.body.thread.messages[0]!.id
    const remove = (token: string, message = messageId) =>
      api(`/comments/${id}/messages/${message}`, token, { method: 'DELETE' })
    for (const token of [board.tokens.editor, ggdToken, board.tokens.viewer])
      expect((await remove(token)).status).toBe(403)
    const removed = await remove(board.tokens.facilitator)
    expect(removed.status).toBe(200)
    expect(removed.body.thread.messages).toHaveLength(2)
    expect(removed.body.thread.messages[0]).toMatchObject({
      id: messageId,
      text: '',
      removedAt: expect.any(Number),
    })
    expect(removed.body.thread.messages[1]!.text).toBe('Eens met de vraag')
    await waitFor(() => threadIn(gemeente, id)?.messages[0]?.removedAt, {
      what: 'the removal at the Gemeente',
    })
    expect(threadIn(gemeente, id)!.messages[0]!.text).toBe('')
    const twice = await remove(board.tokens.facilitator)
    expect(twice.body.thread).toEqual(removed.body.thread)
    expect((await remove(board.tokens.facilitator, 'onbekend')).status).toBe(404)
    expect((await remove(board.tokens.facilitator, 'no%20id')).status).toBe(400)
  })

  it('C8: hostile bodies get a clear 4xx and change nothing, on this board or another', async () => {
    const { url, wsBase, ggd, ggdToken, noteId, comment, api } = await boardOfTwo(cleanup)
    const other = await createBoard(url, { title: 'Ander bord' })
    const target = { kind: 'note', shapeId: noteId }
    const kept = await comment(ggdToken, { target, text: ' Bel\u0007 de wijkagent\nmorgen ' })
    expect(kept.body.thread.messages[0]!.text).toBe('Bel de wijkagent\nmorgen')
    const id = kept.body.thread.id
    const refusals: Array<[number, Awaited<ReturnType<typeof comment>>]> = [
      [400, await comment(ggdToken, { target, text: '   ' })],
      [400, await comment(ggdToken, { target, text: 'x'.repeat(2001) })],
      [400, await comment(ggdToken, { target, name: 'n'.repeat(81) })],
      [400, await comment(ggdToken, { target, text: 42 })],
      [400, await comment(ggdToken, { target: { kind: 'sticker', shapeId: noteId } })],
      [400, await comment(ggdToken, { target: { kind: 'note', shapeId: 'geen-vorm' } })],
      [400, await comment(ggdToken, { target: 'note' })],
      [400, await comment(ggdToken, { target: { kind: 'manifesto', passage: { path: [3] } } })],
      [400, await api('/comments', ggdToken, { rawBody: '{"text":' })],
      [
        413,
        await api('/comments', ggdToken, { body: { target, name: 'A', text: 'x'.repeat(70_000) } }),
      ],
      [404, await comment(ggdToken, { target: { kind: 'note', shapeId: 'shape:weg' } })],
      [
        404,
        await api('/comments/onbekend/status', ggdToken, {
          body: { status: 'resolved', name: 'A' },
        }),
      ],
      [
        400,
        await api(`/comments/${'x'.repeat(41)}/messages`, ggdToken, {
          body: { text: 'x', name: 'A' },
        }),
      ],
      [400, await api(`/comments/${id}/messages`, ggdToken, { body: { text: ['x'], name: 'A' } })],
    ]
    for (const [status, answer] of refusals) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(status)
      expect(typeof answer.body.error).toBe('string')
    }
    // 200 messages in a thread, then no more.
    for (let n = 2; n <= 200; n++) {
      const reply = await api(`/comments/${id}/messages`, ggdToken, {
        body: { text: `Bericht ${n}`, name: 'Aïsha' },
      })
      expect(reply.status).toBe(200)
    }
    const full = await api(`/comments/${id}/messages`, ggdToken, {
      body: { text: 'Nog één', name: 'Aïsha' },
    })
    expect(full.status).toBe(409)
    expect(full.body.code).toBe('comment-thread-full')
    await waitFor(() => threadIn(ggd, id)?.messages.length === 200, { what: 'all 200 at the GGD' })
    expect(threadsOf(ggd)).toHaveLength(1)
    const otherBoard = await connectClient(cleanup, wsBase, other.id, {
      token: other.tokens.viewer,
    })
    expect(threadsOf(otherBoard)).toEqual([])
  }, 60_000)

  it('C9: every change is in the audit log with who and which thread, never the text', async () => {
    const { url, board, ggdToken, noteId, comment, api } = await boardOfTwo(cleanup)
    const started = await comment(ggdToken, {
      target: { kind: 'note', shapeId: noteId },
      name: 'Aïsha',
      text: 'Persoonlijke opmerking over de buurman',
    })
    const id = started.body.thread.id
    const reply = await api(`/comments/${id}/messages`, board.tokens.editor, {
      body: { text: 'Antwoord met details', name: 'Wim', organisation: 'Gemeente Zeist' },
    })
    await api(
      `/comments/${id}/messages/${reply.body.thread.messages[1]!.id}`,
      board.tokens.facilitator,
      {
        method: 'DELETE',
        name: 'Fleur',
      },
    )
    const audit = await boardApi<{
      entries: Array<{
        act: string
        role: string
        organisation: string
        participant: string
        detail: object
      }>
    }>(url, `/api/boards/${board.id}/audit?format=json`, board.tokens.facilitator)
    const entries = audit.body.entries.filter((e) => e.act.startsWith('comment.'))
    expect(entries).toEqual([
      expect.objectContaining({
        act: 'comment.started',
        role: 'editor',
        organisation: 'GGD',
        participant: 'Aïsha',
        detail: { threadId: id, target: 'note', messageId: started.body.thread.messages[0]!.id },
      }),
      expect.objectContaining({
        act: 'comment.replied',
        organisation: 'Gemeente Zeist',
        participant: 'Wim',
      }),
      expect.objectContaining({
        act: 'comment.removed',
        role: 'facilitator',
        participant: 'Fleur',
      }),
    ])
    const raw = JSON.stringify(entries)
    expect(raw).not.toContain('buurman')
    expect(raw).not.toContain('details')
  })

  it('C10: the report and the board export carry the threads, open ones first', async () => {
    const { url, board, ggdToken, noteId, frame, comment, api } = await boardOfTwo(cleanup)
    const onNote = await comment(ggdToken, {
      target: { kind: 'note', shapeId: noteId },
      name: 'Aïsha',
      text: 'Wie betaalt de avonden?',
    })
    await api(`/comments/${onNote.body.thread.id}/status`, board.tokens.editor, {
      body: { status: 'resolved', name: 'Wim', organisation: 'Gemeente Zeist' },
    })
    await comment(board.tokens.editor, {
      target: { kind: 'manifesto', passage: PASSAGE },
      organisation: 'Gemeente Zeist',
      text: 'Liever "weten" dan *geloven*',
    })
    await comment(board.tokens.facilitator, {
      target: { kind: 'werkvorm', frameId: frame.id },
      name: 'Fleur',
      text: 'Volgende keer meer tijd.',
    })
    const md = await (
      await fetch(`${url}/api/boards/${board.id}/report.md?token=${board.tokens.viewer}`)
    ).text()
    const chapter = md.slice(md.indexOf('## Opmerkingen'))
    expect(chapter).toMatch(/^## Opmerkingen\n\n### Open \(2\)/)
    expect(chapter).toContain('#### Manifest, Preambule: “geloven”')
    expect(chapter).toContain(`#### Werkvorm: ${frame.props.name}`)
    // What people typed stays text: no emphasis of their own.
    const html = micromark(chapter)
    expect(html).toContain('Liever &quot;weten&quot; dan *geloven*')
    expect(html).not.toContain('<em>geloven')
    expect(chapter).toContain('**Fleur (Facilitator)**')
    expect(chapter).toMatch(/### Afgehandeld \(1\)\n\n#### Briefje: “Buurthuis elke avond open”/)
    expect(chapter).toMatch(
      /\*\*Aïsha \(GGD\)\*\*, \d+ \w+ \d{4}\D+\d{2}:\d{2}: Wie betaalt de avonden\?/,
    )
    expect(chapter).toMatch(/Afgehandeld door Wim \(Gemeente Zeist\), \d+ \w+ \d{4}/)
    expect(chapter.indexOf('### Open')).toBeLessThan(chapter.indexOf('### Afgehandeld'))

    const english = await (
      await fetch(`${url}/api/boards/${board.id}/report.md?lang=en&token=${board.tokens.viewer}`)
    ).text()
    expect(english).toContain('## Comments')
    expect(english).toContain('### Resolved (1)')
    expect(english).toContain('#### Manifesto, Preamble: “geloven”')

    const csv = await (
      await fetch(`${url}/api/boards/${board.id}/report.csv?token=${board.tokens.viewer}`)
    ).text()
    expect(csv).toContain(
      'Opmerkingen;Briefje: “Buurthuis elke avond open” (afgehandeld);GGD;Aïsha;Wie betaalt de avonden?;',
    )

    const exported = await boardApi<{ document: { comments: Record<string, CommentThread> } }>(
      url,
      `/api/boards/${board.id}/export.json`,
      board.tokens.facilitator,
    )
    expect(Object.keys(exported.body.document.comments)).toHaveLength(3)
    expect(exported.body.document.comments[onNote.body.thread.id]).toMatchObject({
      status: 'resolved',
      quote: 'Buurthuis elke avond open',
    })
  })

  it('A3: refuses any client\u2019s own write to the comment threads, the facilitator\u2019s too', async () => {
    const { url, wsBase } = await startTestServer(cleanup)
    const board = await createBoard(url)
    for (const role of ['facilitator', 'editor'] as const) {
      const raw = await openRawSocket(cleanup, `${wsBase}/${board.id}?token=${board.tokens[role]}`)
      await sendFrame(raw, updateFrame(mapUpdate('comments', 'nep', { status: 'resolved' })))
      expect(await closeCodeOf(raw)).toBe(CloseCode.forbidden)
    }
    const reader = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.viewer })
    expect(reader.doc.getMap('comments').size).toBe(0)
  })
})
