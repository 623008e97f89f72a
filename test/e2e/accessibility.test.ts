import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeRuleViolations, axeViolations } from './helpers/axe'
import {
  joinBoard,
  shapesOf,
  waitForEditor,
  waitForNoteTyping,
  waitForShapes,
} from './helpers/board-page'
import { createBoard } from './helpers/boards'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'
import { createBoardWithOrganisations, openPanel } from './session/session-helpers'

// Evaluated through the devtools protocol: the app's CSP (script-src 'self') rightly refuses
// an injected <script> tag, and the check must not weaken the page it checks.

/** The focused element, described, and whether it shows a visible focus indicator. */
function focusState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { label: 'body', visible: false, inCanvas: false }
    const style = getComputedStyle(el)
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0
    const shadow = style.boxShadow !== 'none'
    const label =
      `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent ?? ''}`
        .trim()
        .slice(0, 60)
    return {
      label,
      visible: outline || shadow,
      inCanvas: Boolean(el.closest('.tl-container')),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    }
  })
}

/**
 * Presses Tab until the focused element matches `selector` (and, if given, has `text` in its
 * label or text), checking on every stop in our own UI that focus is visible.
 */
async function tabTo(page: Page, selector: string, text?: string, maxTabs = 40): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab')
    const state = await focusState(page)
    if (!state.inCanvas && state.label !== 'body') {
      expect(state.visible, `focus indicator on ${state.label}`).toBe(true)
    }
    const found = await page.evaluate(
      ({ selector, text }) => {
        const el = document.activeElement
        if (!el?.matches(selector)) return false
        if (!text) return true
        return `${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`.includes(text)
      },
      { selector, text },
    )
    if (found) return
  }
  throw new Error(`no ${selector} ${text ?? ''} within ${maxTabs} tabs`)
}

describe('accessibility of the screens outside the canvas', () => {
  const session = useBrowserSession()
  const fresh = async (): Promise<Page> => {
    const context = await session.newContext()
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: session.server.server.url,
    })
    return context.newPage()
  }

  it('has no WCAG 2.1 AA violations on the start page, also with its validation error shown', async () => {
    const page = await fresh()
    await page.goto(`${session.server.server.url}/`)
    await page.getByLabel('Titel van het bord').waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Toevoegen: Gemeente', exact: true }).click()
    await page.getByRole('button', { name: 'Bord maken' }).click()
    await page.getByRole('alert').filter({ hasText: 'Geef het bord een titel.' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl')
    await page.getByRole('link', { name: 'Toegankelijkheid' }).scrollIntoViewIfNeeded()
    await screenshot(page, 'accessibility-start-footer')
  })

  it('has no violations on the accessibility statement, in Dutch and in English', async () => {
    const page = await fresh()
    await page.goto(`${session.server.server.url}/`)
    await page.getByRole('link', { name: 'Toegankelijkheid' }).click()
    await page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/toegankelijkheid')
    const text = (await page.locator('main').textContent()) ?? ''
    expect(text).toContain('WCAG 2.1')
    expect(text).toContain('axe-core')
    expect(text).toContain('22 november 2026')
    expect(text).toContain('tldraw')
    expect(text).toContain('Shift+N')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'accessibility-statement')

    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { level: 1, name: 'Accessibility statement' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await axeViolations(page)).toEqual([])
  })

  it('has no violations on the join screen and the no-access page', async () => {
    const board = await createBoard(session.server.server.url, 'Toegankelijk bord')
    const page = await fresh()
    await page.goto(board.links.editor)
    await page.getByRole('heading', { name: 'Doe mee aan dit bord' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Naar het bord' }).click()
    await page.getByRole('alert').waitFor()
    expect(await axeViolations(page)).toEqual([])

    // A browser that never opened a link of this board (this one keeps the token it read).
    const stranger = await fresh()
    await stranger.goto(`${session.server.server.url}/b/${board.id}`)
    await stranger.getByRole('heading', { name: 'Geen toegang tot dit bord' }).waitFor()
    expect(await axeViolations(stranger)).toEqual([])
  })

  it('has no violations in the top bar, the share dialog and the "jouw gegevens" dialog', async () => {
    const board = await createBoard(session.server.server.url, 'Bord met dialogen')
    const page = await fresh()
    await joinBoard(page, board.links.facilitator, { name: 'Anouk', organisation: 'GGD' })
    await page.getByRole('button', { name: 'Delen' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'accessibility-board-top-bar')

    await page.getByRole('button', { name: 'Delen' }).click()
    await page.getByRole('dialog', { name: 'Bord delen' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'detached' })

    await page.getByRole('button', { name: /Jouw gegevens wijzigen/ }).click()
    await page.getByRole('dialog', { name: 'Jouw gegevens' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
  })

  it('keeps the headings in order (axe heading-order) on every tab of the side panel', async () => {
    const board = await createBoardWithOrganisations(
      session.server.server.url,
      'Bord met panelen',
      'gedeelde-waarden',
    )
    const page = await fresh()
    await page.goto(board.links.facilitator)
    await page.getByLabel('Je naam').fill('Anouk')
    await page.getByLabel('Organisatie').selectOption({ label: 'GGD' })
    await page.getByRole('button', { name: 'Naar het bord' }).click()
    await waitForEditor(page)
    for (const tab of [
      'Werkvormen',
      'Sessie',
      'Stemmen',
      'Manifest',
      'Voortgang',
      'Deelnemers',
      'Versies',
    ]) {
      await openPanel(page, tab)
      // Each tab names itself with an h2 (its own, or the tab's name), then its h3 sections.
      await page.locator('.side-panel-body h2').first().waitFor({ state: 'attached' })
      expect(await axeRuleViolations(page, ['heading-order']), tab).toEqual([])
    }
  })

  it('creates a board from the start page with the keyboard only, focus always visible', async () => {
    const page = await fresh()
    await page.goto(`${session.server.server.url}/`)
    // The title field has focus on arrival.
    await page.getByLabel('Titel van het bord').waitFor()
    await page.keyboard.type('Toetsenbordbord')
    await tabTo(page, 'button.chip', 'Gemeente')
    await page.keyboard.press('Enter')
    await tabTo(page, 'input[type="radio"]')
    // Arrow keys move within the radio group: pick the second werkvorm.
    await page.keyboard.press('ArrowDown')
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
      'gedeelde-waarden',
    )
    await tabTo(page, 'button[type="submit"]', 'Bord maken')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/b\/[A-Za-z0-9_-]+$/)

    // Join: name is focused, the organisation is a list to choose from with the arrow keys.
    await page.getByLabel('Je naam').waitFor()
    await page.keyboard.type('Kees')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT')
    await page.keyboard.press('ArrowDown')
    expect(await page.getByLabel('Organisatie').inputValue()).toBe('Gemeente')
    await tabTo(page, 'button[type="submit"]', 'Naar het bord')
    await page.keyboard.press('Enter')
    await waitForEditor(page)

    // (d) The share dialog opens by itself once; Escape closes it, Tab + Enter opens it again.
    const dialog = page.getByRole('dialog', { name: 'Bord delen' })
    await dialog.waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await page.keyboard.press('Shift+Tab') // leave wherever tldraw put focus
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await tabTo(page, 'button.share-button')
    await screenshot(page, 'keyboard-focus-share-button')
    await page.keyboard.press('Enter')
    await dialog.waitFor()
    await tabTo(page, 'button', 'Kopiëren: Deelnemers')
    await page.keyboard.press('Enter')
    await dialog.getByText('Gekopieerd').waitFor()
    const links = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('stip.links.'))
      return JSON.parse(localStorage.getItem(key ?? '') ?? '{}') as { editor?: string }
    })
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(links.editor)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    // Focus goes back to the button that opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('share-button')
    expect((await focusState(page)).visible).toBe(true)
  })

  it('joins and adds a note with the keyboard only (Shift+N, type, Escape)', async () => {
    const board = await createBoard(session.server.server.url, 'Notitie met toetsen')
    const page = await fresh()
    await page.goto(board.links.editor)
    await page.getByLabel('Je naam').waitFor()
    await page.keyboard.type('Noor')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Woningcorporatie')
    await page.keyboard.press('Enter')
    await waitForEditor(page)
    expect(await shapesOf(page)).toEqual([])

    // Walk from the top bar into the canvas with Tab, as a keyboard user would.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab')
      const state = await focusState(page)
      if (state.inCanvas) break
      if (state.label !== 'body') expect(state.visible, state.label).toBe(true)
    }
    expect((await focusState(page)).inCanvas).toBe(true)
    await page.keyboard.press('Escape')
    await page.keyboard.press('Shift+N')
    await waitForNoteTyping(page)
    await page.keyboard.type('Met het toetsenbord')
    await page.keyboard.press('Escape')
    const shapes = await waitForShapes(page, (s) => s.some((x) => x.text === 'Met het toetsenbord'))
    expect(shapes.filter((s) => s.type === 'note')).toHaveLength(1)
  })

  it('writes a cursor name on a light organisation colour in dark text', async () => {
    const response = await fetch(`${session.server.server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Lichte kleuren',
        organisations: [
          { name: 'Inwoners', color: '#ffff66' },
          { name: 'Politie', color: '#154273' },
        ],
      }),
    })
    const board = (await response.json()) as { links: { editor: string } }
    const [light, dark] = [await fresh(), await fresh()]
    for (const [page, name, organisation] of [
      [light, 'Lotte', 'Inwoners'],
      [dark, 'Daan', 'Politie'],
    ] as const) {
      await page.goto(board.links.editor)
      await page.getByLabel('Je naam').fill(name)
      await page.getByLabel('Organisatie').selectOption({ label: organisation })
      await page.getByRole('button', { name: 'Naar het bord' }).click()
      await waitForEditor(page)
    }
    const nameTagColor = async (viewer: Page, mover: Page, name: string) => {
      const tag = viewer.locator('.tl-nametag', { hasText: name })
      for (let i = 0; i < 40 && !(await tag.count()); i++) {
        await mover.mouse.move(500 + i * 3, 400 + i * 2)
        await viewer.waitForTimeout(100)
      }
      return tag.evaluate((el) => [
        getComputedStyle(el).color,
        getComputedStyle(el).backgroundColor,
      ])
    }
    expect(await nameTagColor(dark, light, 'Lotte')).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 102)'])
    expect(await nameTagColor(light, dark, 'Daan')).toEqual([
      'rgb(255, 255, 255)',
      'rgb(21, 66, 115)',
    ])
  })

  it('turns transitions and animations off when reduced motion is asked for', async () => {
    const page = await fresh()
    await page.goto(`${session.server.server.url}/`)
    const button = page.getByRole('button', { name: 'Bord maken' })
    const duration = () => button.evaluate((el) => getComputedStyle(el).transitionDuration)
    expect(await duration()).not.toMatch(/^0s(, 0s)*$/)
    await page.emulateMedia({ reducedMotion: 'reduce' })
    expect(await duration()).toMatch(/^0s(, 0s)*$/)
  })
})
