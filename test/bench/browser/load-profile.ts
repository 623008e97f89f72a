import { writeFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { LOAD_TIMEOUT_MS, openBoardPage, waitForMark } from './board-page-session'

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  args?: { name?: string }
}

interface CpuProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
export interface CpuProfile {
  nodes: CpuProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export interface TimeShare {
  name: string
  ms: number
}

export interface LoadProfile {
  /** Self time per trace event on the page's main thread (Layout, Paint, FunctionCall, …). */
  mainThreadSelfTime: TimeShare[]
  /** Self time per JavaScript function from a sampling CPU profile (names survive minifying for methods). */
  hottestFunctions: TimeShare[]
}

/** Self time by event name on the busiest renderer main thread of a Chromium trace. */
function mainThreadSelfTime(trace: { traceEvents: TraceEvent[] }, top: number): TimeShare[] {
  const events = trace.traceEvents
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const complete = events.filter(
    (e) => e.ph === 'X' && e.dur !== undefined && mains.has(`${e.pid}:${e.tid}`),
  )
  const busiest = new Map<string, number>()
  for (const e of complete)
    busiest.set(`${e.pid}:${e.tid}`, (busiest.get(`${e.pid}:${e.tid}`) ?? 0) + 1)
  const thread = [...busiest.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
  const own = complete
    .filter((e) => `${e.pid}:${e.tid}` === thread)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const self = new Map<string, number>()
  const stack: Array<{ end: number; name: string }> = []
  for (const e of own) {
    const dur = e.dur ?? 0
    while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= e.ts) stack.pop()
    const parent = stack[stack.length - 1]
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - dur)
    self.set(e.name, (self.get(e.name) ?? 0) + dur)
    stack.push({ end: e.ts + dur, name: e.name })
  }
  return [...self.entries()]
    .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top)
}

export function hottestFunctions(profile: CpuProfile, top: number): TimeShare[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame
    if (!frame) return
    const file = frame.url.split('/').pop() || ''
    const key = `${frame.functionName || '(anonymous)'} ${file}${file ? `:${frame.lineNumber + 1}` : ''}`
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  return [...self.entries()]
    .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top)
}

/**
 * One extra, uncounted load with a Chromium trace and a CPU profile, to see where the time
 * goes. The page first opens a same-origin URL so the renderer (and the profiler attached to
 * it) stays the same when it navigates to the board. With `cpuProfileFile` the raw sampling
 * profile is written there too (open it in Chrome DevTools' Performance panel).
 */
export async function profileLoad(
  browser: Browser,
  serverUrl: string,
  link: string,
  shapes: number,
  cpuProfileFile?: string,
): Promise<LoadProfile> {
  let stopProfiler: () => Promise<CpuProfile> = async () => ({
    nodes: [],
    samples: [],
    timeDeltas: [],
  })
  const before = async (page: Page) => {
    await page.goto(`${serverUrl}/healthz`)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 })
    await cdp.send('Profiler.start')
    stopProfiler = async () => (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'],
    })
  }
  const opened = await openBoardPage(browser, link, shapes, before)
  try {
    await waitForMark(opened.page, 'selectedByPointer', LOAD_TIMEOUT_MS)
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
      traceEvents: TraceEvent[]
    }
    const profile = await stopProfiler()
    if (cpuProfileFile) writeFileSync(cpuProfileFile, JSON.stringify(profile))
    return {
      mainThreadSelfTime: mainThreadSelfTime(trace, 15),
      hottestFunctions: hottestFunctions(profile, 20),
    }
  } finally {
    await opened.context.close()
  }
}
