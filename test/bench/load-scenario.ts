import { type LatencySummary, mergeHistograms, summarize } from './latency-histogram'
import type { ServerProcess } from './server-process'
import { createWorkerPool } from './worker-pool'
import type { WorkerResult } from './worker-messages'

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
  /** Edits sent in the measured window (all clients). */
  sent: number
  /** Remote updates applied by clients, for edits sent in the window. */
  delivered: number
  /** sent x (clients in room - 1), summed over rooms. */
  expectedDeliveries: number
  deliveredPerSecond: number
  serverCpuSeconds: number
  /** Server CPU as a share of one core over the measured window. */
  serverCpuPercent: number
  serverPeakRssMiB: number
  /** CPU used by the load generator (all its threads) over the window, as a share of one core. */
  generatorCpuPercent: number
  connectMs: number
  disconnects: number
}

const now = () => performance.timeOrigin + performance.now()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs one load scenario (clients editing rooms) against a started server. */
export async function runLoadScenario(
  scenario: LoadScenario,
  server: ServerProcess,
): Promise<LoadResult> {
  const pool = createWorkerPool(scenario.workers)
  try {
    const assignments: { room: string; key: string }[][] = Array.from(
      { length: pool.size },
      () => [],
    )
    const runId = Math.random().toString(36).slice(2, 8)
    let index = 0
    for (let r = 0; r < scenario.rooms; r++) {
      for (let c = 0; c < scenario.clientsPerRoom; c++) {
        assignments[index % pool.size]?.push({ room: `bench-${runId}-${r}`, key: `c${c}` })
        index++
      }
    }
    const connectStarted = now()
    await pool.askAll(assignments.map((clients) => ({ type: 'connect', wsBase: server.wsBase, clients })))
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
    await sleep(measureStart - now())
    const serverBefore = server.usage()
    const generatorBefore = process.cpuUsage()
    await sleep(measureEnd - now())
    const serverAfter = server.usage()
    const generator = process.cpuUsage(generatorBefore)
    await running
    await sleep(scenario.drainMs)
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
    return {
      latencyMs: summarize(mergeHistograms(results.map((r) => r.histogram))),
      sent,
      delivered,
      expectedDeliveries: sent * (scenario.clientsPerRoom - 1),
      deliveredPerSecond: Math.round(delivered / measureSeconds),
      serverCpuSeconds: round(serverCpuSeconds, 2),
      serverCpuPercent: round((serverCpuSeconds / measureSeconds) * 100, 1),
      serverPeakRssMiB: round(serverAfter.peakRssMiB, 1),
      generatorCpuPercent: round(((generator.user + generator.system) / 1e6 / measureSeconds) * 100, 1),
      connectMs: Math.round(connectMs),
      disconnects: results.reduce((a, r) => a + r.disconnects, 0),
    }
  } finally {
    await pool.terminate()
  }
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
