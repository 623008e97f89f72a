import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from './helpers/axe'
import { addNoteViaUi, waitForEditor, waitForShapes } from './helpers/board-page'
import { newPhoneContext } from './helpers/browser'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'
import { joinChoosingOrganisation } from './helpers/start-form'
import { createBoardWithOrganisations, openPanel } from './session/session-helpers'

/*
 * How a session looks on a laptop (1440 × 900) and a phone (390 × 844): nothing of Stip's or
 * tldraw's covers the werkvorm's title or the side panel, and the words are the glossary's.
 */

type Box = { x: number; y: number; width: number; height: number }

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

async function boxOf(page: Page, selector: string): Promise<Box> {
  const box = await page.locator(selector).first().boundingBox()
  if (!box) throw new Error(`${selector} is not on screen`)
  return box
}

/** The werkvorm's title: the heading tldraw draws above the top-level frame. */
function werkvormTitle(page: Page): Promise<Box> {
  return boxOf(page, '.tl-frame-heading')
}

function laptop(session: ReturnType<typeof useBrowserSession>): Promise<BrowserContext> {
  return session.browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'nl-NL',
    serviceWorkers: 'block',
  })
}

function phone(session: ReturnType<typeof useBrowserSession>): Promise<BrowserContext> {
  return newPhoneContext(session.browser)
}

describe('the session on a laptop and a phone', () => {
  const session = useBrowserSession()
  const contexts: BrowserContext[] = []
  const open = async (make: typeof laptop) => {
    const context = await make(session)
    contexts.push(context)
    return context.newPage()
  }

  it('keeps the timer, the banners and the style panel off the werkvorm title (laptop)', async () => {
    const board = await createBoardWithOrganisations(
      session.server.server.url,
      'Samen naar 2040',
      'gedeelde-waarden',
    )
    const page = await open(laptop)
    await joinChoosingOrganisation(page, board.links.facilitator, {
      name: 'Marieke van den Berg',
      organisation: 'Woningcorporatie',
    })
    // Nothing selected, the select tool: tldraw's style panel has nothing to style.
    expect(await page.locator('.tlui-style-panel').count()).toBe(0)

    await openPanel(page, 'Sessie')
    await page.getByRole('button', { name: '5 min', exact: true }).click()
    await page.getByRole('button', { name: 'Start stille ronde' }).click()
    await page.getByRole('button', { name: 'Iedereen naar mij' }).click()
    for (const step of ['Welkom en hartenkreet', 'Gedeelde waarden in de eigen baan', 'Stemmen']) {
      await page.getByLabel('Nieuwe stap').fill(step)
      await page.getByRole('button', { name: 'Stap toevoegen' }).click()
    }
    await page.locator('.session-overlay .session-banner').first().waitFor()
    const overlay = await boxOf(page, '.session-overlay')
    const title = await werkvormTitle(page)
    expect(overlaps(overlay, title), JSON.stringify({ overlay, title })).toBe(false)
    await screenshot(page, 'flows-b-laptop-session-overlay')

    // Each step's buttons sit on the step's own row; the step buttons do not wrap.
    const rows = await page.locator('.agenda-step').evaluateAll((steps) =>
      steps.map((step) => {
        const row = step.getBoundingClientRect()
        return [...step.querySelectorAll('button')].every((button) => {
          const box = button.getBoundingClientRect()
          return box.top >= row.top - 1 && box.bottom <= row.bottom + 1
        })
      }),
    )
    expect(rows).toEqual([true, true, true])
    for (const name of ['Vorige stap', 'Volgende stap']) {
      const button = page.getByRole('button', { name, exact: true })
      const lines = await button.evaluate((el) => {
        const range = document.createRange()
        range.selectNodeContents(el)
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size
      })
      expect(lines, name).toBe(1)
    }
    await page.locator('.agenda-list').scrollIntoViewIfNeeded()
    await screenshot(page, 'flows-b-laptop-agenda')

    // Picking the note tool brings the style panel; its name is the glossary's "Notitie".
    const noteTool = page.getByTestId('tools.note')
    expect(await noteTool.getAttribute('aria-label')).toMatch(/^Notitie/)
    await noteTool.hover()
    await page.locator('.tlui-tooltip', { hasText: 'Notitie' }).waitFor()
    await screenshot(page, 'flows-b-laptop-note-tool')
    await noteTool.click()
    await page.locator('.tlui-style-panel').waitFor()
    await page.keyboard.press('Escape')
    await page.locator('.tlui-style-panel').waitFor({ state: 'detached' })
    // Cursor chat is off: "/" opens nothing.
    await page.locator('.tl-canvas').click({ position: { x: 700, y: 600 } })
    await page.keyboard.press('/')
    expect(await page.evaluate(() => window.__stip?.editor.getInstanceState().isChatting)).toBe(
      false,
    )
  })

  it('fits the werkvorm on a phone, clear of the page menu, with the panel below the toolbar', async () => {
    const board = await createBoardWithOrganisations(
      session.server.server.url,
      'Samen naar 2040',
      'gedeelde-waarden',
    )
    const page = await open(phone)
    await page.goto(board.links.editor)
    await page.getByLabel('Je naam').fill('Jeroen Bakker')
    await page.getByLabel('Organisatie').selectOption({ label: 'GGD' })
    await page.getByRole('button', { name: 'Naar het bord' }).tap()
    await waitForEditor(page)

    const view = await page.evaluate(() => {
      const editor = window.__stip?.editor
      const content = editor?.getCurrentPageBounds()
      if (!editor || !content) throw new Error('no editor or no content')
      return { contentInView: editor.getViewportPageBounds().contains(content) }
    })
    expect(view.contentInView).toBe(true)
    const title = await werkvormTitle(page)
    const menu = await boxOf(page, '.tlui-menu-zone')
    const canvas = await boxOf(page, '.board-canvas-stage')
    expect(overlaps(title, menu), JSON.stringify({ title, menu })).toBe(false)
    expect(title.y).toBeGreaterThanOrEqual(canvas.y)
    // The connection state is a word, not only a coloured dot.
    expect(await page.locator('.status-pill .status-text').isVisible()).toBe(true)
    expect(await page.locator('.status-pill .status-text').textContent()).toBe('verbonden')
    await screenshot(page, 'flows-b-phone-board')

    await page.getByRole('button', { name: 'Panelen tonen' }).tap()
    await openPanel(page, 'Sessie')
    const panel = await boxOf(page, '.side-panel')
    const toolbar = await boxOf(page, '.tlui-main-toolbar')
    expect(overlaps(panel, toolbar), JSON.stringify({ panel, toolbar })).toBe(false)
    expect(toolbar.y + toolbar.height).toBeLessThanOrEqual(panel.y + 1)
    await screenshot(page, 'flows-b-phone-panel')
  })

  it('tells a viewer from the first screen that they will watch, and asks only a name', async () => {
    const board = await createBoardWithOrganisations(
      session.server.server.url,
      'Samen naar 2040',
      'gedeelde-waarden',
    )
    for (const [make, name] of [
      [laptop, 'laptop'],
      [phone, 'phone'],
    ] as const) {
      const page = await open(make)
      await page.goto(board.links.viewer)
      await page.getByRole('heading', { level: 1, name: 'Je kijkt mee' }).waitFor()
      expect(await page.getByLabel('Organisatie').count()).toBe(0)
      expect(await page.getByText('meekijklink', { exact: false }).count()).toBe(1)
      expect(await axeViolations(page)).toEqual([])
      await screenshot(page, `flows-b-${name}-viewer-join`)
      await page.getByLabel('Je naam').fill('Vera')
      await page.getByRole('button', { name: 'Meekijken' }).click()
      await waitForEditor(page)
      await page.waitForFunction(() => window.__stip?.editor.getIsReadonly() === true)
      await page.locator('.read-only-tag', { hasText: 'Je kijkt mee' }).waitFor()
      expect(await page.locator('.read-only-tag').isVisible()).toBe(true)
      await screenshot(page, `flows-b-${name}-viewer-board`)
    }
  })

  it('names people in full beside their cursor, keeps long words whole and counts in words', async () => {
    const board = await createBoardWithOrganisations(
      session.server.server.url,
      'Samen naar 2040',
      'gedeelde-waarden',
    )
    const facilitator = await open(laptop)
    await joinChoosingOrganisation(facilitator, board.links.facilitator, {
      name: 'Marieke van den Berg',
      organisation: 'Woningcorporatie',
    })
    const editor = await open(laptop)
    await joinChoosingOrganisation(editor, board.links.editor, {
      name: 'Jeroen Bakker',
      organisation: 'Gemeente',
    })
    const mobile = await open(phone)
    await mobile.goto(board.links.editor)
    await mobile.getByLabel('Je naam').fill('Sanne de Vries')
    await mobile.getByLabel('Organisatie').selectOption({ label: 'GGD' })
    await mobile.getByRole('button', { name: 'Naar het bord' }).tap()
    await waitForEditor(mobile)

    // A long Dutch compound in the Gemeente lane.
    const lane = await editor.evaluate(() => {
      const e = window.__stip?.editor
      const frame = e
        ?.getCurrentPageShapes()
        .find(
          (shape) =>
            shape.type === 'frame' && 'name' in shape.props && shape.props.name === 'Gemeente',
        )
      const bounds = frame && e?.getShapePageBounds(frame)
      const point = bounds && e?.pageToScreen({ x: bounds.center.x, y: bounds.y + bounds.h * 0.55 })
      return point ? { x: point.x, y: point.y } : { x: 300, y: 500 }
    })
    await addNoteViaUi(editor, 'jeugdverpleegkundigen', lane)
    await waitForShapes(facilitator, (shapes) =>
      shapes.some((shape) => shape.text === 'jeugdverpleegkundigen'),
    )
    await editor.mouse.move(lane.x + 120, lane.y - 60)
    await editor.mouse.move(lane.x + 140, lane.y - 40)

    // The word is drawn on one line, at every screen (looked at closely on two of them).
    const closeUp = (page: Page) =>
      page.evaluate(() => {
        const e = window.__stip?.editor
        const note = e
          ?.getCurrentPageShapes()
          .find(
            (shape) =>
              shape.type === 'note' &&
              e.getShapeUtil(shape).getText(shape) === 'jeugdverpleegkundigen',
          )
        const bounds = note && e?.getShapePageBounds(note)
        if (bounds) e?.zoomToBounds(bounds.clone().expandBy(120), { targetZoom: 1.5 })
      })
    await closeUp(facilitator)
    await closeUp(mobile)
    for (const page of [facilitator, editor, mobile]) {
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.tl-shape[data-shape-type="note"] .tl-rich-text')].some(
          (el) => el.textContent === 'jeugdverpleegkundigen',
        ),
      )
      const lines = await page.evaluate(() => {
        const text = [
          ...document.querySelectorAll('.tl-shape[data-shape-type="note"] .tl-rich-text'),
        ].find((el) => el.textContent === 'jeugdverpleegkundigen')
        const range = document.createRange()
        if (text) range.selectNodeContents(text)
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size
      })
      expect(lines).toBe(1)
    }
    await screenshot(facilitator, 'flows-b-laptop-long-word')
    await screenshot(mobile, 'flows-b-phone-long-word')
    for (const page of [facilitator, mobile]) {
      await page.evaluate(() => {
        window.__stip?.editor.zoomToFit()
      })
    }
    await editor.mouse.move(lane.x + 150, lane.y - 30)

    // Jeroen's cursor on Marieke's screen: the name and the whole organisation, on two lines.
    const tag = facilitator.locator('[data-stip-cursor] .tl-nametag', { hasText: 'Jeroen' })
    await tag.waitFor()
    const label = await tag.evaluate((el) => ({
      text: el.textContent,
      cut: el.scrollWidth > el.clientWidth + 1,
    }))
    expect(label).toEqual({ text: 'Jeroen Bakker\nGemeente', cut: false })

    // The avatars of the others stand side by side.
    const avatars = await facilitator.locator('.tlui-people-menu__avatar').evaluateAll((els) =>
      els.map((el) => {
        const box = el.getBoundingClientRect()
        return { x: box.x, y: box.y, width: box.width, height: box.height }
      }),
    )
    expect(avatars.length).toBeGreaterThanOrEqual(2)
    for (let i = 1; i < avatars.length; i++) {
      expect(overlaps(avatars[i - 1] as Box, avatars[i] as Box)).toBe(false)
    }

    // Counts follow the plural rules: one note, no dots.
    await openPanel(facilitator, 'Deelnemers')
    await facilitator.getByText('Gemeente: 1 notitie, 0 stippen').first().waitFor()
    expect(await facilitator.getByText('1 notities').count()).toBe(0)
    await facilitator
      .locator('.legend-item', { hasText: 'Gemeente' })
      .getByText('1 notitie')
      .waitFor()
    await screenshot(facilitator, 'flows-b-laptop-cursors-and-counts')
    await mobile.getByRole('button', { name: 'Panelen tonen' }).tap()
    await openPanel(mobile, 'Deelnemers')
    await mobile.getByText('Gemeente: 1 notitie, 0 stippen').first().waitFor()
    await screenshot(mobile, 'flows-b-phone-counts')
  })

  it("runs the session from a phone: agenda rows, and the strip above everyone's werkvorm", async () => {
    const board = await createBoardWithOrganisations(
      session.server.server.url,
      'Samen naar 2040',
      'gedeelde-waarden',
    )
    const editor = await open(laptop)
    await joinChoosingOrganisation(editor, board.links.editor, {
      name: 'Jeroen Bakker',
      organisation: 'Gemeente',
    })
    const page = await open(phone)
    await page.goto(board.links.facilitator)
    await page.getByLabel('Je naam').fill('Marieke van den Berg')
    await page.getByLabel('Organisatie').selectOption({ label: 'Woningcorporatie' })
    await page.getByRole('button', { name: 'Naar het bord' }).tap()
    await waitForEditor(page)
    await page.getByRole('button', { name: 'Panelen tonen' }).tap()
    await openPanel(page, 'Sessie')
    await page.getByRole('button', { name: '5 min', exact: true }).tap()
    await page.getByRole('button', { name: 'Start stille ronde' }).tap()
    await page.getByRole('button', { name: 'Iedereen naar mij' }).tap()
    for (const step of ['Welkom en hartenkreet', 'Gedeelde waarden in de eigen baan', 'Stemmen']) {
      await page.getByLabel('Nieuwe stap').fill(step)
      await page.getByRole('button', { name: 'Stap toevoegen' }).tap()
    }
    await page.locator('.agenda-step').nth(2).waitFor()
    const rows = await page.locator('.agenda-step').evaluateAll((steps) =>
      steps.map((step) => {
        const row = step.getBoundingClientRect()
        return [...step.querySelectorAll('button')].every((button) => {
          const box = button.getBoundingClientRect()
          return box.top >= row.top - 1 && box.bottom <= row.bottom + 1
        })
      }),
    )
    expect(rows).toEqual([true, true, true])
    await page.locator('.agenda-nav').scrollIntoViewIfNeeded()
    await screenshot(page, 'flows-b-phone-agenda')

    await page.getByRole('button', { name: 'Panelen verbergen' }).tap()
    await page.locator('.session-overlay [role="timer"]').waitFor()
    expect(overlaps(await boxOf(page, '.session-overlay'), await werkvormTitle(page))).toBe(false)
    await screenshot(page, 'flows-b-phone-session-strip')

    // Everyone else sees who brought them here, in the strip, not over the werkvorm.
    await editor
      .getByText('Marieke van den Berg · Woningcorporatie bracht iedereen', { exact: false })
      .or(editor.getByText('bracht iedereen naar dit beeld', { exact: false }))
      .first()
      .waitFor()
    const strip = await boxOf(editor, '.session-overlay')
    const title = await werkvormTitle(editor)
    expect(overlaps(strip, title), JSON.stringify({ strip, title })).toBe(false)
    await screenshot(editor, 'flows-b-laptop-session-strip-summoned')
  })
})
