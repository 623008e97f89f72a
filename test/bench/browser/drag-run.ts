/**
 * Browser to browser: person A drags a note, person B sees it move. Times A's pointer move
 * to B's store holding the new position, for Stip (the real client, client/dist, against
 * Stip's server) and for tldraw's own sync (a `useSync` page, tldraw-sync-page/, against a
 * TLSocketRoom server), in one Chromium, rounds interleaved. Writes bench-results/drag-*.
 *
 * Each server runs in a child process of its own, as deployed (Stip from its production
 * build): inside this process they would share an event loop with Playwright, whose traffic
 * with Chromium during a drag delayed the hop between A's socket and B's by 5-22 ms.
 *
 *   node_modules/.bin/vite build       # Stip's client, once
 *   node_modules/.bin/tsx test/bench/browser/drag-run.ts [--quick] [--rounds N]
 *
 * The tldraw page is built (its own vite config) when its dist/ is missing or with --build.
 */
import { type ChildProcess, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { createBoard } from '../../e2e/helpers/boards'
import { newContext } from '../../e2e/helpers/browser'
import { CLIENT_DIST } from '../../e2e/helpers/test-server'
import { buildStipServer, startServerProcess } from '../server-process'
import { type DragTrace, dragLatencies, dragOnce } from './drag-latency'
import { dragProbeScript } from './drag-probe'
import { runScript } from './run-script'
import { loadAverage, summarise } from './stats'

const repoRoot = new URL('../../../', import.meta.url).pathname
const pageDir = new URL('./tldraw-sync-page/', import.meta.url).pathname
const OUT_DIR = `${repoRoot}bench-results/`
const SHAPE_ID = 'shape:dragbench'
const PARTICIPANT = { name: 'Benchmark', organisation: 'Stip', role: '' }

type System = 'stip' | 'tldraw'
interface Pair {
  a: Page
  b: Page
  contexts: BrowserContext[]
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      build: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      steps: { type: 'string' },
    },
  })
  const rounds = Number(values.rounds ?? (values.quick ? 4 : 12))
  const steps = Number(values.steps ?? (values.quick ? 30 : 60))
  if (!existsSync(`${CLIENT_DIST}/index.html`)) {
    throw new Error(
      'client/dist is missing: run node_modules/.bin/vite build at the repository root',
    )
  }
  if (values.build || !existsSync(`${pageDir}dist/index.html`)) buildTldrawPage()
  buildStipServer()
  const loadAtStart = await loadAverage()
  const children: ChildProcess[] = []
  const track = (child: ChildProcess) => children.push(child)
  // However this process ends, the servers end with it.
  process.on('exit', () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  })
  const dataDir = await mkdtemp(path.join(tmpdir(), 'stip-drag-'))
  const stip = await startServerProcess({ kind: 'stip', dataDir, track })
  const tldraw = await startServerProcess({
    kind: 'tldraw',
    dataDir,
    env: { STATIC_DIR: `${pageDir}dist` },
    track,
  })
  const browser = await launch()
  try {
    const board = await createBoard(stip.httpBase, 'Drag benchmark')
    const pairs: Record<System, Pair> = {
      stip: await openPair(browser, board.links.editor, true),
      tldraw: await openPair(
        browser,
        `${tldraw.httpBase}/?room=drag-${Date.now().toString(36)}`,
        false,
      ),
    }
    mkdirSync(OUT_DIR, { recursive: true })
    for (const [system, pair] of Object.entries(pairs)) {
      await placeNote(pair)
      // What person B sees before the drags: the note both measure.
      await pair.b.screenshot({ path: `${OUT_DIR}drag-${system}-page-b.png` })
    }
    const traces: Record<System, DragTrace[]> = { stip: [], tldraw: [] }
    const loads: string[] = []
    for (let round = 0; round < rounds; round++) {
      // Alternate which system goes first, and the drag's direction, every round.
      const order: System[] = round % 2 === 0 ? ['stip', 'tldraw'] : ['tldraw', 'stip']
      for (const system of order) {
        const trace = await dragOnce(pairs[system].a, pairs[system].b, {
          shapeId: SHAPE_ID,
          steps,
          stepPx: 4,
          intervalMs: 1000 / 60,
          // Right, then back left: the note stays where it started, clear of side panels.
          direction: round % 2 === 0 ? 1 : -1,
        })
        traces[system].push(trace)
      }
      loads.push(await loadAverage())
      process.stdout.write(`round ${round + 1}/${rounds} done (load ${loads.at(-1)})\n`)
    }
    const results = Object.fromEntries(
      (Object.keys(traces) as System[]).map((system) => {
        const latencies = traces[system].map(dragLatencies)
        return [
          system,
          {
            remoteMs: summarise(latencies.flatMap((l) => l.remoteMs)),
            localMs: summarise(latencies.flatMap((l) => l.localMs)),
            sendMs: summarise(latencies.flatMap((l) => l.sendMs)),
            receiveMs: summarise(latencies.flatMap((l) => l.receiveMs)),
            missingPositions: latencies.reduce((a, l) => a + l.missing, 0),
            failedDrags: latencies.filter((l) => l.failed).length,
            perDragRemoteMedianMs: latencies.map((l) => summarise(l.remoteMs).median),
          },
        ]
      }),
    ) as Record<System, ReturnType<typeof summaryOf>>
    const report = {
      date: new Date().toISOString(),
      node: process.version,
      chromium:
        '/usr/bin/chromium (headless), flags of test/e2e/helpers/browser.ts + no background throttling',
      method: { rounds, steps, stepPx: 4, intervalMs: 1000 / 60 },
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: await loadAverage(),
      loadAveragePerRound: loads,
      results,
      target: {
        text: 'Stip p50 <= 0.5x tldraw sync p50',
        ratio: results.stip.remoteMs.median / results.tldraw.remoteMs.median,
        met: results.stip.remoteMs.median <= 0.5 * results.tldraw.remoteMs.median,
      },
      traces,
    }
    const markdown = formatDrag(report)
    const stamp = report.date.replace(/[:.]/g, '-')
    for (const name of [`drag-${stamp}`, 'drag-latest']) {
      writeFileSync(`${OUT_DIR}${name}.json`, `${JSON.stringify(report, null, 2)}\n`)
      writeFileSync(`${OUT_DIR}${name}.md`, markdown)
    }
    process.stdout.write(
      `${markdown}\nwritten: bench-results/drag-${stamp}.{json,md}, drag-latest.{json,md}\n`,
    )
  } finally {
    await browser.close()
    await tldraw.stop()
    await stip.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

// Only for the type of `results` above.
function summaryOf() {
  const s = summarise([])
  return {
    remoteMs: s,
    localMs: s,
    sendMs: s,
    receiveMs: s,
    missingPositions: 0,
    failedDrags: 0,
    perDragRemoteMedianMs: [0],
  }
}

function buildTldrawPage(): void {
  const built = spawnSync(
    `${repoRoot}node_modules/.bin/vite`,
    ['build', '--config', `${pageDir}vite.config.ts`],
    { cwd: repoRoot, stdio: 'inherit' },
  )
  if (built.status !== 0) throw new Error('building the tldraw sync page failed')
}

/** The e2e helpers' Chromium, with nothing throttled in a page that is not in front. */
function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  })
}

/** Two people, each in a fresh profile, on the same board. */
async function openPair(browser: Browser, url: string, stip: boolean): Promise<Pair> {
  const open = async () => {
    const context = await newContext(browser)
    if (stip) {
      // A returning participant: straight to the board (the join form is a human step).
      await context.addInitScript(
        `localStorage.setItem('stip.participant', ${JSON.stringify(JSON.stringify(PARTICIPANT))})`,
      )
    }
    await context.addInitScript(dragProbeScript)
    const page = await context.newPage()
    await page.goto(url)
    await until(page, 'window.__drag && window.__drag.ready()', 60_000, `editor at ${url}`)
    return { context, page }
  }
  const a = await open()
  const b = await open()
  return { a: a.page, b: b.page, contexts: [a.context, b.context] }
}

async function placeNote(pair: Pair): Promise<void> {
  const id = JSON.stringify(SHAPE_ID)
  await pair.a.evaluate(`window.__drag.createNote(${id})`)
  await until(pair.b, `window.__drag.hasShape(${id})`, 20_000, 'the note on page B')
  await pair.a.evaluate(`window.__drag.watch(${id})`)
  await pair.b.evaluate(`window.__drag.watch(${id})`)
}

/** Polls an expression on the page (a string: Stip's CSP forbids eval in waitForFunction). */
async function until(page: Page, expression: string, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await page.evaluate(expression).catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`timed out waiting for ${what}`)
}

function formatDrag(report: {
  date: string
  method: { rounds: number; steps: number }
  loadAverageAtStart: string
  loadAverageAtEnd: string
  results: Record<System, ReturnType<typeof summaryOf>>
  target: { ratio: number; met: boolean }
}): string {
  const { stip, tldraw } = report.results
  const row = (label: string, pick: (r: ReturnType<typeof summaryOf>) => number | string) =>
    `| ${label} | ${pick(stip)} | ${pick(tldraw)} |`
  return [
    `### Browser to browser: A drags a note, B sees it move (${report.date})`,
    '',
    `${report.method.rounds} drags per system of ${report.method.steps} pointer moves at 60 Hz, ` +
      `interleaved; load average ${report.loadAverageAtStart} at the start, ${report.loadAverageAtEnd} at the end.`,
    '',
    '| figure | Stip | tldraw sync |',
    '|---|---:|---:|',
    row('A pointer move -> B store, p50 (ms)', (r) => r.remoteMs.median),
    row('A pointer move -> B store, p95 (ms)', (r) => r.remoteMs.p95),
    row('A pointer move -> B store, max (ms)', (r) => r.remoteMs.max),
    row('samples', (r) => r.remoteMs.n),
    row('positions that never reached B', (r) =>
      r.missingPositions === 0 ? '0' : `**${r.missingPositions} (!)**`,
    ),
    row('drags that did not move the note on A', (r) =>
      r.failedDrags === 0 ? '0' : `**${r.failedDrags} (!)**`,
    ),
    row('A pointer move -> A store, p50 (ms)', (r) => r.localMs.median),
    row('A pointer move -> A socket sends the change, p50 (ms)', (r) => r.sendMs.median),
    row('A pointer move -> B socket receives it, p50 (ms)', (r) => r.receiveMs.median),
    '',
    `Target Stip p50 <= 0.5x tldraw sync p50: ratio ${report.target.ratio.toFixed(2)}, ${report.target.met ? 'met' : 'NOT met'}.`,
    '',
  ].join('\n')
}

runScript(main)
