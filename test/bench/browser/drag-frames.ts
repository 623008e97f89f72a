/**
 * What a drag costs on a large board: one person drags a note on a board of 2,000 notes (a
 * few with reactions) with the real pointer, and the page records its frames, long tasks and
 * main-thread time. Several client builds in one run, drags interleaved, so a change is
 * compared on the same machine at the same moment (the host is shared and its speed drifts).
 * Asserts nothing; writes bench-results/drag-frames-latest.{json,md}.
 *
 *   node_modules/.bin/vite build --outDir /tmp/stip-before --emptyOutDir   # on the old code
 *   node_modules/.bin/vite build                                           # on the new code
 *   node_modules/.bin/tsx test/bench/browser/drag-frames.ts \
 *     --client before=/tmp/stip-before --client after=client/dist [--notes 2000] [--rounds 4]
 *     [--steps 60] [--panel Zoeken] [--profile]
 *
 * --profile also takes a CPU profile of one more drag per build and lists where it went
 * (names survive only in an unminified build: `vite build --minify false`).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { getReactions } from '@stip/board/doc-layout'
import { reactionKey } from '@stip/board/doc-model'
import type { Browser, CDPSession, Page } from 'playwright-core'
import { launchBrowser, newContext } from '../../e2e/helpers/browser'
import { startTestServer, type TestServer } from '../../e2e/helpers/test-server'
import { GRID_COLUMNS } from './board-shapes'
import { installFramePolyfill } from './node-board-client'
import { runScript } from './run-script'
import { type SeededBoard, seedBoard } from './seeded-board'
import { loadAverage, type Summary, summarise } from './stats'

const repoRoot = new URL('../../../', import.meta.url).pathname
const OUT_DIR = `${repoRoot}bench-results/`
const PARTICIPANT = { name: 'Benchmark', organisation: 'Stip', role: '' }
/** Notes with a reaction: the first rows, in view at the camera the drags use. */
const REACTED_NOTES = 20
/** The dragged note: second row, second column. */
const DRAGGED = GRID_COLUMNS + 1

const { values } = parseArgs({
  options: {
    client: { type: 'string', multiple: true },
    notes: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '4' },
    steps: { type: 'string', default: '60' },
    panel: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
})
const builds = (values.client ?? [`current=${repoRoot}client/dist`]).map((spec) => {
  const [name, dir] = spec.split('=')
  if (!name || !dir) throw new Error(`--client takes name=dir, got ${spec}`)
  return { name, dir: path.resolve(repoRoot, dir) }
})
const notes = Number(values.notes)
const rounds = Number(values.rounds)
const steps = Number(values.steps)

interface DragSample {
  /** Time between consecutive frames during the drag (ms). */
  frameMs: number[]
  /** Long tasks (over 50 ms) that started during the drag (ms each). */
  longTaskMs: number[]
  /** Main-thread time in tasks / in script during the drag, per pointer move (ms). */
  taskMsPerMove: number
  scriptMsPerMove: number
  load: string
}

/** Records frames and long tasks from inside the page; plain JavaScript (the CSP forbids eval). */
const frameProbe = `(() => {
  const frames = [];
  const longTasks = [];
  let recording = false;
  const tick = (time) => { if (recording) frames.push(time); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (recording) longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });
  window.__frames = {
    start() { frames.length = 0; longTasks.length = 0; recording = true; },
    stop() { recording = false; return { frames: frames.slice(), longTasks: longTasks.slice() }; },
  };
})();`

async function openBoard(browser: Browser, board: SeededBoard): Promise<Page> {
  const context = await newContext(browser)
  await context.addInitScript(
    `localStorage.setItem('stip.participant', ${JSON.stringify(JSON.stringify(PARTICIPANT))})`,
  )
  await context.addInitScript(frameProbe)
  const page = await context.newPage()
  await page.goto(board.editorLink)
  await page.waitForFunction(
    (count) => (window.__stip?.editor.getCurrentPageShapeIds().size ?? 0) >= count,
    notes,
    { timeout: 240_000, polling: 200 },
  )
  if (values.panel) await page.getByRole('tab', { name: values.panel, exact: true }).click()
  // Readable notes, the reacted ones and the dragged one in view.
  await page.evaluate(() => {
    window.__stip?.editor.setCamera({ x: 40, y: 40, z: 1 })
  })
  await page.waitForFunction(() => document.querySelectorAll('.note-reactions').length > 0, null, {
    timeout: 30_000,
  })
  return page
}

/** The dragged note's centre on screen. */
function noteCentre(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ id }) => {
      const editor = window.__stip?.editor
      if (!editor) throw new Error('no editor')
      editor.selectNone()
      const bounds = editor.getShapePageBounds(id as never)
      if (!bounds) throw new Error(`no ${id}`)
      const point = editor.pageToViewport(bounds.center)
      const container = editor.getContainer().getBoundingClientRect()
      return { x: point.x + container.left, y: point.y + container.top }
    },
    { id: `shape:bench-${DRAGGED}` },
  )
}

/** One drag with raw CDP input at 60 Hz (a real mouse does not wait for the page). */
async function drag(page: Page, cdp: CDPSession, direction: 1 | -1): Promise<void> {
  const from = await noteCentre(page)
  const input = (type: string, x: number, extra: Record<string, unknown> = {}) =>
    cdp.send('Input.dispatchMouseEvent', {
      type: type as 'mouseMoved',
      x,
      y: from.y,
      button: 'left',
      buttons: type === 'mouseReleased' ? 0 : 1,
      ...extra,
    })
  await input('mouseMoved', from.x, { buttons: 0 })
  await input('mousePressed', from.x, { clickCount: 1 })
  const started = performance.now()
  const sent: Promise<unknown>[] = []
  let x = from.x
  for (let i = 1; i <= steps; i++) {
    const wait = started + (i * 1000) / 60 - performance.now()
    if (wait > 0) await sleep(wait)
    x = from.x + direction * i * 3
    sent.push(input('mouseMoved', x))
  }
  await Promise.all(sent)
  await input('mouseReleased', x, { clickCount: 1 })
}

async function metric(cdp: CDPSession, name: string): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>
  }
  return (metrics.find((m) => m.name === name)?.value ?? 0) * 1000
}

async function measuredDrag(page: Page, cdp: CDPSession, direction: 1 | -1): Promise<DragSample> {
  await page.evaluate('window.__frames.start()')
  const task = await metric(cdp, 'TaskDuration')
  const script = await metric(cdp, 'ScriptDuration')
  await drag(page, cdp, direction)
  // The last move's frame.
  await sleep(200)
  const taskMs = (await metric(cdp, 'TaskDuration')) - task
  const scriptMs = (await metric(cdp, 'ScriptDuration')) - script
  const { frames, longTasks } = (await page.evaluate('window.__frames.stop()')) as {
    frames: number[]
    longTasks: number[]
  }
  return {
    frameMs: frames.slice(1).map((t, i) => t - (frames[i] ?? t)),
    longTaskMs: longTasks,
    taskMsPerMove: taskMs / steps,
    scriptMsPerMove: scriptMs / steps,
    load: await loadAverage(),
  }
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

/** Self time per function and inclusive time of the functions this change is about. */
function summariseProfile(profile: {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id)
  const self = new Map<string, number>()
  const inclusive = new Map<string, number>()
  let total = 0
  let busy = 0
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000
    const frame = byId.get(id)?.callFrame
    if (!frame) return
    total += ms
    if (frame.functionName !== '(idle)' && frame.functionName !== '(program)') busy += ms
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}`
    self.set(name, (self.get(name) ?? 0) + ms)
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const fn = byId.get(at)?.callFrame.functionName ?? ''
      if (!fn || seen.has(fn)) continue
      seen.add(fn)
      inclusive.set(fn, (inclusive.get(fn) ?? 0) + ms)
    }
  })
  const round = (ms: number) => Math.round(ms * 10) / 10
  const watched = [
    'readBoardNotes',
    'readBoardNote',
    'NoteReactionBadges',
    'readReactionRows',
    'useNoteAnchors',
    'noteAnchor',
    'useTemplateInstances',
    'listTemplateInstances',
    'isTemplateLocked',
    'readLabelItems',
    'renderWithHooks',
  ]
  return {
    totalMs: round(total),
    busyMs: round(busy),
    inclusiveMs: Object.fromEntries(watched.map((fn) => [fn, round(inclusive.get(fn) ?? 0)])),
    topSelf: [...self.entries()]
      .filter(([name]) => !name.startsWith('(idle)') && !name.startsWith('(program)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([name, ms]) => ({ name, ms: round(ms) })),
  }
}

async function profiledDrag(page: Page, cdp: CDPSession) {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  await drag(page, cdp, 1)
  await sleep(200)
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
  }
  await drag(page, cdp, -1)
  return summariseProfile(profile)
}

async function main(): Promise<void> {
  installFramePolyfill()
  const loadAtStart = await loadAverage()
  const servers: TestServer[] = []
  // Two boards open at once: neither page may be throttled as a background one.
  const browser = await launchBrowser([
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ])
  try {
    const opened: Array<{ name: string; page: Page; cdp: CDPSession; board: SeededBoard }> = []
    for (const build of builds) {
      const server = await startTestServer({ clientDir: build.dir })
      servers.push(server)
      const board = await seedBoard(server.server.url, notes, 'notes')
      const reactions = getReactions(board.writer.doc)
      board.writer.doc.transact(() => {
        for (let i = 0; i < REACTED_NOTES; i++) {
          const row = Math.floor(i / 5)
          reactions.set(
            reactionKey(`shape:bench-${row * GRID_COLUMNS + (i % 5)}`, 'eens', `b${i}`),
            true,
          )
        }
      })
      const page = await openBoard(browser, board)
      const cdp = await page.context().newCDPSession(page)
      await cdp.send('Performance.enable')
      // One drag each way to warm up (the code is compiled on first use).
      await drag(page, cdp, 1)
      await drag(page, cdp, -1)
      opened.push({ name: build.name, page, cdp, board })
      process.stdout.write(`${build.name}: board of ${notes} notes open\n`)
    }
    const samples = new Map<string, DragSample[]>(opened.map(({ name }) => [name, []]))
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? opened : [...opened].reverse()
      for (const { name, page, cdp } of order) {
        // Right, then back: the note ends where it started.
        samples.get(name)?.push(await measuredDrag(page, cdp, 1))
        samples.get(name)?.push(await measuredDrag(page, cdp, -1))
      }
      process.stdout.write(`round ${round + 1}/${rounds} (load ${await loadAverage()})\n`)
    }
    // One build at a time: two profiled drags at once would share the two cores.
    const profiles: Record<string, ReturnType<typeof summariseProfile>> = {}
    if (values.profile) {
      for (const { name, page, cdp } of opened) profiles[name] = await profiledDrag(page, cdp)
    }
    const results = Object.fromEntries(
      [...samples.entries()].map(([name, list]) => [
        name,
        {
          frameMs: summarise(list.flatMap((s) => s.frameMs)),
          longTasks: list.flatMap((s) => s.longTaskMs).length,
          longestTaskMs: Math.round(Math.max(0, ...list.flatMap((s) => s.longTaskMs))),
          taskMsPerMove: summarise(list.map((s) => s.taskMsPerMove)),
          scriptMsPerMove: summarise(list.map((s) => s.scriptMsPerMove)),
          loads: list.map((s) => s.load),
        },
      ]),
    )
    const report = {
      date: new Date().toISOString(),
      method: {
        notes,
        reactedNotes: REACTED_NOTES,
        rounds,
        steps,
        panel: values.panel ?? 'default',
      },
      builds,
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: await loadAverage(),
      results,
      profiles,
    }
    mkdirSync(OUT_DIR, { recursive: true })
    const markdown = format(report)
    const stamp = report.date.replace(/[:.]/g, '-')
    for (const name of [`drag-frames-${stamp}`, 'drag-frames-latest']) {
      writeFileSync(`${OUT_DIR}${name}.json`, `${JSON.stringify(report, null, 2)}\n`)
      writeFileSync(`${OUT_DIR}${name}.md`, markdown)
    }
    process.stdout.write(`${markdown}\n`)
    for (const { board } of opened) board.writer.close()
  } finally {
    await browser.close()
    for (const server of servers) await server.close()
  }
}

function format(report: {
  date: string
  method: { notes: number; rounds: number; steps: number; panel: string }
  loadAverageAtStart: string
  loadAverageAtEnd: string
  results: Record<
    string,
    {
      frameMs: Summary
      longTasks: number
      longestTaskMs: number
      taskMsPerMove: Summary
      scriptMsPerMove: Summary
    }
  >
  profiles: Record<string, ReturnType<typeof summariseProfile>>
}): string {
  const names = Object.keys(report.results)
  const row = (label: string, pick: (name: string) => string | number) =>
    `| ${label} | ${names.map(pick).join(' | ')} |`
  const r = (name: string) => report.results[name] as (typeof report.results)[string]
  const lines = [
    `### Dragging a note on a board of ${report.method.notes} notes (${report.date})`,
    '',
    `${report.method.rounds * 2} drags per build of ${report.method.steps} pointer moves at 60 Hz, ` +
      `builds interleaved; side panel: ${report.method.panel}; load average ` +
      `${report.loadAverageAtStart} at the start, ${report.loadAverageAtEnd} at the end.`,
    '',
    `| figure | ${names.join(' | ')} |`,
    `|---|${names.map(() => '---:').join('|')}|`,
    row('frame interval p50 / p95 (ms)', (n) => `${r(n).frameMs.median} / ${r(n).frameMs.p95}`),
    row('frames', (n) => r(n).frameMs.n),
    row('main-thread task time per move, median (ms)', (n) => r(n).taskMsPerMove.median),
    row('script time per move, median (ms)', (n) => r(n).scriptMsPerMove.median),
    row('long tasks (> 50 ms) / longest (ms)', (n) => `${r(n).longTasks} / ${r(n).longestTaskMs}`),
    '',
  ]
  for (const [name, profile] of Object.entries(report.profiles)) {
    lines.push(
      `Profile of one drag, ${name}: ${profile.busyMs} ms busy of ${profile.totalMs} ms; inclusive: ` +
        Object.entries(profile.inclusiveMs)
          .filter(([, ms]) => ms > 0)
          .map(([fn, ms]) => `${fn} ${ms}`)
          .join(', '),
      '',
      ...profile.topSelf.map((f) => `- ${f.name}: ${f.ms} ms self`),
      '',
    )
  }
  return lines.join('\n')
}

runScript(main)
