import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitForEditor, waitForNoteTyping, waitForShapes } from './helpers/board-page'
import { launchBrowser } from './helpers/browser'
import { screenshot } from './helpers/screenshots'
import { startTestServer, type TestServer } from './helpers/test-server'

/** Nothing in the top bar may stick out past the right edge of a phone screen. */
function topBarOverflow(page: Page) {
  return page.evaluate(() => {
    const bar = document.querySelector('.top-bar') as HTMLElement
    const width = document.documentElement.clientWidth
    const outside = [...bar.querySelectorAll<HTMLElement>('*')]
      .filter((el) => el.getClientRects().length > 0)
      .filter((el) => !el.closest('.visually-hidden, .status-text'))
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .map((el) => el.className || el.tagName)
    return { outside, scrollWidth: bar.scrollWidth, clientWidth: bar.clientWidth, width }
  })
}

describe('a board on a phone', () => {
  let server: TestServer
  let browser: Browser
  let context: BrowserContext

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
    context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'nl-NL',
    })
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await server?.close()
  })

  it('joins with organisations to choose from and adds a note by touch; the top bar fits', async () => {
    const response = await fetch(`${server.server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Samen naar 2040 – sociaal domein Noord',
        // A user-chosen light colour: the badge must still be readable.
        organisations: [{ name: 'Welzijnsorganisatie', color: '#ffff66' }, { name: 'GGD' }],
      }),
    })
    expect(response.status).toBe(201)
    const board = (await response.json()) as { links: { facilitator: string } }

    const page = await context.newPage()
    await page.goto(board.links.facilitator)
    await page.getByLabel('Je naam').fill('Marieke van den Berg')
    await page.getByLabel('Organisatie').selectOption({ label: 'Welzijnsorganisatie' })
    await page.getByRole('button', { name: 'Naar het bord' }).tap()
    await waitForEditor(page)

    await screenshot(page, 'mobile-board-joined')
    const bar = await topBarOverflow(page)
    expect(bar.outside, JSON.stringify(bar)).toEqual([])
    expect(bar.scrollWidth).toBeLessThanOrEqual(bar.clientWidth)

    // The organisation's initial on its light yellow dot is dark, with at least 4.5:1 contrast.
    const dot = await page
      .locator('.participant-chip .org-dot')
      .evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor])
    expect(dot).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 102)'])

    // Note tool from tldraw's mobile toolbar, then a tap on the canvas.
    await page.getByTestId('tools.note').tap()
    await page.locator('.tl-canvas').tap({ position: { x: 195, y: 380 } })
    await waitForNoteTyping(page)
    await page.keyboard.type('Vanaf de telefoon')
    await page.keyboard.press('Escape')
    const shapes = await waitForShapes(page, (s) => s.some((x) => x.text === 'Vanaf de telefoon'))
    expect(shapes.filter((s) => s.type === 'note')).toHaveLength(1)
    await screenshot(page, 'mobile-board')
  })
})
