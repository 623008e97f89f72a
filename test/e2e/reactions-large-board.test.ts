import { reactionKey } from '@stip/board/doc-model'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { joinBoard, waitForStatus } from './helpers/board-page'
import { createBoard } from './helpers/boards'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'

/*
 * The reactions layer is always mounted, so whatever it reads it reads on every change of the
 * page, drag frames included. On a board of 500 notes with one reaction, moving a note must
 * make it place the notes in view at most, never all 500. The count comes from the client
 * itself (noteAnchorReadings in the test handle: every note position an overlay reads).
 */

const NOTES = 500
const COLUMNS = 25
const STEP = 240
const MOVES = 10
const noteId = (i: number) => `shape:many-${i}`
const REACTED = noteId(0)
/** In view at the camera below, and no reaction on it. */
const MOVED = noteId(COLUMNS + 1)

/** Puts `count` notes in a grid, "Idee n" on each, in one change. */
async function fillBoard(page: Page): Promise<void> {
  await page.evaluate(
    ({ count, columns, step }) => {
      const editor = window.__stip?.editor
      if (!editor) throw new Error('no editor')
      editor.createShapes(
        Array.from({ length: count }, (_, i) => ({
          id: `shape:many-${i}` as never,
          type: 'note',
          x: (i % columns) * step,
          y: Math.floor(i / columns) * step,
          props: {
            richText: {
              type: 'doc',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: `Idee ${i}` }] }],
            },
          },
        })),
      )
    },
    { count: NOTES, columns: COLUMNS, step: STEP },
  )
}

/** Moves one note `MOVES` times, a frame apart; returns how many note positions were read. */
async function readingsWhileMoving(page: Page, id: string): Promise<number> {
  return page.evaluate(
    async ({ id, moves }) => {
      const stip = window.__stip
      if (!stip) throw new Error('no editor')
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
      const shape = stip.editor.getShape(id as never)
      if (!shape) throw new Error(`no ${id}`)
      await frame()
      const before = stip.noteAnchorReadings()
      for (let i = 1; i <= moves; i++) {
        stip.editor.updateShape({ id: shape.id, type: 'note', x: shape.x + i * 4 })
        // React renders the layer after the change; two frames leave room for that.
        await frame()
        await frame()
      }
      return stip.noteAnchorReadings() - before
    },
    { id, moves: MOVES },
  )
}

const rows = (page: Page) => page.locator('.note-reactions')

describe('the reactions layer on a board of 500 notes', () => {
  const session = useBrowserSession()
  let page: Page

  it('places only the notes in view while a note moves, and draws the reaction', async () => {
    const board = await createBoard(session.server.server.url, 'Vijfhonderd notities')
    page = await (await session.newContext()).newPage()
    await joinBoard(page, board.links.editor, { name: 'Anna de Vries', organisation: 'GGD' })
    await waitForStatus(page, 'connected')
    await fillBoard(page)
    const key = reactionKey(REACTED, 'eens', 'iemand-anders')
    await page.evaluate((key) => {
      window.__stip?.doc.getMap('reactions').set(key, true)
    }, key)
    await page.evaluate(() => {
      window.__stip?.editor.setCamera({ x: 0, y: 0, z: 1 })
    })

    // The reacted note shows its count; every note in view offers the button.
    const reacted = page.locator(`.note-reactions[data-note-id="${REACTED}"]`)
    await expect
      .poll(() =>
        reacted.locator('.note-reaction-count[data-kind="eens"]').getAttribute('data-count'),
      )
      .toBe('1')
    const inView = await rows(page).count()
    expect(inView).toBeGreaterThan(4)
    expect(inView).toBeLessThan(40)
    await screenshot(page, 'reactions-500-notes')

    // Each move places the notes in view (the moved one among them) again, not all 500:
    // reading every note would be at least NOTES * MOVES.
    const readings = await readingsWhileMoving(page, MOVED)
    expect(readings).toBeGreaterThanOrEqual(MOVES)
    expect(readings).toBeLessThan((NOTES * MOVES) / 5)
  })

  it('zoomed out over all 500, it places only the note with a reaction', async () => {
    await page.evaluate(() => {
      window.__stip?.editor.zoomToFit()
    })
    await expect.poll(() => rows(page).count()).toBe(0)
    const readings = await readingsWhileMoving(page, MOVED)
    // One reacted note per move (its row stays hidden: the notes are too small on screen).
    expect(readings).toBeLessThanOrEqual(MOVES * 3)
  })

  it('still offers the keyboard a reaction on a note nobody reacted to', async () => {
    await page.evaluate(() => {
      window.__stip?.editor.setCamera({ x: 0, y: 0, z: 1 })
    })
    const add = page.getByRole('button', { name: 'Reageer op: Idee 2', exact: true })
    await add.focus()
    await page.keyboard.press('Enter')
    const row = page.locator(`.note-reactions[data-note-id="${noteId(2)}"]`)
    await row.locator('.note-reaction-choice').first().waitFor()
    await page.keyboard.press('Enter')
    await expect
      .poll(() => row.locator('.note-reaction-count[data-kind="eens"]').getAttribute('data-count'))
      .toBe('1')
    expect(await row.locator('.note-reaction-count').first().getAttribute('aria-pressed')).toBe(
      'true',
    )
  })
})
