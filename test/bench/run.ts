/**
 * `pnpm bench`: the sync-server benchmark. Runs each scenario against Stip's server, the
 * reference @y/websocket-server 0.1.1, Hocuspocus and tldraw sync (all as child processes,
 * interleaved per run), prints a table and writes bench-results/sync-<timestamp>.{json,md}
 * and bench-results/sync-latest.{json,md} at the repo root.
 *
 * Flags: --runs N (default 3), --quick (short windows, for a smoke run),
 * --servers reference,hocuspocus,tldraw,stip (any of them; stip-base runs server/dist-base, an
 *   earlier build, to measure a change),
 * --scenarios burst,rooms50x4,room100,sync5000,cross-instance,board,drag ("coldload" = sync5000;
 *   board and drag are the browser scenarios, see below),
 * --skip-browser (leave out board and drag: no client build, no Chromium),
 * --workers N (client threads, default 2),
 * --measure S / --warmup S (seconds), --cpu-prof (write Stip CPU profiles to bench-results/profiles,
 *   the server's and, in `board`, one 2,000-shape board load's in Chromium),
 * --instances N (Stip processes in cross-instance, default 3).
 * cross-instance needs Postgres (BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres)
 * and Redis (BENCH_REDIS_URL, default redis://127.0.0.1:6379); it is skipped with a note without them.
 *
 * Browser scenarios (Debian's Chromium, run first, each as its own process after one
 * `vite build` of the client): `board` = test/bench/browser/run.ts (2,000- and 5,000-shape
 * boards loaded cold, a remote batch of 500 moved shapes), `drag` = test/bench/browser/drag-run.ts
 * (person A drags a note, person B sees it: Stip against tldraw sync). Their figures and
 * targets join the same table and JSON.
 */
import { type ChildProcess, execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { defaultPostgresAdminUrl, defaultRedisUrl } from './backing-services'
import { runBrowserScenarios } from './browser-scenarios'
import { runSyncScenario, type SyncResult } from './cold-sync'
import { runCrossInstance, summarizeCrossInstance } from './cross-instance'
import { type LoadResult, type LoadScenario, runLoadScenario } from './load-scenario'
import { type BenchReport, checkTargets, formatReport } from './report'
import {
  buildStipServer,
  isStip,
  SERVER_KINDS,
  type ServerKind,
  startServerProcess,
} from './server-process'
import { summarizeLoad, summarizeSync } from './summaries'

const benchDir = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(benchDir, '../..')
const resultsDir = path.join(repoRoot, 'bench-results')

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      servers: { type: 'string', default: 'reference,hocuspocus,tldraw,stip' },
      scenarios: {
        type: 'string',
        default: 'burst,rooms50x4,room100,sync5000,cross-instance,board,drag',
      },
      'skip-browser': { type: 'boolean', default: false },
      instances: { type: 'string', default: '3' },
      workers: { type: 'string', default: '2' },
      measure: { type: 'string' },
      warmup: { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
    },
  })
  const quick = values.quick === true
  const runs = Number(values.runs ?? (quick ? 1 : 3))
  const measureMs = Number(values.measure ?? (quick ? 8 : 25)) * 1000
  const warmupMs = Number(values.warmup ?? (quick ? 2 : 5)) * 1000
  const workers = Number(values.workers)
  const wanted = new Set(
    values.scenarios.split(',').map((s) => (s === 'coldload' ? 'sync5000' : s)),
  )
  if (values['skip-browser']) {
    wanted.delete('board')
    wanted.delete('drag')
  }
  const notes: string[] = []
  const unknown = values.servers.split(',').filter((s) => !SERVER_KINDS.includes(s as ServerKind))
  if (unknown.length > 0) throw new Error(`unknown --servers ${unknown.join(',')}`)
  let servers = values.servers.split(',') as ServerKind[]
  if (servers.some(isStip) && !existsSync(path.join(repoRoot, 'server/src/main.ts'))) {
    servers = servers.filter((s) => !isStip(s))
    notes.push('server/src/main.ts does not exist yet: Stip was skipped.')
  }
  const serverScenarios = ['burst', 'rooms50x4', 'room100', 'sync5000', 'cross-instance']
  if (servers.includes('stip') && serverScenarios.some((s) => wanted.has(s))) buildStipServer()
  // Run r starts with server r (mod n): every server goes first, and none always follows another.
  const orderFor = (run: number) =>
    servers.map((_, i) => servers[(i + run) % servers.length] as ServerKind)

  const children = new Set<ChildProcess>()
  const killAll = () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  }
  process.on('exit', killAll)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      killAll()
      process.exit(130)
    })
  }
  const tmpDirs: string[] = []
  const profileDir = path.join(resultsDir, 'profiles')
  if (values['cpu-prof']) await mkdir(profileDir, { recursive: true })
  const start = (kind: ServerKind, dataDir: string, env?: Record<string, string>) =>
    startServerProcess({
      kind,
      dataDir,
      env,
      track: (child) => {
        children.add(child)
        child.once('exit', () => children.delete(child))
      },
      nodeFlags:
        values['cpu-prof'] && isStip(kind) ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    })
  const freshDataDir = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'stip-bench-'))
    tmpDirs.push(dir)
    return dir
  }

  const loadScenarios: LoadScenario[] = [
    {
      // Everyone dragging at once: 400 edits/s into one room, 7,600 deliveries/s out.
      name: 'burst',
      rooms: 1,
      clientsPerRoom: 20,
      editsPerSecond: 20,
      payloadBytes: 300,
      warmupMs,
      measureMs,
      drainMs: 2000,
      workers,
    },
    {
      name: 'room100',
      rooms: 1,
      clientsPerRoom: 100,
      editsPerSecond: 2,
      payloadBytes: 300,
      warmupMs,
      measureMs,
      drainMs: 2000,
      workers,
    },
    {
      name: 'rooms50x4',
      rooms: 50,
      clientsPerRoom: 4,
      editsPerSecond: 2,
      payloadBytes: 300,
      warmupMs,
      measureMs,
      drainMs: 2000,
      workers,
    },
  ].filter((s) => wanted.has(s.name))

  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      totalMemGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    options: { runs, quick, measureMs, warmupMs, workers, servers },
    commit: gitCommit(),
    loadavg: { start: readLoadavg(), end: '' },
    notes,
    scenarios: [],
  }
  const log = (message: string) => process.stderr.write(`[bench] ${message}\n`)
  const failed = (what: string, error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    log(`  FAILED: ${message.slice(0, 2000)}`)
    notes.push(`${what} failed: ${message.split('\n')[0]?.slice(0, 300)}`)
  }

  try {
    if (wanted.has('board') || wanted.has('drag')) {
      report.browser = await runBrowserScenarios({
        board: wanted.has('board'),
        drag: wanted.has('drag'),
        quick,
        cpuProf: values['cpu-prof'] === true,
        repoRoot,
        log,
        failed,
      })
    }
    for (const scenario of loadScenarios) {
      const perServer: Partial<Record<ServerKind, LoadResult[]>> = {}
      for (let run = 0; run < runs; run++) {
        // Rotate which server goes first, so a drift in host load does not favour one.
        for (const kind of orderFor(run)) {
          log(`${scenario.name} run ${run + 1}/${runs} on ${kind}`)
          try {
            const server = await start(kind, await freshDataDir())
            try {
              const result = await runLoadScenario(scenario, server)
              log(
                `  p50 ${result.latencyMs.p50} p99 ${result.latencyMs.p99} ms, ` +
                  `${result.deliveredPerSecond} upd/s, server CPU ${result.serverCpuSeconds} s, ` +
                  `RSS ${result.serverPeakRssMiB} MiB, missed ${result.missedDeliveries}, ` +
                  `divergent ${result.divergentRooms}, load ${readLoadavg()}`,
              )
              perServer[kind] = [...(perServer[kind] ?? []), { ...result, loadavg: readLoadavg() }]
            } finally {
              await server.stop()
            }
          } catch (error) {
            // One failed run (e.g. a server that did not start) must not throw away the others.
            failed(`${scenario.name} run ${run + 1} on ${kind}`, error)
          }
        }
      }
      report.scenarios.push(summarizeLoad(scenario, perServer))
    }

    if (wanted.has('sync5000')) {
      const scenario = {
        records: 5000,
        recordBytes: 300,
        recordsPerTransaction: 10,
        samples: quick ? 3 : 5,
        persistWaitMs: 2000,
      }
      const perServer: Partial<Record<ServerKind, SyncResult[]>> = {}
      for (let run = 0; run < runs; run++) {
        for (const kind of orderFor(run)) {
          log(`sync5000 run ${run + 1}/${runs} on ${kind}`)
          try {
            const dataDir = await freshDataDir()
            const result = await runSyncScenario(scenario, () => start(kind, dataDir))
            log(
              `  warm ${result.warmMs} ms, unloaded ${result.coldUnloadedMs ?? '-'} ms, ` +
                `restarted ${result.coldRestartMs ?? '-'} ms`,
            )
            perServer[kind] = [...(perServer[kind] ?? []), { ...result, loadavg: readLoadavg() }]
          } catch (error) {
            failed(`sync5000 run ${run + 1} on ${kind}`, error)
          }
        }
      }
      report.scenarios.push(summarizeSync(scenario, perServer))
    }

    if (wanted.has('cross-instance') && servers.includes('stip')) {
      // A workshop: three breakout boards of eight people, each making two edits a second.
      const scenario: LoadScenario = {
        name: 'cross-instance',
        rooms: 3,
        clientsPerRoom: 8,
        editsPerSecond: 2,
        payloadBytes: 300,
        warmupMs,
        measureMs,
        drainMs: 2000,
        workers,
      }
      const instances = Number(values.instances)
      if (!existsSync(path.join(repoRoot, 'server/src/main.ts'))) {
        notes.push('cross-instance skipped: server/src/main.ts does not exist yet.')
      } else {
        try {
          const results = await runCrossInstance({
            scenario,
            instances,
            runs,
            postgresAdminUrl: defaultPostgresAdminUrl(),
            redisUrl: defaultRedisUrl(),
            start: (dataDir, env) => start('stip', dataDir, env),
            freshDataDir,
            log,
            failed,
          })
          report.scenarios.push(summarizeCrossInstance(scenario, instances, results))
        } catch (error) {
          // No Postgres or Redis here: the other scenarios still count.
          failed('cross-instance', error)
        }
      }
    }
  } finally {
    killAll()
    await Promise.all(tmpDirs.map((dir) => rm(dir, { recursive: true, force: true })))
  }

  if (report.loadavg) report.loadavg.end = readLoadavg()
  report.targets = checkTargets(report)
  const busiest = Math.max(
    0,
    ...report.scenarios.flatMap((s) =>
      Object.values(s.servers).map((server) => server.median.hostOtherCpuPercent ?? 0),
    ),
  )
  if (busiest > 25) {
    report.notes.push(
      `Other processes used up to ${busiest}% of a core during a measured window: ` +
        'the host was not quiet, so latencies include CPU contention. Re-run on a quiet machine.',
    )
  }
  await mkdir(resultsDir, { recursive: true })
  const stamp = report.startedAt.replace(/[:.]/g, '-')
  const json = `${JSON.stringify(report, null, 2)}\n`
  const markdown = formatReport(report)
  await writeFile(path.join(resultsDir, `sync-${stamp}.json`), json)
  await writeFile(path.join(resultsDir, 'sync-latest.json'), json)
  await writeFile(path.join(resultsDir, `sync-${stamp}.md`), markdown)
  await writeFile(path.join(resultsDir, 'sync-latest.md'), markdown)
  process.stdout.write(markdown)
  process.stdout.write(
    `\nwritten: bench-results/sync-${stamp}.{json,md}, bench-results/sync-latest.{json,md}\n`,
  )
}

/** The commit measured (with "+dirty" when the work tree has changes). */
function gitCommit(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim()
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') === '' ? '' : '+dirty'}`
  } catch {
    return 'unknown'
  }
}

function readLoadavg(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').trim()
  } catch {
    return 'unknown'
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
