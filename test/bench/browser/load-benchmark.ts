import type { Browser, Page } from 'playwright-core'
import { LOAD_TIMEOUT_MS, openBoardPage, waitForMark } from './board-page-session'
import { loadAverage, type Summary, summarise } from './stats'

/** What the page probe reports for one load (times in ms since navigation start). */
export interface LoadSample {
  marks: Record<string, number>
  navigation: { responseEnd: number; domContentLoaded: number; load: number } | null
  scripts: Array<{ name: string; start: number; end: number; bytes: number }>
  socket: {
    messages: number
    bytes: number
    largestBytes: number
    largestArrivedAt: number
    largestHandlingMs: number
  }
  longTasksBeforeReady: {
    count: number
    totalMs: number
    longest: Array<{ start: number; ms: number }>
  }
  loadAverage: string
}

export interface LoadResult {
  runs: number
  summary: Record<string, Summary>
  samples: LoadSample[]
}

export const LOAD_PHASES = [
  'wsCreated',
  'wsOpen',
  'syncMessageHandled',
  // The client's own User Timing marks (client/src/board/load-marks.ts).
  'stip:doc-ready',
  'stip:store-bound',
  'stip:fonts-loaded',
  'editorMounted',
  'allShapesInStore',
  'firstFrameAfterShapes',
  'framePaintedAfterShapes',
  'pointerDown',
  'selectedByPointer',
] as const

/** One cold load of the board page in a fresh profile, ending with a pointer selection. */
export async function measureLoad(
  browser: Browser,
  link: string,
  shapes: number,
  beforeNavigate?: (page: Page) => Promise<void>,
): Promise<LoadSample> {
  const opened = await openBoardPage(browser, link, shapes, beforeNavigate)
  try {
    await waitForMark(opened.page, 'selectedByPointer', LOAD_TIMEOUT_MS)
    const report = (await opened.page.evaluate('window.__bench.loadReport()')) as Omit<
      LoadSample,
      'loadAverage'
    >
    const { largestArrivedAt, largestHandlingMs } = report.socket
    report.marks.syncMessageHandled = largestArrivedAt + largestHandlingMs
    const clientMarks = (await opened.page.evaluate(
      "performance.getEntriesByType('mark').filter((m) => m.name.startsWith('stip:')).map((m) => [m.name, m.startTime])",
    )) as Array<[string, number]>
    for (const [name, at] of clientMarks) report.marks[name] ??= at
    return { ...report, loadAverage: await loadAverage() }
  } finally {
    await opened.context.close()
  }
}

export async function runLoadBenchmark(
  browser: Browser,
  link: string,
  shapes: number,
  runs: number,
): Promise<LoadResult> {
  const samples: LoadSample[] = []
  for (let run = 0; run < runs; run++) samples.push(await measureLoad(browser, link, shapes))
  const summary: Record<string, Summary> = {}
  for (const phase of LOAD_PHASES) summary[phase] = summarise(samples.map((s) => s.marks[phase]))
  summary.boardScreenScriptLoaded = summarise(
    samples.map((s) => s.scripts.find((x) => x.name.startsWith('board-screen'))?.end),
  )
  summary.longTaskMsBeforeReady = summarise(samples.map((s) => s.longTasksBeforeReady.totalMs))
  return { runs, summary, samples }
}
