/** The benchmark's JSON report and its printed (Markdown) form. */
import {
  type BoardBrowserFigures,
  browserTargets,
  type DragFigures,
  formatBrowserSummary,
} from './browser-targets'
import { SERVER_KINDS, type ServerKind } from './server-process'

export interface ScenarioReport {
  name: string
  /** 'instances': one Stip process against several (servers `single` and `cross`). */
  kind: 'load' | 'sync' | 'instances'
  description: string
  servers: Record<string, { median: Record<string, number | null>; runs: unknown[] }>
}

export interface BenchReport {
  startedAt: string
  machine: { cpus: number; cpuModel: string; totalMemGiB: number; node: string; platform: string }
  options: Record<string, unknown>
  /** The commit measured. */
  commit?: string
  /** `/proc/loadavg` when the run started and ended: how busy the shared host was. */
  loadavg?: { start: string; end: string }
  notes: string[]
  scenarios: ScenarioReport[]
  /** The browser scenarios' figures (null: not run or failed; see the notes). */
  browser?: { board: BoardBrowserFigures | null; drag: DragFigures | null }
  targets?: TargetCheck[]
}

export interface TargetCheck {
  target: string
  met: boolean | null
  detail: string
}

/** The servers Stip is compared with; "best peer" is the best of these on a figure. */
export const PEERS: readonly ServerKind[] = ['reference', 'hocuspocus', 'tldraw']

interface Row {
  label: string
  key: string
  /** Peers' figure compared with Stip's (defaults to `key`): cold sync vs in-memory sync. */
  peerKey?: string
  /** Correctness counter: anything but 0 is flagged. */
  counter?: boolean
  /** No "best peer" (higher is not better or worse, e.g. a share). */
  noBest?: boolean
  /** No ratio columns at all (a count of runs). */
  noRatio?: boolean
}

const loadRows: Row[] = [
  { label: 'runs measured', key: 'runs', noRatio: true },
  { label: 'latency p50 (ms)', key: 'p50Ms' },
  { label: 'latency p95 (ms)', key: 'p95Ms' },
  { label: 'latency p99 (ms)', key: 'p99Ms' },
  { label: 'latency max (ms)', key: 'maxMs' },
  { label: 'tldraw: p50 at the receiving socket (ms)', key: 'wireP50Ms', noBest: true },
  { label: 'tldraw: p99 at the receiving socket (ms)', key: 'wireP99Ms', noBest: true },
  { label: 'delivered updates/s', key: 'deliveredPerSecond', noBest: true },
  { label: 'delivered share', key: 'deliveredShare', noBest: true },
  { label: 'missed deliveries (sum of runs)', key: 'missedDeliveries', counter: true },
  { label: 'divergent rooms (sum of runs)', key: 'divergentRooms', counter: true },
  { label: 'clients with a wrong record count (sum)', key: 'wrongRecordCounts', counter: true },
  { label: 'client disconnects (sum of runs)', key: 'disconnects', counter: true },
  {
    label: 'wait after the drain until rooms converged (ms, max of runs)',
    key: 'convergeWaitMs',
    noBest: true,
    noRatio: true,
  },
  { label: 'server CPU (s in window)', key: 'serverCpuSeconds' },
  { label: 'server CPU (% of a core)', key: 'serverCpuPercent' },
  { label: 'server CPU per delivered update (µs)', key: 'serverCpuMicrosPerDelivery' },
  { label: 'server peak RSS (MiB)', key: 'serverPeakRssMiB' },
  { label: 'generator CPU (% of a core)', key: 'generatorCpuPercent', noBest: true },
  { label: 'generator timer lag p99 (ms)', key: 'generatorLagP99Ms', noBest: true },
  { label: 'other processes CPU (% of a core)', key: 'hostOtherCpuPercent', noBest: true },
]

const instanceRows: Row[] = [
  { label: 'latency p50 (ms)', key: 'p50Ms' },
  { label: 'latency p95 (ms)', key: 'p95Ms' },
  { label: 'latency p99 (ms)', key: 'p99Ms' },
  { label: 'latency max (ms)', key: 'maxMs' },
  { label: 'p99 / 1-instance p99 of the same run (median over runs)', key: 'p99PairedRatio' },
  { label: 'cross-instance pairs only: p50 (ms)', key: 'crossPairsP50Ms' },
  { label: 'cross-instance pairs only: p99 (ms)', key: 'crossPairsP99Ms' },
  { label: 'share of deliveries crossing instances', key: 'crossPairsShare' },
  { label: 'delivered updates/s', key: 'deliveredPerSecond' },
  { label: 'delivered share', key: 'deliveredShare' },
  { label: 'missed deliveries (sum of runs)', key: 'missedDeliveries', counter: true },
  { label: 'divergent rooms (sum of runs)', key: 'divergentRooms', counter: true },
  { label: 'server CPU, all processes (s in window)', key: 'serverCpuSeconds' },
  { label: 'server CPU, all processes (% of a core)', key: 'serverCpuPercent' },
  { label: 'Postgres + Redis CPU (s in window)', key: 'backingCpuSeconds' },
  { label: 'server CPU per delivered update (µs)', key: 'serverCpuMicrosPerDelivery' },
  { label: 'server peak RSS, all processes (MiB)', key: 'serverPeakRssMiB' },
  { label: 'generator CPU (% of a core)', key: 'generatorCpuPercent' },
  { label: 'generator timer lag p99 (ms)', key: 'generatorLagP99Ms' },
  { label: 'other processes CPU (% of a core)', key: 'hostOtherCpuPercent' },
]

const syncRows: Row[] = [
  { label: 'runs measured', key: 'runs', noRatio: true },
  { label: 'sync, board in memory (ms)', key: 'warmSyncMs' },
  { label: 'sync, board in memory, max sample (ms)', key: 'warmSyncMaxMs' },
  {
    label: 'sync, cold: room unloaded (ms; ratios vs peers in memory)',
    key: 'coldUnloadedSyncMs',
    peerKey: 'warmSyncMs',
  },
  {
    label: 'sync, cold: process restarted (ms; ratios vs peers in memory)',
    key: 'coldRestartSyncMs',
    peerKey: 'warmSyncMs',
  },
  {
    label: 'sync, first after kill -9 (ms; ratios vs peers in memory)',
    key: 'afterKillSyncMs',
    peerKey: 'warmSyncMs',
  },
  { label: 'records after kill -9 (min)', key: 'recordsAfterKill', noBest: true },
  { label: 'records missing after kill -9 (sum)', key: 'recordsLostAfterKill', counter: true },
  { label: 'server peak RSS (MiB)', key: 'serverPeakRssMiB' },
]

type Get = (scenario: string, server: string, key: string) => number | null

function getter(report: BenchReport): Get {
  return (scenario, server, key) => {
    const value = report.scenarios.find((s) => s.name === scenario)?.servers[server]?.median[key]
    return typeof value === 'number' && !Number.isNaN(value) ? value : null
  }
}

/** The lowest figure among the peers that were measured, and which peer it is. */
export function bestPeer(
  get: Get,
  scenario: string,
  key: string,
): { kind: ServerKind; value: number } | null {
  let best: { kind: ServerKind; value: number } | null = null
  for (const kind of PEERS) {
    const value = get(scenario, kind, key)
    if (value !== null && (best === null || value < best.value)) best = { kind, value }
  }
  return best
}

/** Checks issue 19's targets (and the earlier ones still in force) against the medians. */
export function checkTargets(report: BenchReport): TargetCheck[] {
  const get = getter(report)
  const checks: TargetCheck[] = []
  const ratioTarget = (
    target: string,
    scenario: string,
    key: string,
    against: 'reference' | 'best',
    limit: number,
    peerKey = key,
  ) => {
    // A scenario left out of this run (--scenarios) has no target row at all.
    if (!report.scenarios.some((s) => s.name === scenario)) return
    const stip = get(scenario, 'stip', key)
    const other =
      against === 'reference'
        ? (() => {
            const value = get(scenario, 'reference', peerKey)
            return value === null ? null : { kind: 'reference' as const, value }
          })()
        : bestPeer(get, scenario, peerKey)
    if (stip === null || other === null) {
      checks.push({
        target,
        met: null,
        detail: `stip ${stip ?? '-'}, ${against} ${other?.value ?? '-'}`,
      })
      return
    }
    if (key.endsWith('Ms') && Math.max(stip, other.value) >= 10_000) {
      // The latency histogram ends at 10 s: a saturated figure compares nothing.
      checks.push({
        target,
        met: null,
        detail: `stip ${stip}, ${other.kind} ${other.value}: saturated (>= 10 s)`,
      })
      return
    }
    const ratio = other.value === 0 ? Number.POSITIVE_INFINITY : stip / other.value
    checks.push({
      target,
      met: ratio <= limit,
      detail: `stip ${stip}, ${other.kind} ${other.value}: ${ratio.toFixed(2)}x (limit ${limit}x)`,
    })
  }
  ratioTarget('burst: p50 <= 1.0x reference', 'burst', 'p50Ms', 'reference', 1)
  ratioTarget('burst: p99 <= 1.0x reference', 'burst', 'p99Ms', 'reference', 1)
  ratioTarget('room100: p99 <= reference', 'room100', 'p99Ms', 'reference', 1)
  ratioTarget('burst: server CPU <= 0.8x best peer', 'burst', 'serverCpuSeconds', 'best', 0.8)
  ratioTarget('room100: server CPU <= 0.8x best peer', 'room100', 'serverCpuSeconds', 'best', 0.8)
  ratioTarget('rooms50x4: server CPU <= 1.0x best peer', 'rooms50x4', 'serverCpuSeconds', 'best', 1)
  for (const scenario of ['burst', 'rooms50x4', 'room100', 'sync5000']) {
    ratioTarget(
      `${scenario}: peak RSS <= 1.1x reference`,
      scenario,
      'serverPeakRssMiB',
      'reference',
      1.1,
    )
  }
  ratioTarget('coldload, board in memory: <= 0.8x best peer', 'sync5000', 'warmSyncMs', 'best', 0.8)
  ratioTarget(
    'coldload, after a restart (from SQLite): <= 0.8x best peer (in memory)',
    'sync5000',
    'coldRestartSyncMs',
    'best',
    0.8,
    'warmSyncMs',
  )
  for (const scenario of ['burst', 'rooms50x4', 'room100']) {
    const counters = ['missedDeliveries', 'divergentRooms', 'wrongRecordCounts'].map((key) =>
      get(scenario, 'stip', key),
    )
    if (counters.every((c) => c === null)) continue
    checks.push({
      target: `${scenario}: every edit delivered, rooms converge (Stip)`,
      met: counters.every((c) => c === 0),
      detail: `missed ${counters[0]}, divergent rooms ${counters[1]}, wrong record counts ${counters[2]}`,
    })
  }
  const p99 = get('room100', 'stip', 'p99Ms')
  if (p99 !== null) {
    checks.push({
      target: 'foundation: room of 100 p99 < 50 ms',
      met: p99 < 50,
      detail: `stip ${p99}`,
    })
  }
  const kept = get('sync5000', 'stip', 'recordsAfterKill')
  if (kept !== null) {
    checks.push({
      target: 'every record survives kill -9 (after the group-commit wait)',
      met: get('sync5000', 'stip', 'recordsLostAfterKill') === 0,
      detail: `stip ${kept} (min over runs)`,
    })
  }
  const single = get('cross-instance', 'single', 'p99Ms')
  const cross = get('cross-instance', 'cross', 'p99Ms')
  if (single !== null || cross !== null) {
    const ratio = single !== null && cross !== null && single > 0 ? cross / single : null
    const paired = get('cross-instance', 'cross', 'p99PairedRatio')
    checks.push({
      target: 'several instances: cross-instance p99 <= 2 x single-instance p99',
      met: ratio === null ? null : ratio <= 2,
      detail:
        `cross ${cross ?? '-'} ms, single ${single ?? '-'} ms` +
        (ratio === null ? '' : `, ratio ${ratio.toFixed(2)}`) +
        (paired === null ? '' : `; median of per-run ratios ${paired.toFixed(2)}`),
    })
  }
  if (report.browser) checks.push(...browserTargets(report.browser.board, report.browser.drag))
  return checks
}

export function formatReport(report: BenchReport): string {
  const lines: string[] = []
  lines.push(
    `Benchmark ${report.startedAt} on ${report.machine.cpus} x ${report.machine.cpuModel}, ` +
      `Node ${report.machine.node}; runs: ${String(report.options.runs)}${report.options.quick ? ' (quick)' : ''}; ` +
      `commit ${report.commit ?? 'unknown'}`,
    '',
  )
  if (report.loadavg) {
    lines.push(`/proc/loadavg: start ${report.loadavg.start}, end ${report.loadavg.end}`, '')
  }
  for (const note of report.notes) lines.push(`Note: ${note}`)
  if (report.notes.length > 0) lines.push('')
  const get = getter(report)
  if (report.scenarios.length > 0) lines.push(...formatSummary(report, get), '')
  if (report.browser) {
    lines.push(...formatBrowserSummary(report.browser.board, report.browser.drag), '')
  }
  for (const scenario of report.scenarios) {
    lines.push(`### ${scenario.name}: ${scenario.description}`, '')
    if (scenario.kind === 'instances') {
      lines.push(...formatInstances(scenario), '')
      continue
    }
    lines.push(...formatServers(scenario, scenario.kind === 'load' ? loadRows : syncRows, get), '')
  }
  const targets = report.targets ?? []
  if (targets.length > 0) {
    lines.push('### Targets', '', '| target | met | figures |', '|---|---|---|')
    for (const t of targets) {
      lines.push(
        `| ${t.target} | ${t.met === null ? 'not measured' : t.met ? 'yes' : 'NO'} | ${t.detail} |`,
      )
    }
    lines.push('')
  }
  return `${lines.join('\n')}\n`
}

const columnName: Record<ServerKind, string> = {
  reference: 'y-websocket-server',
  hocuspocus: 'Hocuspocus',
  tldraw: 'tldraw sync',
  stip: 'Stip',
  'stip-base': 'Stip (base build)',
}

function formatServers(scenario: ScenarioReport, rows: Row[], get: Get): string[] {
  const kinds = SERVER_KINDS.filter((kind) => scenario.servers[kind] !== undefined)
  const lines = [
    `| metric | ${kinds.map((k) => columnName[k]).join(' | ')} | Stip / reference | Stip / best peer |`,
    `|---|${kinds.map(() => '---:|').join('')}---:|---:|`,
  ]
  for (const row of rows) {
    const value = (kind: ServerKind) => {
      const key = PEERS.includes(kind) ? (row.peerKey ?? row.key) : row.key
      return get(scenario.name, kind, key)
    }
    // A peer's figure under another key (its in-memory sync on a cold-sync row) is only used
    // for the ratio columns; its cell stays empty.
    const shown = (kind: ServerKind) =>
      PEERS.includes(kind) && row.peerKey !== undefined ? null : value(kind)
    if (kinds.every((kind) => get(scenario.name, kind, row.key) === null)) continue
    const cells = kinds.map(shown).map((v) => (v === null ? '-' : cell(v, row)))
    const stip = value('stip')
    const reference = value('reference')
    const ratio = (other: number | null) =>
      stip === null || other === null || other === 0 || row.counter || row.noRatio
        ? '-'
        : (stip / other).toFixed(2)
    const best =
      row.noBest || row.counter || row.noRatio
        ? null
        : bestPeer(get, scenario.name, row.peerKey ?? row.key)
    lines.push(
      `| ${row.label} | ${cells.join(' | ')} | ${ratio(reference)} | ${
        best === null || stip === null ? '-' : `${ratio(best.value)} (${columnName[best.kind]})`
      } |`,
    )
  }
  return lines
}

/** One line per scenario and figure, laid out as issue 19's table. */
function formatSummary(report: BenchReport, get: Get): string[] {
  const kinds = SERVER_KINDS.filter((kind) =>
    report.scenarios.some((s) => s.kind !== 'instances' && s.servers[kind] !== undefined),
  )
  const n = (value: number | null) =>
    value === null ? '-' : value >= 10_000 ? '>=10000' : String(Math.round(value * 100) / 100)
  const pair = (scenario: string, kind: ServerKind, a: string, b: string) =>
    `${n(get(scenario, kind, a))} / ${n(get(scenario, kind, b))}`
  const lines = [
    '### Summary (medians; details per scenario below)',
    '',
    `| scenario | figure | ${kinds.map((k) => columnName[k]).join(' | ')} |`,
    `|---|---|${kinds.map(() => '---|').join('')}`,
  ]
  const row = (scenario: string, figure: string, cell: (kind: ServerKind) => string) => {
    if (!report.scenarios.some((s) => s.name === scenario)) return
    lines.push(`| ${scenario} | ${figure} | ${kinds.map(cell).join(' | ')} |`)
  }
  for (const scenario of ['burst', 'rooms50x4', 'room100']) {
    row(scenario, 'p50 / p99 ms', (k) => pair(scenario, k, 'p50Ms', 'p99Ms'))
    row(scenario, 'server CPU s / peak RSS MiB', (k) =>
      pair(scenario, k, 'serverCpuSeconds', 'serverPeakRssMiB'),
    )
    row(scenario, 'missed / divergent rooms', (k) =>
      pair(scenario, k, 'missedDeliveries', 'divergentRooms'),
    )
  }
  row('sync5000', 'in memory: median / max ms', (k) =>
    pair('sync5000', k, 'warmSyncMs', 'warmSyncMaxMs'),
  )
  row('sync5000', 'after a restart (Stip) ms', (k) => n(get('sync5000', k, 'coldRestartSyncMs')))
  return lines
}

function formatInstances(scenario: ScenarioReport): string[] {
  const single = scenario.servers.single?.median
  const cross = scenario.servers.cross?.median
  const lines = [
    '| metric | 1 instance | several instances | several / 1 |',
    '|---|---:|---:|---:|',
  ]
  for (const row of instanceRows) {
    const a = single?.[row.key]
    const b = cross?.[row.key]
    const ratio =
      typeof a === 'number' && typeof b === 'number' && a !== 0 && !row.counter
        ? (b / a).toFixed(2)
        : '-'
    const show = (value: number | null | undefined) =>
      typeof value === 'number' ? cell(value, row) : '-'
    lines.push(`| ${row.label} | ${show(a)} | ${show(b)} | ${ratio} |`)
  }
  return lines
}

function cell(value: number, row: Row): string {
  // A non-zero correctness counter must stand out in the table.
  if (row.counter) return value === 0 ? '0' : `**${value} (!)**`
  // The latency histogram ends at 10 s: its overflow bucket means "10 s or more".
  if (/^(p50|p95|p99|max|wireP50|wireP99)Ms$/.test(row.key) && value >= 10_000) return '>=10000'
  if (row.key === 'deliveredShare' || row.key === 'crossPairsShare') {
    return `${(value * 100).toFixed(1)} %`
  }
  if (Number.isInteger(value)) return String(value)
  return value.toFixed(1)
}
