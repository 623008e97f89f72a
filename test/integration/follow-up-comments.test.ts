import { type CommentThread, getManifesto, readCommentThreads } from '@stip/board/doc-model'
import { resolvePassage } from '@stip/manifesto'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addNote, laneRect, recordsOf } from './helpers/board-notes'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { connectClient } from './helpers/clients'
import { boardApi, manifestoText, tokenOfLink, writeManifesto } from './helpers/manifesto'
import { startTestServer } from './helpers/test-server'
import { waitFor } from './helpers/wait-for'

const GEMEENTE = { authorId: 'u-wim', authorName: 'Wim', organisation: 'Gemeente Zeist' }
const TITLE = 'Samen sterk in Zeist'

type Answer = { thread: CommentThread; error: string }

/** The text of a top-level block of the manifesto (a paragraph's one Y.XmlText). */
const blockText = (doc: Y.Doc, index: number) =>
  (getManifesto(doc).get(index) as Y.XmlElement).get(0) as Y.XmlText

describe('comment threads in a vervolgsessie', () => {
  const cleanup = useCleanup()

  it('C11: open threads on the manifesto, a note and a werkvorm carry over with their messages onto the copies; resolved ones and those on what stays behind do not', async () => {
    const { url, wsBase } = await startTestServer(cleanup)
    const board = await createBoard(url, {
      title: TITLE,
      template: 'ambities-2040',
      organisations: [{ name: 'Gemeente Zeist' }, { name: 'GGD' }],
    })
    const writer = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.editor })
    writeManifesto(
      writer.doc,
      'Wij geloven dat bewoners zelf het beste weten wat werkt.',
      'Niemand staat er in 2040 alleen voor.',
    )
    const lane = laneRect(writer.doc, 'a-visie')
    const ambition = addNote(
      writer,
      { x: lane.x + 40, y: lane.y + 300 },
      'Iedereen hulp dichtbij huis',
      GEMEENTE,
    )
    const settled = addNote(
      writer,
      { x: lane.x + 300, y: lane.y + 300 },
      'Buurthuis elke avond open',
      GEMEENTE,
    )
    // Off every carried frame: it stays on this board, and so does its thread.
    const loose = addNote(writer, { x: 9000, y: 9000 }, 'Koffie bij de ingang', GEMEENTE)
    const frame = [...recordsOf(writer.doc).values()].find((r) => r.meta?.stipPart === 'frame')!
    const reader = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.viewer })
    await waitFor(
      () =>
        manifestoText(reader.doc) === manifestoText(writer.doc) && recordsOf(reader.doc).has(loose),
      { what: 'the manifesto and the notes to reach the server' },
    )

    const post = <T = Answer>(boardId: string, path: string, token: string, body: unknown) =>
      boardApi<T>(url, `/api/boards/${boardId}/comments${path}`, token, { method: 'POST', body })
    const start = async (target: object, text: string, organisation = 'Gemeente Zeist') => {
      const made = await post(board.id, '', board.tokens.editor, {
        target,
        text,
        name: organisation === 'GGD' ? 'Gert' : 'Wim',
        organisation,
      })
      expect(made.status, made.body.error).toBe(201)
      return made.body.thread
    }
    const reply = async (id: string, text: string) => {
      const answered = await post(board.id, `/${id}/messages`, board.tokens.editor, {
        text,
        name: 'Gert',
        organisation: 'GGD',
      })
      expect(answered.status, answered.body.error).toBe(200)
    }

    const onPassage = await start(
      { kind: 'manifesto', passage: { path: [3], from: 16, to: 24, text: 'bewoners' } },
      'Bedoelen we ook ondernemers?',
    )
    await reply(onPassage.id, 'Ja, die horen erbij.')
    const onNote = await start({ kind: 'note', shapeId: ambition }, 'Hoe dichtbij is dichtbij?')
    await reply(onNote.id, 'Binnen tien minuten lopen.')
    const onWerkvorm = await start(
      { kind: 'werkvorm', frameId: frame.id },
      'Stap D bespreken we de volgende keer.',
      'GGD',
    )
    const onGonePassage = await start(
      { kind: 'manifesto', passage: { path: [7], from: 25, to: 31, text: 'alleen' } },
      'Te somber geformuleerd.',
    )
    const resolved = await start({ kind: 'note', shapeId: settled }, 'Ook in het weekend?')
    const closed = await post(board.id, `/${resolved.id}/status`, board.tokens.editor, {
      status: 'resolved',
      name: 'Gert',
      organisation: 'GGD',
    })
    expect(closed.status, closed.body.error).toBe(200)
    const onLoose = await start({ kind: 'note', shapeId: loose }, 'Wie zet de koffie?')

    // Typing before the first passage moves it; the second's word is deleted from the text.
    blockText(writer.doc, 3).insert(0, 'Samen: ')
    const ambitionText = blockText(writer.doc, 7)
    ambitionText.delete(ambitionText.toString().indexOf('alleen '), 'alleen '.length)
    await waitFor(
      () =>
        manifestoText(reader.doc).includes('Samen: Wij') &&
        manifestoText(reader.doc).includes('in 2040 voor.'),
      { what: 'the edits at the server' },
    )
    const before = new Map(readCommentThreads(reader.doc).map((t) => [t.id, t]))
    expect(before.size).toBe(6)

    const started = await boardApi<{
      id: string
      links: Record<'facilitator' | 'editor' | 'viewer', string>
      carried: { comments: number }
    }>(url, `/api/boards/${board.id}/follow-up`, board.tokens.facilitator, {
      method: 'POST',
      body: {},
    })
    expect(started.status).toBe(201)
    expect(started.body.carried.comments).toBe(4)
    const audit = await boardApi<{
      entries: Array<{ act: string; detail: { comments?: number } }>
    }>(url, `/api/boards/${board.id}/audit?format=json`, board.tokens.facilitator)
    expect(audit.body.entries.find((e) => e.act === 'board.continued')?.detail.comments).toBe(4)
    const next = started.body
    const newEditor = tokenOfLink(next.links.editor)
    const newBoard = await connectClient(cleanup, wsBase, next.id, { token: newEditor })
    const carried = await waitFor(
      () => {
        const threads = readCommentThreads(newBoard.doc)
        return threads.length === 4 ? new Map(threads.map((t) => [t.id, t])) : undefined
      },
      { what: 'the carried threads on the new board' },
    )
    expect([...carried.keys()].sort()).toEqual(
      [onPassage.id, onNote.id, onWerkvorm.id, onGonePassage.id].sort(),
    )
    const carriedFrom = { boardId: board.id, title: TITLE }
    // Messages, authors, times and status as they were; marked with where they came from.
    for (const [id, thread] of carried) {
      const { target: _target, carriedFrom: _none, ...rest } = before.get(id)!
      expect(thread).toMatchObject({ ...rest, status: 'open', carriedFrom })
    }
    expect(carried.get(onPassage.id)!.messages.map((m) => [m.author, m.text])).toEqual([
      [{ name: 'Wim', organisation: 'Gemeente Zeist' }, 'Bedoelen we ook ondernemers?'],
      [{ name: 'Gert', organisation: 'GGD' }, 'Ja, die horen erbij.'],
    ])

    // The passage thread is anchored in the new board's own text, on the words it follows.
    const passageTarget = carried.get(onPassage.id)!.target
    if (passageTarget.kind !== 'manifesto') throw new Error('not a passage thread')
    expect(passageTarget.sectionKey).toBe('preambule')
    const found = resolvePassage(newBoard.doc, passageTarget.anchor)
    expect(found?.content).toBe('bewoners')
    expect(found?.text.toString()).toBe(
      'Samen: Wij geloven dat bewoners zelf het beste weten wat werkt.',
    )
    // Typing on the new board moves it there; the old board's thread does not notice.
    blockText(newBoard.doc, 3).insert(0, 'Nu: ')
    await waitFor(() => manifestoText(newBoard.doc).includes('Nu: Samen'), { what: 'the edit' })
    expect(resolvePassage(newBoard.doc, passageTarget.anchor)?.start).toBe(
      'Nu: Samen: Wij geloven dat '.length,
    )
    expect(resolvePassage(reader.doc, passageTarget.anchor)).toBeNull()

    // Its passage gone, the other passage thread keeps its quote and no place in the text.
    expect(carried.get(onGonePassage.id)).toMatchObject({
      quote: 'alleen',
      target: { kind: 'manifesto', anchor: { start: null, end: null } },
    })

    // The note and werkvorm threads point at the copies, which are on the new board.
    expect(carried.get(onNote.id)!.target).toEqual({ kind: 'note', shapeId: ambition })
    expect(carried.get(onWerkvorm.id)!.target).toEqual({ kind: 'werkvorm', frameId: frame.id })
    const newRecords = recordsOf(newBoard.doc)
    expect(newRecords.get(ambition)?.type).toBe('note')
    expect(newRecords.get(frame.id)?.type).toBe('frame')
    expect(newRecords.has(loose)).toBe(false)

    // A carried thread lives on: answered on the new board, it changes there only.
    const answered = await post(next.id, `/${onNote.id}/messages`, newEditor, {
      text: 'Afgesproken.',
      name: 'Wim',
      organisation: 'Gemeente Zeist',
    })
    expect(answered.status, answered.body.error).toBe(200)
    expect(answered.body.thread.messages).toHaveLength(3)
    expect(answered.body.thread.carriedFrom).toEqual(carriedFrom)
    expect(readCommentThreads(reader.doc).find((t) => t.id === onNote.id)?.messages).toHaveLength(2)
    // The new board's report lists them with where they came from.
    const report = await fetch(`${url}/api/boards/${next.id}/report.md?token=${newEditor}`)
    const chapter = (await report.text()).split('\n## Opmerkingen\n')[1]!
    expect(chapter).toContain('Manifest, Preambule: “bewoners”')
    expect(chapter).toContain('Ja, die horen erbij.')
    expect(chapter).toContain('Manifest, Ambities 2040: “alleen”')
    expect(chapter.split(`Overgenomen uit de sessie "${TITLE}".`)).toHaveLength(5)
    expect(chapter).not.toContain('Ook in het weekend?')

    // The previous board keeps all six, unmarked.
    expect(readCommentThreads(reader.doc).map((t) => t.carriedFrom)).toEqual(Array(6).fill(null))
    expect(before.has(onLoose.id)).toBe(true)
  })
})
