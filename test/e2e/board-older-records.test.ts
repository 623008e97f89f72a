import { getRecordsArray } from '@stip/board/doc-layout'
import { WS_PATH } from '@stip/protocol'
import { describe, expect, it } from 'vitest'
import { useCleanup } from '../integration/helpers/cleanup'
import { connectClient } from '../integration/helpers/clients'
import { waitFor } from '../integration/helpers/wait-for'
import { joinBoard, waitForShapes } from './helpers/board-page'
import { createBoard } from './helpers/boards'
import { useBrowserSession } from './helpers/browser-session'
import { tokenOf } from './helpers/manifesto-page'

type StoredNote = { id: string; x: number; props: { richText: unknown } }

describe('a board whose records were stored before they were JSON text', () => {
  const session = useBrowserSession()
  const cleanup = useCleanup()

  it('opens with those records, and an edit stores them as text from then on', async () => {
    const url = session.server.server.url
    const board = await createBoard(url)
    const anna = await (await session.newContext()).newPage()
    await joinBoard(anna, board.links.editor, { name: 'Anna', organisation: 'GGD' })
    const note = (await anna.evaluate(() => {
      const editor = window.__stip?.editor
      if (!editor) throw new Error('no editor')
      editor.createShape({ type: 'note', x: 300, y: 200 })
      const created = editor.getCurrentPageShapes().find((shape) => shape.type === 'note')
      return JSON.parse(JSON.stringify(created))
    })) as StoredNote

    // An older Stip wrote each record as a Yjs object: replace the note's entry that way.
    const older = await connectClient(
      cleanup,
      `${url.replace(/^http/, 'ws')}${WS_PATH}`,
      board.id,
      { token: tokenOf(board.links.editor) },
    )
    const entries = getRecordsArray(older.doc)
    await waitFor(() => entries.toArray().some((entry) => entry.key === note.id), {
      what: 'the note to reach the server',
    })
    const asBefore = {
      ...note,
      props: {
        ...note.props,
        richText: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Van vroeger' }] }],
        },
      },
    }
    older.doc.transact(() => {
      entries.delete(entries.toArray().findIndex((entry) => entry.key === note.id))
      entries.push([{ key: note.id, val: asBefore }])
    })

    // Someone opening the board now, and Anna who had it open, both read the older entry.
    const bram = await (await session.newContext()).newPage()
    await joinBoard(bram, board.links.editor, { name: 'Bram', organisation: 'Gemeente' })
    for (const page of [bram, anna])
      await waitForShapes(page, (shapes) => shapes.some((shape) => shape.text === 'Van vroeger'))

    // Bram moves it: its entry is JSON text from then on, and still the same note.
    await bram.evaluate((id) => {
      const editor = window.__stip?.editor
      editor?.updateShape({ id: id as never, type: 'note', x: 640 })
    }, note.id)
    await waitFor(
      () => {
        const latest = entries
          .toArray()
          .filter((entry) => entry.key === note.id)
          .at(-1)
        return typeof latest?.val === 'string' && JSON.parse(latest.val).x === 640
      },
      { what: 'the moved note stored as JSON text' },
    )
    const latest = entries
      .toArray()
      .filter((entry) => entry.key === note.id)
      .at(-1)
    expect(JSON.parse(latest?.val as string).props.richText).toEqual(asBefore.props.richText)
    await expect
      .poll(() => anna.evaluate((id) => window.__stip?.editor.getShape(id as never)?.x, note.id))
      .toBe(640)
  })
})
