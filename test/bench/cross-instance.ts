import { backingCpuSeconds, createScratchDatabase, redisAnswers } from './backing-services'
import { median } from './cold-sync'
import { type LoadResult, type LoadScenario, runLoadScenario } from './load-scenario'
import type { ScenarioReport } from './report'
import type { ServerProcess } from './server-process'

/** The two layouts compared: every client on one server, or spread over several. */
export type Layout = 'single' | 'cross'

export interface CrossInstanceResults {
  single: LoadResult[]
  cross: LoadResult[]
  /** p99(cross) / p99(single) of each run where both layouts succeeded. */
  pairedP99Ratios: number[]
}

export interface CrossInstanceOptions {
  scenario: LoadScenario
  /** Server processes in the cross-instance layout. */
  instances: number
  runs: number
  postgresAdminUrl: string
  redisUrl: string
  /** Starts one Stip process on `dataDir` with the extra environment. */
  start(dataDir: string, env: Record<string, string>): Promise<ServerProcess>
  freshDataDir(): Promise<string>
  log(message: string): void
  failed(what: string, error: unknown): void
}

/**
 * The "several instances" scenario: the same workload on one Stip process and on `instances`
 * processes, both with DATABASE_URL (a scratch Postgres database per run) and REDIS_URL set, so
 * store and backplane are the same and only the spreading differs. Clients of a room join the
 * processes round-robin, so most sender/receiver pairs cross instances (through Redis).
 */
export async function runCrossInstance(
  options: CrossInstanceOptions,
): Promise<CrossInstanceResults> {
  const results: CrossInstanceResults = { single: [], cross: [], pairedP99Ratios: [] }
  if (!(await redisAnswers(options.redisUrl))) {
    throw new Error(`no Redis answers at ${options.redisUrl} (set BENCH_REDIS_URL)`)
  }
  for (let run = 0; run < options.runs; run++) {
    // Alternate which layout goes first, so a drift in host load does not favour one.
    const layouts: Layout[] = run % 2 === 0 ? ['single', 'cross'] : ['cross', 'single']
    const p99: Partial<Record<Layout, number>> = {}
    for (const layout of layouts) {
      const count = layout === 'single' ? 1 : options.instances
      options.log(`${options.scenario.name} run ${run + 1}/${options.runs}: ${count} instance(s)`)
      try {
        const r = await runOnce(options, count)
        results[layout].push(r)
        p99[layout] = r.latencyMs.p99
        options.log(
          `  p50 ${r.latencyMs.p50} p99 ${r.latencyMs.p99} ms (cross pairs p99 ` +
            `${r.crossInstanceLatencyMs.p99}), ${r.deliveredPerSecond} upd/s, ` +
            `server CPU ${r.serverCpuSeconds} s, Postgres+Redis ${r.backingCpuSeconds} s`,
        )
      } catch (error) {
        options.failed(`${options.scenario.name} run ${run + 1} (${layout})`, error)
      }
    }
    // Back to back, the two layouts of one run saw about the same host load.
    if (p99.single !== undefined && p99.cross !== undefined && p99.single > 0) {
      results.pairedP99Ratios.push(p99.cross / p99.single)
    }
  }
  return results
}

async function runOnce(options: CrossInstanceOptions, count: number): Promise<LoadResult> {
  const database = await createScratchDatabase(options.postgresAdminUrl)
  const servers: ServerProcess[] = []
  try {
    const env = { DATABASE_URL: database.url, REDIS_URL: options.redisUrl }
    // One at a time: the first creates the schema, the others find it.
    for (let i = 0; i < count; i++) {
      servers.push(await options.start(await options.freshDataDir(), env))
    }
    return await runLoadScenario(options.scenario, servers, { backingCpuSeconds })
  } finally {
    await Promise.all(servers.map((server) => server.stop()))
    await database.drop()
  }
}

/** Medians over runs for both layouts, as a report section. */
export function summarizeCrossInstance(
  scenario: LoadScenario,
  instances: number,
  results: CrossInstanceResults,
): ScenarioReport {
  const metrics = (runs: LoadResult[]) => {
    const m = (pick: (r: LoadResult) => number) => median(runs.map(pick))
    const backing = runs.every((r) => r.backingCpuSeconds !== null)
      ? m((r) => r.backingCpuSeconds as number)
      : null
    return {
      p50Ms: m((r) => r.latencyMs.p50),
      p95Ms: m((r) => r.latencyMs.p95),
      p99Ms: m((r) => r.latencyMs.p99),
      maxMs: m((r) => r.latencyMs.max),
      crossPairsP50Ms: runs.some((r) => r.crossInstanceLatencyMs.count > 0)
        ? m((r) => r.crossInstanceLatencyMs.p50)
        : null,
      crossPairsP99Ms: runs.some((r) => r.crossInstanceLatencyMs.count > 0)
        ? m((r) => r.crossInstanceLatencyMs.p99)
        : null,
      crossPairsShare: m((r) => r.crossInstanceLatencyMs.count / Math.max(1, r.latencyMs.count)),
      deliveredPerSecond: m((r) => r.deliveredPerSecond),
      deliveredShare: m((r) => r.delivered / Math.max(1, r.expectedDeliveries)),
      missedDeliveries: runs.reduce((a, r) => a + r.missedDeliveries, 0),
      divergentRooms: runs.reduce((a, r) => a + r.divergentRooms, 0),
      serverCpuSeconds: m((r) => r.serverCpuSeconds),
      serverCpuPercent: m((r) => r.serverCpuPercent),
      backingCpuSeconds: backing,
      serverCpuMicrosPerDelivery: m((r) => r.serverCpuMicrosPerDelivery),
      serverPeakRssMiB: m((r) => r.serverPeakRssMiB),
      generatorCpuPercent: m((r) => r.generatorCpuPercent),
      generatorLagP99Ms: m((r) => r.generatorLagMs.p99),
      hostOtherCpuPercent: m((r) => r.hostOtherCpuPercent),
    }
  }
  const summary: ScenarioReport = {
    name: scenario.name,
    kind: 'instances',
    description:
      `${scenario.rooms} room(s) x ${scenario.clientsPerRoom} clients, ${scenario.editsPerSecond} edits/s each, ` +
      `${scenario.measureMs / 1000} s measured after ${scenario.warmupMs / 1000} s warm-up; ` +
      `Stip with Postgres + Redis on 1 process vs ${instances} processes (clients round-robin)`,
    servers: Object.fromEntries(
      (
        [
          ['single', results.single],
          ['cross', results.cross],
        ] as [Layout, LoadResult[]][]
      )
        .filter(([, runs]) => runs.length > 0)
        .map(([layout, runs]) => [layout, { median: metrics(runs), runs }]),
    ),
  }
  const cross = summary.servers.cross
  // The median of the per-run ratios is less at the mercy of one busy moment on a shared host
  // than the ratio of the two medians.
  if (cross && results.pairedP99Ratios.length > 0) {
    cross.median.p99PairedRatio = Math.round(median(results.pairedP99Ratios) * 100) / 100
  }
  return summary
}
