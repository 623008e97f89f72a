export { axeViolations } from '../helpers/axe'

import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { CreatedBoard } from '../helpers/boards'

/*
 * Helpers for the session-tool tests (timer, voting, who is heard). The axe run mirrors
 * accessibility.test.ts: WCAG 2.1 A/AA, tldraw's own canvas UI excluded.
 */

export const ORGANISATIONS = [
  { name: 'Gemeente', color: '#1f6feb' },
  { name: 'GGD', color: '#15803d' },
  { name: 'Woningcorporatie', color: '#c2410c' },
  { name: 'Politie', color: '#475569' },
]

/** A board with the partner organisations above, created through the public API. */
export async function createBoardWithOrganisations(
  serverUrl: string,
  title: string,
  template?: string,
): Promise<CreatedBoard> {
  const response = await fetch(`${serverUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, organisations: ORGANISATIONS, template }),
  })
  if (response.status !== 201) throw new Error(`board creation failed: ${response.status}`)
  return (await response.json()) as CreatedBoard
}

/** Opens a side-panel tab by its name. */
export async function openPanel(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true })
  await tab.click()
  await page.locator('.side-panel-tab[aria-selected="true"]', { hasText: name }).waitFor()
}

/**
 * Presses Tab until the focused element's accessible label or text contains `text`,
 * checking that every focus stop outside the canvas shows a focus indicator.
 */
export async function tabTo(page: Page, text: string, maxTabs = 60): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab')
    const state = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el || el === document.body) return null
      const style = getComputedStyle(el)
      return {
        label: `${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`,
        visible:
          (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
          style.boxShadow !== 'none',
        inCanvas: Boolean(el.closest('.tl-container')),
      }
    })
    if (!state || state.inCanvas) continue
    expect(state.visible, `focus indicator on ${state.label}`).toBe(true)
    if (state.label.includes(text)) return
  }
  throw new Error(`nothing labelled "${text}" within ${maxTabs} tabs`)
}

export interface NoteInfo {
  id: string
  text: string
  meta: Record<string, unknown>
  color: string
  parentId: string
  hidden: boolean
}

/** Every note on the page's current page, as plain data. */
export function notesOf(page: Page): Promise<NoteInfo[]> {
  return page.evaluate(() => {
    const editor = window.__stip?.editor
    if (!editor) return []
    return editor
      .getCurrentPageShapes()
      .filter((shape) => shape.type === 'note')
      .map((shape) => ({
        id: shape.id as string,
        text: editor.getShapeUtil(shape).getText(shape) ?? '',
        meta: shape.meta as Record<string, unknown>,
        color: (shape.props as { color: string }).color,
        parentId: shape.parentId as string,
        hidden: editor.isShapeHidden(shape),
      }))
  })
}

/** Polls `notesOf` until `predicate` holds. */
export async function waitForNotes(
  page: Page,
  predicate: (notes: NoteInfo[]) => boolean,
  timeout = 10_000,
): Promise<NoteInfo[]> {
  const deadline = Date.now() + timeout
  let notes = await notesOf(page)
  while (!predicate(notes)) {
    if (Date.now() > deadline) throw new Error(`notes never matched: ${JSON.stringify(notes)}`)
    await page.waitForTimeout(50)
    notes = await notesOf(page)
  }
  return notes
}

/** The centre of the page's viewport in page coordinates. */
export function viewportCentre(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const bounds = window.__stip?.editor.getViewportPageBounds()
    return bounds ? { x: bounds.center.x, y: bounds.center.y } : { x: Number.NaN, y: Number.NaN }
  })
}

/** Where a point of the board (page coordinates) is on this page's screen. */
export function screenPointOf(page: Page, point: { x: number; y: number }) {
  return page.evaluate((p) => {
    const screen = window.__stip?.editor.pageToScreen(p)
    return screen ? { x: screen.x, y: screen.y } : { x: 0, y: 0 }
  }, point)
}
