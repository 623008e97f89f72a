/**
 * Browser-side speed benchmarks of the board (issues 3 and 19). Prints tables and writes
 * bench-results/board-browser-latest.{json,md}; asserts nothing. `pnpm bench` runs it (after
 * building the client); alone:
 *
 *   node_modules/.bin/vite build            # once, this script builds nothing itself
 *   node_modules/.bin/tsx test/bench/browser/run.ts [--quick] [--shapes 2000,5000] [--no-profile] [--no-node] [--cpu-prof] [--client-dir DIR]
 *
 * Every board size is loaded cold several times (interactive = a frame painted after all
 * shapes arrived); the remote batch runs on the first size; the profile on the first size.
 * --cpu-prof also writes that profiled load's raw CPU profile to
 * bench-results/profiles/board-load-<shapes>.cpuprofile (for DevTools or profile-summary.ts).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../../e2e/helpers/browser'
import { CLIENT_DIST, startTestServer, type TestServer } from '../../e2e/helpers/test-server'
import { type BoardBrowserFigures, browserTargets, formatBrowserSummary } from '../browser-targets'
import { type LoadResult, runLoadBenchmark } from './load-benchmark'
import { type LoadProfile, profileLoad } from './load-profile'
import { installFramePolyfill } from './node-board-client'
import { type NodeInitialLoad, runNodeInitialLoad } from './node-initial-load'
import { type BatchResult, runRemoteBatchBenchmark } from './remote-batch-benchmark'
import { runScript } from './run-script'
import { type SeededBoard, seedBoard } from './seeded-board'
import { loadAverage } from './stats'

const MOVED = 500
const OUT_DIR = new URL('../../../bench-results/', import.meta.url).pathname

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    shapes: { type: 'string', default: '2000,5000' },
    'no-profile': { type: 'boolean', default: false },
    'no-node': { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    // Another build of the client (e.g. the code before a change, built with --outDir).
    'client-dir': { type: 'string' },
  },
})
const quick = options.quick === true
const boardSizes = options.shapes.split(',').map(Number)
if (boardSizes.some((n) => !Number.isInteger(n) || n < MOVED)) {
  throw new Error(`--shapes takes board sizes of at least ${MOVED}, e.g. 2000,5000`)
}
const loadRuns = quick ? 2 : 5
const batches = quick ? 3 : 20
// A board in use has run for a while: the first batches also pay for compiling the code.
const warmupBatches = quick ? 2 : 5

function out(line: string): void {
  process.stdout.write(`${line}\n`)
}

function cpuProfileFile(shapes: number): string | undefined {
  if (!options['cpu-prof']) return undefined
  mkdirSync(`${OUT_DIR}profiles`, { recursive: true })
  return `${OUT_DIR}profiles/board-load-${shapes}.cpuprofile`
}

interface BoardLoad {
  shapes: number
  load: LoadResult
  profile: LoadProfile | null
}

async function main(): Promise<void> {
  const clientDir = options['client-dir'] ? path.resolve(options['client-dir']) : CLIENT_DIST
  if (!existsSync(`${clientDir}/index.html`)) {
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
    server = await startTestServer({ clientDir })
    browser = await launchBrowser()
    const loads: BoardLoad[] = []
    let batch: BatchResult | undefined
    for (const [index, shapes] of boardSizes.entries()) {
      out(`seeding ${shapes} shapes through the binding (load ${await loadAverage()})`)
      board = await seedBoard(server.server.url, shapes)
      out(`loading the ${shapes}-shape board ${loadRuns}x in fresh profiles`)
      const load = await runLoadBenchmark(browser, board.editorLink, shapes, loadRuns)
      out(`  interactive median ${load.summary.framePaintedAfterShapes?.median} ms`)
      const profile =
        options['no-profile'] || index > 0
          ? null
          : await profileLoad(
              browser,
              server.server.url,
              board.editorLink,
              shapes,
              cpuProfileFile(shapes),
            )
      loads.push({ shapes, load, profile })
      if (index === 0) {
        out(`moving ${MOVED} of the ${shapes} shapes from Node, ${batches} batches`)
        batch = await runRemoteBatchBenchmark(browser, board, MOVED, batches, warmupBatches)
      }
      // Only one board's participant at a time: the next board's figures are its own.
      board.writer.close()
      board = undefined
    }
    if (!batch) throw new Error('no board size given')

    await browser.close()
    browser = undefined
    await server.close()
    server = undefined

    out('re-running packages/board initial-load bench (5,000 records, Node)')
    const nodeLoad: NodeInitialLoad | null = options['no-node'] ? null : await runNodeInitialLoad()

    const figures: BoardBrowserFigures = {
      boards: loads.map(({ shapes, load }) => ({
        shapes,
        runs: load.runs,
        interactive: load.summary.framePaintedAfterShapes ?? {
          n: 0,
          median: NaN,
          p95: NaN,
          min: NaN,
          max: NaN,
        },
      })),
      remoteBatch: {
        movedShapes: MOVED,
        boardShapes: boardSizes[0] ?? 0,
        apply: batch.summary.applyMs,
        tldrawAlone: batch.tldrawAloneMs,
      },
    }
    const targets = browserTargets(figures, null)
    const result = {
      date: new Date().toISOString(),
      node: process.version,
      chromium: '/usr/bin/chromium (headless, flags of test/e2e/helpers/browser.ts)',
      options: { quick, boardSizes, loadRuns, batches, warmupBatches, clientDir },
      loadAverageAtStart: startedLoad,
      loadAverageAtEnd: await loadAverage(),
      figures,
      targets,
      loads,
      remoteBatch: batch,
      nodeInitialLoad: nodeLoad,
    }
    mkdirSync(OUT_DIR, { recursive: true })
    writeFileSync(`${OUT_DIR}board-browser-latest.json`, JSON.stringify(result, null, 2))
    for (const { shapes, load, profile } of loads) printTables(shapes, load, profile)
    printBatch(batch, nodeLoad)
    const markdown = [
      `load average ${result.loadAverageAtStart} at the start, ${result.loadAverageAtEnd} at the end`,
      '',
      ...formatBrowserSummary(figures, null),
      '',
      '| target | met | figures |',
      '|---|---|---|',
      ...targets.map(
        (t) =>
          `| ${t.target} | ${t.met === null ? 'not measured' : t.met ? 'yes' : 'NO'} | ${t.detail} |`,
      ),
      '',
    ].join('\n')
    writeFileSync(`${OUT_DIR}board-browser-latest.md`, markdown)
    out(`\n${markdown}`)
    out(`wrote ${OUT_DIR}board-browser-latest.{json,md}`)
  } finally {
    board?.writer.close()
    await browser?.close()
    await server?.close()
  }
}

function printTables(shapes: number, load: LoadResult, profile: LoadProfile | null): void {
  out(`\nLoad of a ${shapes}-shape board, ms since navigation start (${load.runs} cold runs)`)
  console.table(load.summary)
  out('load average per run:')
  console.table(
    load.samples.map((s) => ({
      loadAverage: s.loadAverage,
      painted: s.marks.framePaintedAfterShapes,
    })),
  )
  if (profile) {
    out(
      `\nWhere the ${shapes}-shape load goes (one extra traced run): main-thread self time by trace event`,
    )
    console.table(profile.mainThreadSelfTime)
    out('hottest JavaScript functions (self time, sampling profile)')
    console.table(profile.hottestFunctions)
  }
}

function printBatch(batch: BatchResult, nodeLoad: NodeInitialLoad | null): void {
  out(
    `\nRemote batch of ${batch.movedShapes} moved shapes, ms from the websocket message (${batch.batches} batches)`,
  )
  console.table({ ...batch.summary, tldrawAloneMs: batch.tldrawAloneMs })
  out('tldrawAloneMs: the same move put straight into the page store (no Yjs, no binding)')
  if (batch.hottestFunctions) {
    out('hottest functions while one extra batch applied (self time, sampling profile)')
    console.table(batch.hottestFunctions)
  }
  if (nodeLoad) {
    out(
      '\nNode: initial apply of a 5,000-record board (packages/board/bench/initial-load.bench.ts)',
    )
    console.table([nodeLoad])
  }
}

runScript(main)
