import type { Browser, BrowserContext, Page } from 'playwright-core'
import { newContext } from '../../e2e/helpers/browser'
import { pageProbeScript } from './page-probe'

export interface PageTarget {
  id: string
  x: number
  y: number
}

export interface OpenedBoardPage {
  context: BrowserContext
  page: Page
  /** Resolves when the probe's pointer click on a visible shape has been sent. */
  clicked: Promise<PageTarget>
}

/**
 * How long a board may take to become usable before a benchmark gives up. A 5,000-shape board
 * on a busy shared host has taken over a minute; a quiet machine needs a few seconds.
 */
export const LOAD_TIMEOUT_MS = 240_000

/** Errors seen on benchmark pages, shown when a wait fails (a page without them is fine). */
const pageErrors: string[] = []

const PARTICIPANT = { name: 'Benchmark', organisation: 'Stip', role: '' }

/**
 * A fresh browser profile (empty IndexedDB and HTTP cache: a first visit) with the participant
 * already remembered, so the page goes straight to the board as for a returning participant;
 * the join form is a human step and not part of the load time. As soon as the probe reports
 * every shape present and a frame painted, a real pointer click lands on a visible shape.
 */
export async function openBoardPage(
  browser: Browser,
  link: string,
  expectedShapes: number,
  /** Runs on the open page before it navigates to the board (e.g. to start a profiler). */
  beforeNavigate?: (page: Page) => Promise<void>,
): Promise<OpenedBoardPage> {
  const context = await newContext(browser)
  await context.addInitScript(
    `localStorage.setItem('stip.participant', ${JSON.stringify(JSON.stringify(PARTICIPANT))})`,
  )
  await context.addInitScript(pageProbeScript(expectedShapes))
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text())
  })
  let onClicked: (target: PageTarget) => void = () => {}
  let onFailed: (error: unknown) => void = () => {}
  const clicked = new Promise<PageTarget>((resolve, reject) => {
    onClicked = resolve
    onFailed = reject
  })
  await page.exposeFunction('__benchShapesReady', (target: PageTarget) => {
    // Not awaited: the page must not wait for the click it is about to receive.
    page.mouse.click(target.x, target.y).then(() => onClicked(target), onFailed)
  })
  await beforeNavigate?.(page)
  await page.goto(link)
  return { context, page, clicked }
}

/** Waits until the probe has seen the click select the shape (or gives up). */
export async function waitForMark(page: Page, mark: string, timeoutMs: number): Promise<void> {
  // A function, not a string: the page's CSP forbids eval, which a string predicate needs.
  const waiting = page.waitForFunction(
    (name) => {
      const probe = (window as unknown as { __bench?: { marks: Record<string, number> } }).__bench
      return probe?.marks[name] !== undefined
    },
    mark,
    { timeout: timeoutMs, polling: 50 },
  )
  await waiting.catch(async (error: unknown) => {
    const marks = await page
      .evaluate('JSON.stringify(window.__bench && window.__bench.marks)')
      .catch(() => '?')
    throw new Error(
      `no '${mark}' at ${page.url()}; marks so far: ${marks}; page errors: ${pageErrors.slice(-5).join(' | ') || 'none'}; ${String(error)}`,
    )
  })
}
