/** The benchmark's JSON report and its printed (Markdown) form. */
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
  /** `/proc/loadavg` when the run started and ended: how busy the shared host was. */
  loadavg?: { start: string; end: string }
  notes: string[]
  scenarios: ScenarioReport[]
  targets?: TargetCheck[]
}

export interface TargetCheck {
  target: string
  met: boolean | null
  detail: string
}

interface Row {
  label: string
  key: string
  /** Stip's figure is compared against this reference key (defaults to `key`). */
  referenceKey?: string
}

const loadRows: Row[] = [
  { label: 'latency p50 (ms)', key: 'p50Ms' },
  { label: 'latency p95 (ms)', key: 'p95Ms' },
  { label: 'latency p99 (ms)', key: 'p99Ms' },
  { label: 'latency max (ms)', key: 'maxMs' },
  { label: 'delivered updates/s', key: 'deliveredPerSecond' },
  { label: 'delivered share', key: 'deliveredShare' },
  { label: 'server CPU (s in window)', key: 'serverCpuSeconds' },
  { label: 'server CPU (% of a core)', key: 'serverCpuPercent' },
  { label: 'server CPU per delivered update (µs)', key: 'serverCpuMicrosPerDelivery' },
  { label: 'server peak RSS (MiB)', key: 'serverPeakRssMiB' },
  { label: 'generator CPU (% of a core)', key: 'generatorCpuPercent' },
  { label: 'generator timer lag p99 (ms)', key: 'generatorLagP99Ms' },
  { label: 'other processes CPU (% of a core)', key: 'hostOtherCpuPercent' },
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
  { label: 'sync, board in memory (ms)', key: 'warmSyncMs' },
  {
    label: 'sync, cold: room unloaded (ms)',
    key: 'coldUnloadedSyncMs',
    referenceKey: 'warmSyncMs',
  },
  {
    label: 'sync, cold: process restarted (ms)',
    key: 'coldRestartSyncMs',
    referenceKey: 'warmSyncMs',
  },
  { label: 'sync, first after kill -9 (ms)', key: 'afterKillSyncMs', referenceKey: 'warmSyncMs' },
  { label: 'records after kill -9', key: 'recordsAfterKill' },
  { label: 'server peak RSS (MiB)', key: 'serverPeakRssMiB' },
]

/** Checks the issue's targets against the medians; `null` when a side was not measured. */
export function checkTargets(report: BenchReport): TargetCheck[] {
  const get = (scenario: string, server: string, key: string) => {
    const value = report.scenarios.find((s) => s.name === scenario)?.servers[server]?.median[key]
    return typeof value === 'number' ? value : null
  }
  // "No slower" allows measurement noise: 10 % or 1 ms, whichever is larger.
  const noSlower = (stip: number, reference: number) =>
    stip <= reference + Math.max(1, reference * 0.1)
  const checks: TargetCheck[] = []
  const add = (
    target: string,
    stip: number | null,
    reference: number | null,
    met: boolean | null,
  ) =>
    checks.push({
      target,
      met: stip === null ? null : met,
      detail: `stip ${stip ?? '-'}${reference === null ? '' : `, reference ${reference}`}`,
    })
  const p99 = get('room100', 'stip', 'p99Ms')
  add(
    'room of 100: p99 < 50 ms',
    p99,
    get('room100', 'reference', 'p99Ms'),
    p99 !== null && p99 < 50,
  )
  const cpu = get('room100', 'stip', 'serverCpuSeconds')
  const refCpu = get('room100', 'reference', 'serverCpuSeconds')
  add(
    'room of 100: less server CPU than the reference',
    cpu,
    refCpu,
    cpu !== null && refCpu !== null && cpu < refCpu,
  )
  for (const key of ['p50Ms', 'p99Ms']) {
    const stip = get('rooms50x4', 'stip', key)
    const reference = get('rooms50x4', 'reference', key)
    add(
      `50 rooms of 4: ${key.replace('Ms', '')} no slower than the reference`,
      stip,
      reference,
      stip !== null && reference !== null && noSlower(stip, reference),
    )
  }
  const warm = get('sync5000', 'stip', 'warmSyncMs')
  const refWarm = get('sync5000', 'reference', 'warmSyncMs')
  add(
    '5,000 records, board in memory: no slower than the reference',
    warm,
    refWarm,
    warm !== null && refWarm !== null && noSlower(warm, refWarm),
  )
  for (const [key, label] of [
    ['coldUnloadedSyncMs', 'room unloaded'],
    ['coldRestartSyncMs', 'server restarted'],
  ] as const) {
    const cold = get('sync5000', 'stip', key)
    add(
      `5,000 records, cold from SQLite (${label}): < 150 ms`,
      cold,
      null,
      cold !== null && cold < 150,
    )
  }
  const kept = get('sync5000', 'stip', 'recordsAfterKill')
  add('every record survives kill -9 (after the group-commit wait)', kept, null, kept === 5000)
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
  return checks
}

export function formatReport(report: BenchReport): string {
  const lines: string[] = []
  lines.push(
    `Sync benchmark ${report.startedAt} on ${report.machine.cpus} x ${report.machine.cpuModel}, ` +
      `Node ${report.machine.node}; runs: ${String(report.options.runs)}${report.options.quick ? ' (quick)' : ''}`,
    '',
  )
  if (report.loadavg) {
    lines.push(`/proc/loadavg: start ${report.loadavg.start}, end ${report.loadavg.end}`, '')
  }
  for (const note of report.notes) lines.push(`Note: ${note}`)
  for (const scenario of report.scenarios) {
    lines.push(`### ${scenario.name}: ${scenario.description}`, '')
    if (scenario.kind === 'instances') {
      lines.push(...formatInstances(scenario), '')
      continue
    }
    lines.push('| metric | reference | stip | stip / reference |', '|---|---:|---:|---:|')
    const reference = scenario.servers.reference?.median
    const stip = scenario.servers.stip?.median
    for (const row of scenario.kind === 'load' ? loadRows : syncRows) {
      const r = reference?.[row.referenceKey ?? row.key]
      const s = stip?.[row.key]
      const ratio =
        typeof r === 'number' && typeof s === 'number' && r !== 0 ? (s / r).toFixed(2) : '-'
      const cell = (value: number | null | undefined, key: string) =>
        typeof value === 'number' ? format(value, key) : '-'
      lines.push(`| ${row.label} | ${cell(r, row.key)} | ${cell(s, row.key)} | ${ratio} |`)
    }
    lines.push('')
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
      typeof a === 'number' && typeof b === 'number' && a !== 0 ? (b / a).toFixed(2) : '-'
    const cell = (value: number | null | undefined) =>
      typeof value === 'number' ? format(value, row.key) : '-'
    lines.push(`| ${row.label} | ${cell(a)} | ${cell(b)} | ${ratio} |`)
  }
  return lines
}

function format(value: number, key: string): string {
  if (key === 'deliveredShare' || key === 'crossPairsShare') return `${(value * 100).toFixed(1)} %`
  if (Number.isInteger(value)) return String(value)
  return value.toFixed(1)
}
