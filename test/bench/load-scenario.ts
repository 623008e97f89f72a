import { readFileSync } from 'node:fs'
import { type LatencySummary, mergeHistograms, summarize } from './latency-histogram'
import { provisionBoards } from './provision-boards'
import type { ServerProcess } from './server-process'
import type { BenchClientSpec, WorkerResult } from './worker-messages'
import { createWorkerPool } from './worker-pool'

export interface LoadScenario {
  name: string
  rooms: number
  clientsPerRoom: number
  editsPerSecond: number
  payloadBytes: number
  warmupMs: number
  measureMs: number
  /** Time after the last edit for in-flight updates to arrive before counting. */
  drainMs: number
  workers: number
}

export interface LoadResult {
  latencyMs: LatencySummary
  /** tldraw only: until the edit reached the receiving client's socket (count 0 elsewhere). */
  wireLatencyMs: LatencySummary
  /** Only deliveries whose sender joined another server instance (empty with one instance). */
  crossInstanceLatencyMs: LatencySummary
  /** Server processes the clients were spread over. */
  instances: number
  /** How late the generator's edit timers fired; high values mean the generator, not the server, lagged. */
  generatorLagMs: LatencySummary
  /** Edits sent in the measured window (all clients). */
  sent: number
  /** Remote updates applied by clients, for edits sent in the window. */
  delivered: number
  /** sent x (clients in room - 1), summed over rooms. */
  expectedDeliveries: number
  deliveredPerSecond: number
  /** Summed over every server process. */
  serverCpuSeconds: number
  /** CPU of the processes named by `backingCpuSeconds` (Postgres, Redis), if measured. */
  backingCpuSeconds: number | null
  /** Server CPU per delivered update (µs): efficiency, less sensitive to host contention than latency. */
  serverCpuMicrosPerDelivery: number
  /** Server CPU as a share of one core over the measured window. */
  serverCpuPercent: number
  /** Summed over every server process. */
  serverPeakRssMiB: number
  /** CPU used by the load generator (all its threads) over the window, as a share of one core. */
  generatorCpuPercent: number
  /** CPU used by everything else on the host (other processes) over the window, % of a core. */
  hostOtherCpuPercent: number
  connectMs: number
  disconnects: number
  /** Correctness: expected deliveries (edits sent in the window x other clients) never seen. */
  missedDeliveries: number
  /** Correctness: rooms whose clients ended the run with different states. */
  divergentRooms: number
  /** Correctness: clients that did not hold one record per participant of their room at the end. */
  wrongRecordCounts: number
  /**
   * Time after the drain until every room had converged (capped at CONVERGE_TIMEOUT_MS): late
   * deliveries still count; what is missing after it is lost.
   */
  convergeWaitMs: number
  /** `/proc/loadavg` when the run ended (set by the caller). */
  loadavg?: string
}

const now = () => performance.timeOrigin + performance.now()
/** How long to wait after the drain for late deliveries before calling them missed. */
const CONVERGE_TIMEOUT_MS = 30_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export interface LoadOptions {
  /** CPU seconds used so far by shared backing services (Postgres, Redis): measured like the server's. */
  backingCpuSeconds?: () => number
}

/**
 * Runs one load scenario (clients editing rooms) against started servers. With several server
 * processes (sharing a store and backplane), the clients of each room join them round-robin,
 * boards are created through the first, and CPU and memory are summed over all of them.
 */
export async function runLoadScenario(
  scenario: LoadScenario,
  serverOrServers: ServerProcess | ServerProcess[],
  options: LoadOptions = {},
): Promise<LoadResult> {
  const servers = Array.isArray(serverOrServers) ? serverOrServers : [serverOrServers]
  const server = servers[0]
  if (server === undefined) throw new Error('runLoadScenario needs a server')
  const pool = createWorkerPool(scenario.workers)
  try {
    const assignments: BenchClientSpec[][] = Array.from({ length: pool.size }, () => [])
    const boards = await provisionBoards(server, scenario.rooms)
    let index = 0
    for (const board of boards) {
      for (let c = 0; c < scenario.clientsPerRoom; c++) {
        const instance = c % servers.length
        assignments[index % pool.size]?.push({
          room: board.room,
          key: `c${c}`,
          params: board.params,
          wsBase: servers[instance]?.wsBase,
          instance,
        })
        index++
      }
    }
    const connectStarted = now()
    await pool.askAll(
      assignments.map((clients) => ({
        type: 'connect' as const,
        protocol: server.protocol,
        wsBase: server.wsBase,
        clients,
      })),
    )
    const connectMs = now() - connectStarted
    await sleep(500)

    const editStart = now() + 200
    const measureStart = editStart + scenario.warmupMs
    const measureEnd = measureStart + scenario.measureMs
    const running = pool.askAll(
      {
        type: 'run',
        editsPerSecond: scenario.editsPerSecond,
        payloadBytes: scenario.payloadBytes,
        editStart,
        editEnd: measureEnd,
        measureStart,
        measureEnd,
      },
      scenario.warmupMs + scenario.measureMs + 60_000,
    )
    // Awaited below; until then a failing worker must not become an unhandled rejection.
    running.catch(() => undefined)
    await sleep(measureStart - now())
    const serverBefore = sumUsage(servers)
    const backingBefore = options.backingCpuSeconds?.() ?? null
    const generatorBefore = process.cpuUsage()
    const hostBefore = hostBusySeconds()
    await sleep(measureEnd - now())
    const serverAfter = sumUsage(servers)
    const backingAfter = options.backingCpuSeconds?.() ?? null
    const generator = process.cpuUsage(generatorBefore)
    const hostBusy = hostBusySeconds() - hostBefore
    await running
    await sleep(scenario.drainMs)
    // On a starved machine deliveries can still be queued after the drain: wait until every
    // room agrees (or give up), so the counters below mean "lost", not "late".
    const convergeStarted = now()
    while (now() - convergeStarted < CONVERGE_TIMEOUT_MS) {
      const answers = await pool.askAll({ type: 'digest' })
      if (converged(answers, scenario.clientsPerRoom)) break
      await sleep(500)
    }
    const convergeWaitMs = Math.round(now() - convergeStarted)
    const results = (await pool.askAll({ type: 'collect' })).filter(
      (result): result is Extract<WorkerResult, { type: 'result' }> => result.type === 'result',
    )
    await pool.askAll({ type: 'close' }, 30_000)

    const sentByRoom: Record<string, number> = {}
    for (const result of results) {
      for (const [room, sent] of Object.entries(result.sentByRoom)) {
        sentByRoom[room] = (sentByRoom[room] ?? 0) + sent
      }
    }
    const sent = Object.values(sentByRoom).reduce((a, b) => a + b, 0)
    const delivered = results.reduce((a, r) => a + r.receivedInWindow, 0)
    const measureSeconds = scenario.measureMs / 1000
    const serverCpuSeconds = serverAfter.cpuSeconds - serverBefore.cpuSeconds
    const generatorCpuSeconds = (generator.user + generator.system) / 1e6
    const backingCpuSeconds =
      backingBefore === null || backingAfter === null ? null : backingAfter - backingBefore
    const expectedDeliveries = sent * (scenario.clientsPerRoom - 1)
    const correctness = checkConvergence(results, scenario.clientsPerRoom)
    return {
      latencyMs: summarize(mergeHistograms(results.map((r) => r.histogram))),
      wireLatencyMs: summarize(mergeHistograms(results.map((r) => r.wireHistogram))),
      crossInstanceLatencyMs: summarize(mergeHistograms(results.map((r) => r.crossHistogram))),
      instances: servers.length,
      generatorLagMs: summarize(mergeHistograms(results.map((r) => r.lag))),
      sent,
      delivered,
      expectedDeliveries,
      deliveredPerSecond: Math.round(delivered / measureSeconds),
      serverCpuSeconds: round(serverCpuSeconds, 2),
      backingCpuSeconds: backingCpuSeconds === null ? null : round(backingCpuSeconds, 2),
      serverCpuMicrosPerDelivery: round((serverCpuSeconds * 1e6) / Math.max(1, delivered), 1),
      serverCpuPercent: round((serverCpuSeconds / measureSeconds) * 100, 1),
      serverPeakRssMiB: round(serverAfter.peakRssMiB, 1),
      generatorCpuPercent: round((generatorCpuSeconds / measureSeconds) * 100, 1),
      hostOtherCpuPercent: round(
        (Math.max(0, hostBusy - serverCpuSeconds - generatorCpuSeconds - (backingCpuSeconds ?? 0)) /
          measureSeconds) *
          100,
        1,
      ),
      connectMs: Math.round(connectMs),
      disconnects: results.reduce((a, r) => a + r.disconnects, 0),
      missedDeliveries: Math.max(0, expectedDeliveries - delivered),
      convergeWaitMs,
      ...correctness,
    }
  } finally {
    await pool.terminate()
  }
}

/** Every room's clients hold the same digest, with one record per participant in it. */
function converged(answers: WorkerResult[], clientsPerRoom: number): boolean {
  const byRoom = new Map<string, Set<string>>()
  for (const answer of answers) {
    if (answer.type !== 'digests') return false
    for (const [room, digests] of Object.entries(answer.digestsByRoom)) {
      const set = byRoom.get(room) ?? new Set<string>()
      for (const digest of digests) set.add(digest)
      byRoom.set(room, set)
    }
  }
  return [...byRoom.values()].every((set) => {
    const [only] = set
    return set.size === 1 && only !== undefined && only.split(',').length === clientsPerRoom
  })
}

/**
 * After the drain every client of a room must hold the same last sequence number for every
 * participant, and one record per participant.
 */
function checkConvergence(
  results: Extract<WorkerResult, { type: 'result' }>[],
  clientsPerRoom: number,
): { divergentRooms: number; wrongRecordCounts: number } {
  const digests = new Map<string, Set<string>>()
  let wrongRecordCounts = 0
  for (const result of results) {
    for (const [room, list] of Object.entries(result.digestsByRoom)) {
      const set = digests.get(room) ?? new Set<string>()
      for (const digest of list) set.add(digest)
      digests.set(room, set)
    }
    for (const counts of Object.values(result.recordCountsByRoom)) {
      wrongRecordCounts += counts.filter((count) => count !== clientsPerRoom).length
    }
  }
  const divergentRooms = [...digests.values()].filter((set) => set.size > 1).length
  return { divergentRooms, wrongRecordCounts }
}

function sumUsage(servers: ServerProcess[]): { cpuSeconds: number; peakRssMiB: number } {
  const usages = servers.map((s) => s.usage())
  return {
    cpuSeconds: usages.reduce((a, u) => a + u.cpuSeconds, 0),
    peakRssMiB: usages.reduce((a, u) => a + u.peakRssMiB, 0),
  }
}

/** Busy CPU seconds of the whole host (all cores) since boot, from /proc/stat. */
function hostBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? ''
  const ticks = line.trim().split(/\s+/).slice(1).map(Number)
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0)
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0)
  return (total - idle) / 100
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
