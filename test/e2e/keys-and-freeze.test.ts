import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useCleanup } from '../integration/helpers/cleanup'
import { addNoteViaUi, joinBoard, waitForStatus } from './helpers/board-page'
import { createBoard } from './helpers/boards'
import { useBrowserSession } from './helpers/browser-session'
import {
  insertDefaultStructure,
  openManifesto,
  tokenOf,
  waitForServerMarkdown,
} from './helpers/manifesto-page'
import { screenshot } from './helpers/screenshots'

/** What a stray shortcut would change on the canvas, as plain data. */
function canvasState(page: Page) {
  return page.evaluate(() => {
    const editor = window.__stip!.editor
    return {
      tool: editor.getCurrentToolId(),
      zoom: editor.getZoomLevel(),
      selected: editor.getSelectedShapeIds(),
      notes: editor
        .getCurrentPageShapes()
        .filter((s) => s.type === 'note')
        .map((s) => s.id),
    }
  })
}

const freeze = (page: Page) =>
  page.getByRole('button', { name: 'Tekst bevriezen voor ondertekening' }).click()
const unfreeze = (page: Page) => page.getByRole('button', { name: 'Bevriezing opheffen' }).click()
const prose = (page: Page, editable: boolean) =>
  page.locator(`.manifesto-prose[contenteditable="${editable}"]`)

describe('keys typed beside the canvas, and the manifesto freeze', () => {
  const session = useBrowserSession()
  const cleanup = useCleanup()
  const url = () => session.server.server.url
  let board: Awaited<ReturnType<typeof createBoard>>
  let facilitator: Page
  let editor: Page

  it('never lets keys typed in the frozen manifesto reach the canvas', async () => {
    board = await createBoard(url(), 'Toetsen')
    facilitator = await (await session.newContext()).newPage()
    await facilitator.setViewportSize({ width: 1440, height: 900 })
    await joinBoard(facilitator, board.links.facilitator, {
      name: 'Fenna',
      organisation: 'Gemeente',
    })
    await waitForStatus(facilitator, 'connected')
    await openManifesto(facilitator)
    await insertDefaultStructure(facilitator)
    await facilitator.locator('.manifesto-prose > p').first().click()
    await facilitator.keyboard.type('Wij maken de wijk samen sterker.')

    editor = await (await session.newContext()).newPage()
    await editor.setViewportSize({ width: 1440, height: 900 })
    await joinBoard(editor, board.links.editor, { name: 'Eva', organisation: 'GGD' })
    await waitForStatus(editor, 'connected')
    await addNoteViaUi(editor, 'Blijf staan', { x: 400, y: 400 })
    await editor.mouse.click(400, 400)
    const before = await canvasState(editor)
    expect(before.selected).toHaveLength(1)
    expect(before.tool).toBe('select')

    await freeze(facilitator)
    await openManifesto(editor)
    await prose(editor, false).waitFor()
    await editor.locator('.manifesto-prose p', { hasText: 'sterker' }).click()
    for (const key of ['d', 'n', 'z', 'Backspace', 'Delete', 'Shift+Digit1']) {
      await editor.keyboard.press(key)
    }
    await editor.keyboard.type('dnz')
    expect(await canvasState(editor)).toEqual(before)
    await screenshot(editor, 'keys-frozen-manifesto')
    await editor.setViewportSize({ width: 390, height: 844 })
    await editor.keyboard.press('Backspace')
    expect((await canvasState(editor)).notes).toEqual(before.notes)
    await screenshot(editor, 'keys-frozen-manifesto-phone')
    await editor.setViewportSize({ width: 1440, height: 900 })

    // Back on the canvas the shortcuts work as before.
    await editor.mouse.click(800, 250)
    await editor.keyboard.press('d')
    expect((await canvasState(editor)).tool).toBe('draw')
    await editor.keyboard.press('v')
  })

  it('keeps every key typed right after the facilitator unfreezes the text', async () => {
    await unfreeze(facilitator)
    const line = 'Wij maken de wijk samen sterker.'
    await prose(editor, true).locator('p', { hasText: line }).click()
    await editor.keyboard.press('End')
    await editor.keyboard.type(' abcdefgh')
    await waitForServerMarkdown(cleanup, url(), board.id, tokenOf(board.links.viewer), (md) =>
      md.includes('sterker. abcdefgh'),
    )

    // Freeze while Eva's caret is in the text, then lift it: she goes on typing at once.
    await freeze(facilitator)
    await prose(editor, false).waitFor()
    await unfreeze(facilitator)
    await prose(editor, true).waitFor()
    const started = Date.now()
    for (let i = 0; i < 8; i++) await editor.keyboard.press('Backspace')
    expect(Date.now() - started).toBeLessThan(1000)
    await editor.keyboard.type('!')
    const markdown = await waitForServerMarkdown(
      cleanup,
      url(),
      board.id,
      tokenOf(board.links.viewer),
      (md) => md.includes('!'),
    )
    // All eight took a letter: " abcdefgh" is down to its space.
    expect(markdown).toContain('Wij maken de wijk samen sterker. !')
    await facilitator
      .locator('.manifesto-prose p', { hasText: 'Wij maken de wijk samen sterker. !' })
      .waitFor()
    await screenshot(editor, 'keys-after-unfreeze')
  })
})
