import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { joinBoard, waitForNoteTyping, waitForShapes } from './helpers/board-page'
import { createBoard } from './helpers/boards'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'

/**
 * A busy phone or laptop handles key presses before timers: Chromium schedules input first.
 * This plays that out on a quiet machine: zero-delay ticks run `ms` late, and timers that asked
 * for a delay run half a second later still (order kept). Keys typed `ms` after the note opens
 * then land after the text editor's start-up tick but before tldraw's 100 ms caret fix-up, as
 * they did on a loaded CI machine.
 */
function holdTimers(page: Page, ms: number) {
  return page.evaluate((hold) => {
    const original = window.setTimeout
    const held = ((handler: TimerHandler, delay?: number, ...args: unknown[]) =>
      original(handler, delay ? delay + hold + 500 : hold, ...args)) as typeof window.setTimeout
    window.setTimeout = held
    ;(window as unknown as { releaseTimers: () => void }).releaseTimers = () => {
      window.setTimeout = original
    }
  }, ms)
}

const releaseTimers = (page: Page) =>
  page.evaluate(() => (window as unknown as { releaseTimers: () => void }).releaseTimers())

describe('typing into a new note on a busy device', () => {
  const session = useBrowserSession()

  async function joinedPage(title: string): Promise<Page> {
    const board = await createBoard(session.server.server.url, title)
    const page = await (await session.newContext()).newPage()
    await joinBoard(page, board.links.editor, { name: 'Noor', organisation: 'Woningcorporatie' })
    return page
  }

  /** Types in two bursts with the editor's start-up tick in between, and leaves the note. */
  async function typeAcrossStartUp(page: Page, first: string, rest: string): Promise<void> {
    await waitForNoteTyping(page)
    await page.keyboard.type(first)
    await page.waitForTimeout(600)
    await releaseTimers(page)
    await page.keyboard.type(rest)
    await page.keyboard.press('Escape')
  }

  it('keeps keys typed right after Shift+N in the order they were typed', async () => {
    const page = await joinedPage('Snel typen met toetsen')
    await page.locator('.tl-canvas').click({ position: { x: 400, y: 300 } })
    await holdTimers(page, 300)
    await page.keyboard.press('Shift+N')
    await typeAcrossStartUp(page, 'Met ', 'het toetsenbord')
    const shapes = await waitForShapes(page, (s) => s.some((x) => x.type === 'note' && x.text))
    expect(shapes.map((s) => s.text)).toEqual(['Met het toetsenbord'])
  })

  it('keeps keys typed right after placing a note with the note tool in order', async () => {
    const page = await joinedPage('Snel typen met de muis')
    await page.keyboard.press('Escape')
    await page.getByTestId('tools.note').click()
    await holdTimers(page, 300)
    await page.mouse.click(500, 350)
    await typeAcrossStartUp(page, 'Wat we ', 'al hebben')
    const shapes = await waitForShapes(page, (s) => s.some((x) => x.type === 'note' && x.text))
    expect(shapes.map((s) => s.text)).toEqual(['Wat we al hebben'])
  })

  it('still selects the whole text of a note opened with Enter, so typing replaces it', async () => {
    const page = await joinedPage('Notitie herschrijven')
    await page.locator('.tl-canvas').click({ position: { x: 400, y: 300 } })
    await page.keyboard.press('Shift+N')
    await waitForNoteTyping(page)
    await page.keyboard.type('Eerste versie')
    await page.keyboard.press('Escape')
    await waitForShapes(page, (s) => s.some((x) => x.text === 'Eerste versie'))
    await holdTimers(page, 300)
    await page.keyboard.press('Enter')
    await waitForNoteTyping(page)
    await page.waitForTimeout(600)
    await releaseTimers(page)
    await page.keyboard.type('Tweede versie')
    await page.keyboard.press('Escape')
    const shapes = await waitForShapes(page, (s) => s.some((x) => x.text === 'Tweede versie'))
    expect(shapes.map((s) => s.text)).toEqual(['Tweede versie'])
  })

  it('puts each Shift+N note beside the last one, in view, so none hides another', async () => {
    const page = await joinedPage('Drie notities met toetsen')
    await page.locator('.tl-canvas').click({ position: { x: 400, y: 300 } })
    const texts = ['Samen gezond oud worden', 'Wonen met zorg om de hoek', 'Veilig in de wijk']
    for (const text of texts) {
      await page.keyboard.press('Escape')
      await page.keyboard.press('Shift+N')
      await waitForNoteTyping(page)
      await page.keyboard.type(text)
      await page.keyboard.press('Escape')
    }
    await waitForShapes(page, (s) => s.filter((x) => x.text).length === texts.length)
    const placed = await page.evaluate(() => {
      const editor = window.__stip!.editor
      const view = editor.getViewportPageBounds()
      return editor
        .getCurrentPageShapes()
        .filter((shape) => shape.type === 'note')
        .map((shape) => {
          const b = editor.getShapePageBounds(shape)!
          return { x: b.x, y: b.y, w: b.w, h: b.h, inView: view.contains(b) }
        })
    })
    expect(placed).toHaveLength(3)
    expect(placed.every((note) => note.inView)).toBe(true)
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) {
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y
        expect(apart, JSON.stringify([a, b])).toBe(true)
      }
    }
    await screenshot(page, 'shift-n-three-notes')
  })
})
