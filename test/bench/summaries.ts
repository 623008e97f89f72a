import { median, type SyncResult } from './cold-sync'
import type { LoadResult, LoadScenario } from './load-scenario'
import type { ScenarioReport } from './report'
import type { ServerKind } from './server-process'

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

/** Medians over runs of a load scenario per server; correctness counters are summed. */
export function summarizeLoad(
  scenario: LoadScenario,
  perServer: Partial<Record<ServerKind, LoadResult[]>>,
): ScenarioReport {
  const metrics = (results: LoadResult[]) => {
    const m = (pick: (r: LoadResult) => number) => median(results.map(pick))
    const wire = results.some((r) => r.wireLatencyMs.count > 0)
    return {
      runs: results.length,
      p50Ms: m((r) => r.latencyMs.p50),
      p95Ms: m((r) => r.latencyMs.p95),
      p99Ms: m((r) => r.latencyMs.p99),
      maxMs: m((r) => r.latencyMs.max),
      wireP50Ms: wire ? m((r) => r.wireLatencyMs.p50) : null,
      wireP99Ms: wire ? m((r) => r.wireLatencyMs.p99) : null,
      deliveredPerSecond: m((r) => r.deliveredPerSecond),
      deliveredShare: m((r) => r.delivered / Math.max(1, r.expectedDeliveries)),
      missedDeliveries: sum(results.map((r) => r.missedDeliveries)),
      divergentRooms: sum(results.map((r) => r.divergentRooms)),
      wrongRecordCounts: sum(results.map((r) => r.wrongRecordCounts)),
      disconnects: sum(results.map((r) => r.disconnects)),
      convergeWaitMs: Math.max(...results.map((r) => r.convergeWaitMs)),
      serverCpuSeconds: m((r) => r.serverCpuSeconds),
      serverCpuMicrosPerDelivery: m((r) => r.serverCpuMicrosPerDelivery),
      serverCpuPercent: m((r) => r.serverCpuPercent),
      serverPeakRssMiB: m((r) => r.serverPeakRssMiB),
      generatorCpuPercent: m((r) => r.generatorCpuPercent),
      generatorLagP99Ms: m((r) => r.generatorLagMs.p99),
      hostOtherCpuPercent: m((r) => r.hostOtherCpuPercent),
    }
  }
  return {
    name: scenario.name,
    kind: 'load',
    description:
      `${scenario.rooms} room(s) x ${scenario.clientsPerRoom} clients, ${scenario.editsPerSecond} edits/s each, ` +
      `${scenario.measureMs / 1000} s measured after ${scenario.warmupMs / 1000} s warm-up`,
    servers: Object.fromEntries(
      Object.entries(perServer).map(([kind, results]) => [
        kind,
        { median: metrics(results ?? []), runs: results ?? [] },
      ]),
    ),
  }
}

/** Medians over runs of the 5,000-record sync per server. */
export function summarizeSync(
  scenario: { records: number; recordBytes: number; samples: number },
  perServer: Partial<Record<ServerKind, SyncResult[]>>,
): ScenarioReport {
  const metrics = (results: SyncResult[]) => {
    const optional = (pick: (r: SyncResult) => number | null) =>
      results.every((r) => pick(r) !== null) ? median(results.map((r) => pick(r) as number)) : null
    const kept = results.map((r) => r.recordsAfterKill).filter((n): n is number => n !== null)
    return {
      runs: results.length,
      warmSyncMs: median(results.map((r) => r.warmMs)),
      warmSyncMaxMs: median(results.map((r) => Math.max(...r.warmSamplesMs))),
      coldUnloadedSyncMs: optional((r) => r.coldUnloadedMs),
      coldRestartSyncMs: optional((r) => r.coldRestartMs),
      afterKillSyncMs: optional((r) => r.afterKillMs),
      recordsAfterKill: kept.length > 0 ? Math.min(...kept) : null,
      recordsLostAfterKill: kept.length > 0 ? sum(kept.map((n) => scenario.records - n)) : null,
      serverPeakRssMiB: median(results.map((r) => r.serverPeakRssMiB)),
    }
  }
  return {
    name: 'sync5000',
    kind: 'sync',
    description:
      `("coldload") new client connect -> synced on a board of ${scenario.records} records of ~${scenario.recordBytes} B ` +
      `(tldraw: real note shapes, ~420 B); median of ${scenario.samples} samples per run. Cold = board read from ` +
      "Stip's SQLite file after the room unloaded (same process) or the process restarted; the peers persist " +
      "nothing, so only their in-memory sync exists, and the ratio columns compare Stip's cold figures with it.",
    servers: Object.fromEntries(
      Object.entries(perServer).map(([kind, results]) => [
        kind,
        { median: metrics(results ?? []), runs: results ?? [] },
      ]),
    ),
  }
}
