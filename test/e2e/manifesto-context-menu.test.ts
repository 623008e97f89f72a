import { describe, expect, it } from 'vitest'
import { addNoteViaUi, joinBoard, waitForShapes, waitForStatus } from './helpers/board-page'
import { createBoard } from './helpers/boards'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'

describe('notes to the manifesto from the canvas', () => {
  const session = useBrowserSession()

  it('offers "Naar manifest…" in the context menu of selected notes, leading to the section picker', async () => {
    const board = await createBoard(session.server.server.url, 'Via het menu')
    const page = await (await session.newContext()).newPage()
    await joinBoard(page, board.links.editor, { name: 'Hanna', organisation: 'Politie' })
    await waitForStatus(page, 'connected')
    await addNoteViaUi(page, 'Veilig thuis', { x: 350, y: 320 })
    await waitForShapes(page, (shapes) => shapes.some((shape) => shape.text === 'Veilig thuis'))

    const center = await page.evaluate(() => {
      const editor = window.__stip?.editor
      const note = editor?.getCurrentPageShapes().find((shape) => shape.type === 'note')
      if (!editor || !note) throw new Error('no note')
      editor.select(note.id)
      const bounds = editor.getShapePageBounds(note.id)
      if (!bounds) throw new Error('no bounds')
      const point = editor.pageToViewport(bounds.center)
      const container = editor.getContainer().getBoundingClientRect()
      return { x: container.left + point.x, y: container.top + point.y }
    })
    await page.mouse.click(center.x, center.y, { button: 'right' })
    const item = page.getByRole('menuitem', { name: 'Naar manifest…' })
    await item.waitFor()
    await screenshot(page, 'manifesto-context-menu')
    await item.click()

    await page.getByRole('tab', { name: 'Manifest', selected: true }).waitFor()
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-focus-target') === 'notes-to-manifesto',
    )
    await page.getByLabel('Onderdeel').selectOption({ label: 'Eerste stappen deze collegeperiode' })
    await page.getByRole('button', { name: 'Geselecteerde notities naar manifest' }).click()
    await page.locator('.manifesto-prose li', { hasText: 'Veilig thuis — Politie' }).waitFor()
    expect(await page.locator('.manifesto-prose li').count()).toBe(1)
  })
})
