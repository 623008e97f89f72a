/**
 * Cold loads of several client builds, alternated load by load, so builds compared in one run
 * share the same host noise (the board-speed benchmark measures one build at a time).
 * Each build gets its own server and seeded board. Prints the median of each phase per build.
 *
 *   node_modules/.bin/vite build --outDir /tmp/a --emptyOutDir   # and /tmp/b from other code
 *   node_modules/.bin/tsx test/bench/browser/load-ab.ts --client a=/tmp/a --client b=/tmp/b \
 *     [--shapes 2000] [--rounds 4] [--cpu] [--network 10,40]
 *
 * --cpu traces each load and also reports the page's main-thread CPU time (thread time of its
 * top-level tasks) spent before each phase: on a host shared with other work, wall-clock
 * phases mostly measure the other work, while CPU time shows what the page itself did.
 *
 * --network MBIT,RTT loads each page over an emulated link (Chromium's network throttling:
 * MBIT megabit/s down and a quarter of it up, RTT ms round trip), as a remote partner on a
 * phone or a workshop's Wi-Fi would; without it pages load over loopback.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from '../../e2e/helpers/browser'
import { startTestServer, type TestServer } from '../../e2e/helpers/test-server'
import { LOAD_TIMEOUT_MS, openBoardPage, waitForMark } from './board-page-session'
import { LOAD_PHASES, type LoadSample, measureLoad } from './load-benchmark'
import { installFramePolyfill } from './node-board-client'
import { runScript } from './run-script'
import { type SeededBoard, seedBoard } from './seeded-board'
import { loadAverage, summarise } from './stats'

const { values: options } = parseArgs({
  options: {
    client: { type: 'string', multiple: true, default: [] },
    shapes: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '4' },
    cpu: { type: 'boolean', default: false },
    network: { type: 'string' },
  },
})

/** Applies --network to a page before it navigates, or nothing without it. */
function emulatedLink(spec: string | undefined): ((page: Page) => Promise<void>) | undefined {
  if (spec === undefined) return undefined
  const [mbit, rtt] = spec.split(',').map(Number)
  if (!mbit || rtt === undefined || Number.isNaN(rtt)) {
    throw new Error(`--network takes MBIT,RTT, e.g. 10,40; got ${spec}`)
  }
  const bytesPerSecond = (mbit * 1_000_000) / 8
  return async (page) => {
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: rtt,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond / 4,
    })
  }
}

const SHOWN = ['wsCreated', 'stip:doc-ready', 'stip:store-bound', 'stip:fonts-loaded']

interface TraceEvent {
  name: string
  cat: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  args?: { name?: string; data?: { isMainFrame?: boolean } }
}

/**
 * One traced cold load: the main thread's CPU time (ms) spent in top-level tasks before each
 * phase. Phases are the probe's marks (ms since navigation), placed on the trace's clock by
 * the page's own `stip:connection-created` mark.
 */
async function measureCpu(
  browser: Browser,
  link: string,
  serverUrl: string,
  shapes: number,
): Promise<Record<string, number>> {
  const opened = await openBoardPage(browser, link, shapes, async (page) => {
    await page.goto(`${serverUrl}/healthz`)
    await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] })
  })
  try {
    await waitForMark(opened.page, 'selectedByPointer', LOAD_TIMEOUT_MS)
    const marks = (await opened.page.evaluate('window.__bench.marks')) as Record<string, number>
    const clientMarks = (await opened.page.evaluate(
      "performance.getEntriesByType('mark').filter((m) => m.name.startsWith('stip:')).map((m) => [m.name, m.startTime])",
    )) as Array<[string, number]>
    for (const [name, at] of clientMarks) marks[name] ??= at
    const anchorMs = (await opened.page.evaluate(
      "performance.getEntriesByName('stip:connection-created')[0].startTime",
    )) as number
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
      traceEvents: TraceEvent[]
    }
    const anchor = trace.traceEvents.find((e) => e.name === 'stip:connection-created')
    if (!anchor) throw new Error('no stip:connection-created in the trace')
    const mains = new Set(
      trace.traceEvents
        .filter(
          (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
        )
        .map((e) => `${e.pid}:${e.tid}`),
    )
    const thread = `${anchor.pid}:${anchor.tid}`
    if (!mains.has(thread)) throw new Error('the mark is not on a renderer main thread')
    const tasks = trace.traceEvents.filter(
      (e) =>
        e.ph === 'X' &&
        e.name === 'ThreadControllerImpl::RunTask' &&
        `${e.pid}:${e.tid}` === thread,
    )
    const cpu: Record<string, number> = {}
    for (const [phase, atMs] of Object.entries(marks)) {
      if (typeof atMs !== 'number' || atMs < 1) continue
      const at = anchor.ts + (atMs - anchorMs) * 1000
      let us = 0
      for (const task of tasks) if (task.ts < at) us += task.tdur ?? 0
      cpu[phase] = Math.round(us / 100) / 10
    }
    return cpu
  } finally {
    await opened.context.close()
  }
}

async function main(): Promise<void> {
  const builds = (options.client ?? []).map((spec) => {
    const [name, dir] = spec.split('=')
    if (!name || !dir) throw new Error(`--client takes name=dir, got ${spec}`)
    return { name, dir: path.resolve(dir) }
  })
  if (builds.length === 0) throw new Error('give at least one --client name=dir')
  const shapes = Number(options.shapes)
  const rounds = Number(options.rounds)
  const beforeNavigate = emulatedLink(options.network)
  installFramePolyfill()
  const servers: TestServer[] = []
  const boards: SeededBoard[] = []
  const browser = await launchBrowser()
  try {
    for (const build of builds) {
      const server = await startTestServer({ clientDir: build.dir })
      servers.push(server)
      boards.push(await seedBoard(server.server.url, shapes))
    }
    const samples = builds.map(() => [] as LoadSample[])
    const cpuSamples = builds.map(() => [] as Array<Record<string, number>>)
    for (let round = 0; round < rounds; round++) {
      for (const [index, build] of builds.entries()) {
        const board = boards[index] as SeededBoard
        const sample = await measureLoad(browser, board.editorLink, shapes, beforeNavigate)
        samples[index]?.push(sample)
        process.stdout.write(
          `round ${round + 1} ${build.name}: interactive ${Math.round(sample.marks.framePaintedAfterShapes ?? NaN)} ms (load ${sample.loadAverage})\n`,
        )
        if (options.cpu) {
          const server = servers[index] as TestServer
          const cpu = await measureCpu(browser, board.editorLink, server.server.url, shapes)
          cpuSamples[index]?.push(cpu)
          process.stdout.write(
            `round ${round + 1} ${build.name}: main-thread CPU before interactive ${cpu.framePaintedAfterShapes} ms\n`,
          )
        }
      }
    }
    const phases = [...SHOWN, ...LOAD_PHASES.filter((p) => !SHOWN.includes(p))]
    const table: Record<string, Record<string, number>> = {}
    for (const phase of phases) {
      table[phase] = {}
      for (const [index, build] of builds.entries()) {
        const values = (samples[index] ?? []).map((s) => s.marks[phase])
        ;(table[phase] as Record<string, number>)[build.name] = summarise(values).median
      }
    }
    process.stdout.write(`\n${shapes} shapes, median of ${rounds} cold loads per build (ms)\n`)
    console.table(table)
    if (options.cpu) {
      const cpuTable: Record<string, Record<string, number>> = {}
      for (const phase of phases) {
        cpuTable[phase] = {}
        for (const [index, build] of builds.entries()) {
          const values = (cpuSamples[index] ?? []).map((s) => s[phase])
          ;(cpuTable[phase] as Record<string, number>)[build.name] = summarise(values).median
        }
      }
      process.stdout.write(
        'main-thread CPU time spent before each phase, median of traced loads (ms)\n',
      )
      console.table(cpuTable)
    }
    process.stdout.write(`load average at the end ${await loadAverage()}\n`)
  } finally {
    for (const board of boards) board.writer.close()
    await browser.close()
    for (const server of servers) await server.close()
  }
}

runScript(main)
