/**
 * Browser-side speed benchmarks of the board (issue 3). Prints a table and writes
 * bench-results/board-browser-latest.json; asserts nothing.
 *
 *   node_modules/.bin/vite build            # once, the benchmark builds nothing itself
 *   node_modules/.bin/tsx test/bench/browser/run.ts [--quick] [--no-profile] [--no-node]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../../e2e/helpers/browser'
import { CLIENT_DIST, startTestServer, type TestServer } from '../../e2e/helpers/test-server'
import { type LoadResult, runLoadBenchmark } from './load-benchmark'
import { type LoadProfile, profileLoad } from './load-profile'
import { installFramePolyfill } from './node-board-client'
import { type NodeInitialLoad, runNodeInitialLoad } from './node-initial-load'
import { type BatchResult, runRemoteBatchBenchmark } from './remote-batch-benchmark'
import { type SeededBoard, seedBoard } from './seeded-board'
import { loadAverage } from './stats'

const SHAPES = 2_000
const MOVED = 500
const TARGET_INTERACTIVE_MS = 2_000
const TARGET_BATCH_MS = 50
const OUT_DIR = new URL('../../../bench-results/', import.meta.url).pathname

const args = new Set(process.argv.slice(2))
const quick = args.has('--quick')
const loadRuns = quick ? 2 : 5
const batches = quick ? 3 : 20
// A board in use has run for a while: the first batches also pay for compiling the code.
const warmupBatches = quick ? 2 : 5

function out(line: string): void {
  process.stdout.write(`${line}\n`)
}

async function main(): Promise<void> {
  if (!existsSync(`${CLIENT_DIST}/index.html`)) {
    throw new Error(
      `client/dist is missing: run node_modules/.bin/vite build at the repository root first`,
    )
  }
  installFramePolyfill()
  const startedLoad = await loadAverage()
  let server: TestServer | undefined
  let browser: Browser | undefined
  let board: SeededBoard | undefined
  try {
    server = await startTestServer()
    browser = await launchBrowser()
    out(`seeding ${SHAPES} shapes through the binding (load ${await loadAverage()})`)
    board = await seedBoard(server.server.url, SHAPES)

    out(`loading the board ${loadRuns}x in fresh profiles`)
    const load: LoadResult = await runLoadBenchmark(browser, board.editorLink, SHAPES, loadRuns)
    const profile: LoadProfile | null = args.has('--no-profile')
      ? null
      : await profileLoad(browser, server.server.url, board.editorLink, SHAPES)

    out(`moving ${MOVED} shapes from Node, ${batches} batches`)
    const batch: BatchResult = await runRemoteBatchBenchmark(
      browser,
      board,
      MOVED,
      batches,
      warmupBatches,
    )

    board.writer.close()
    board = undefined
    await browser.close()
    browser = undefined
    await server.close()
    server = undefined

    out('re-running packages/board initial-load bench (5,000 records, Node)')
    const nodeLoad: NodeInitialLoad | null = args.has('--no-node')
      ? null
      : await runNodeInitialLoad()

    const interactive = load.summary.framePaintedAfterShapes?.median ?? NaN
    const result = {
      date: new Date().toISOString(),
      node: process.version,
      chromium: '/usr/bin/chromium (headless, flags of test/e2e/helpers/browser.ts)',
      loadAverageAtStart: startedLoad,
      loadAverageAtEnd: await loadAverage(),
      targets: {
        interactiveMs: TARGET_INTERACTIVE_MS,
        interactiveMedianMs: interactive,
        interactiveMet: interactive < TARGET_INTERACTIVE_MS,
        remoteBatchMs: TARGET_BATCH_MS,
        remoteBatchMedianMs: batch.summary.applyMs.median,
        remoteBatchP95Ms: batch.summary.applyMs.p95,
        remoteBatchTldrawAloneMedianMs: batch.tldrawAloneMs.median,
        remoteBatchMet: batch.summary.applyMs.median < TARGET_BATCH_MS,
      },
      load: { shapes: SHAPES, ...load },
      profile,
      remoteBatch: batch,
      nodeInitialLoad: nodeLoad,
    }
    mkdirSync(OUT_DIR, { recursive: true })
    writeFileSync(`${OUT_DIR}board-browser-latest.json`, JSON.stringify(result, null, 2))
    printTables(result.load, batch, nodeLoad, profile)
    out(
      `interactive (median, frame painted after ${SHAPES} shapes): ${interactive} ms, target < ${TARGET_INTERACTIVE_MS}: ${result.targets.interactiveMet ? 'met' : 'NOT met'}`,
    )
    out(
      `remote batch of ${MOVED} (message -> store): median ${batch.summary.applyMs.median} ms, p95 ${batch.summary.applyMs.p95} ms, target < ${TARGET_BATCH_MS} (median): ${result.targets.remoteBatchMet ? 'met' : 'NOT met'}; tldraw alone: median ${batch.tldrawAloneMs.median} ms`,
    )
    out(`wrote ${OUT_DIR}board-browser-latest.json`)
  } finally {
    board?.writer.close()
    await browser?.close()
    await server?.close()
  }
}

function printTables(
  load: LoadResult,
  batch: BatchResult,
  nodeLoad: NodeInitialLoad | null,
  profile: LoadProfile | null,
): void {
  out(`\nLoad of a ${SHAPES}-shape board, ms since navigation start (${load.runs} cold runs)`)
  console.table(load.summary)
  out('load average per run:')
  console.table(
    load.samples.map((s) => ({
      loadAverage: s.loadAverage,
      painted: s.marks.framePaintedAfterShapes,
    })),
  )
  out(
    `\nRemote batch of ${batch.movedShapes} moved shapes, ms from the websocket message (${batch.batches} batches)`,
  )
  console.table({ ...batch.summary, tldrawAloneMs: batch.tldrawAloneMs })
  out('tldrawAloneMs: the same move put straight into the page store (no Yjs, no binding)')
  if (batch.hottestFunctions) {
    out('hottest functions while one extra batch applied (self time, sampling profile)')
    console.table(batch.hottestFunctions)
  }
  if (profile) {
    out('\nWhere the load time goes (one extra traced run): main-thread self time by trace event')
    console.table(profile.mainThreadSelfTime)
    out('hottest JavaScript functions (self time, sampling profile)')
    console.table(profile.hottestFunctions)
  }
  if (nodeLoad) {
    out(
      '\nNode: initial apply of a 5,000-record board (packages/board/bench/initial-load.bench.ts)',
    )
    console.table([nodeLoad])
  }
}

main().then(
  // tldraw keeps a frame timer alive in Node; the benchmark is done.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exit(1)
  },
)
