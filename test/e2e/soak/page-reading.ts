import type { Page } from 'playwright-core'

/** Opens a side-panel tab by name, closing the share dialog first if it is in the way. */
export async function openTab(page: Page, name: string): Promise<void> {
  const share = page.getByRole('dialog', { name: 'Bord delen' })
  if (await share.isVisible()) {
    await page.keyboard.press('Escape')
    await share.waitFor({ state: 'hidden' })
  }
  const tab = page.getByRole('tab', { name, exact: true })
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click()
  await page.locator('.side-panel-tab[aria-selected="true"]', { hasText: name }).waitFor()
}

/** Where a point of the board (page coordinates) is on this page's screen. */
export function screenPointOf(page: Page, point: { x: number; y: number }) {
  return page.evaluate((p) => {
    const screen = window.__stip?.editor.pageToScreen(p)
    if (!screen) throw new Error('no editor')
    return { x: screen.x, y: screen.y }
  }, point)
}

/** A note as a page has it: id, text and whether this page hides it. */
export interface ScreenNote {
  id: string
  text: string
  hidden: boolean
}

export function screenNotes(page: Page): Promise<ScreenNote[]> {
  return page.evaluate(() => {
    const editor = window.__stip?.editor
    if (!editor) return []
    return editor
      .getCurrentPageShapes()
      .filter((shape) => shape.type === 'note')
      .map((shape) => ({
        id: shape.id as string,
        text: (editor.getShapeUtil(shape).getText(shape) ?? '').trim(),
        hidden: editor.isShapeHidden(shape),
      }))
  })
}

/** The texts of the notes this page shows. */
export async function visibleNoteTexts(page: Page): Promise<string[]> {
  return (await screenNotes(page)).filter((note) => !note.hidden).map((note) => note.text)
}
