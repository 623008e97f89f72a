import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ClientProtocol } from './clients/board-connection'

/**
 * Which server a scenario runs against: Stip; the reference y-websocket server; the peers
 * Hocuspocus and tldraw sync; and `stip-base`, an earlier build of Stip kept in
 * server/dist-base (see STIP_BASE_ENTRY), to measure a change against what came before.
 */
export type ServerKind = 'stip' | 'reference' | 'hocuspocus' | 'tldraw' | 'stip-base'

export const SERVER_KINDS: readonly ServerKind[] = [
  'reference',
  'hocuspocus',
  'tldraw',
  'stip',
  'stip-base',
]

/** Stip's own processes (boards via POST /api/boards, tokens, SQLite). */
export const isStip = (kind: ServerKind) => kind === 'stip' || kind === 'stip-base'

/** The client each server speaks with. */
export const protocolOf = (kind: ServerKind): ClientProtocol =>
  kind === 'hocuspocus' ? 'hocuspocus' : kind === 'tldraw' ? 'tldraw' : 'y-websocket'

/** The peers' plain-node entry points, beside this file. */
const peerScripts: Record<'reference' | 'hocuspocus' | 'tldraw', string> = {
  reference: 'servers/reference-server.mjs',
  hocuspocus: 'servers/hocuspocus-server.mjs',
  tldraw: 'servers/tldraw-sync-server.mjs',
}

export interface ServerUsage {
  /** user + system CPU seconds the server process has used since it started. */
  cpuSeconds: number
  /** Current resident set size in MiB. */
  rssMiB: number
  /** Peak resident set size (VmHWM) in MiB since the process started. */
  peakRssMiB: number
}

export interface ServerProcess {
  kind: ServerKind
  protocol: ClientProtocol
  pid: number
  /** Base for `new WebsocketProvider(wsBase, room, doc)`. */
  wsBase: string
  /** `http://127.0.0.1:PORT`. */
  httpBase: string
  usage(): ServerUsage
  /** Graceful stop (SIGTERM; SIGKILL if it does not exit in time). */
  stop(): Promise<void>
  /** Hard stop (SIGKILL), like a crash: only what the server already made durable survives. */
  kill(): Promise<void>
}

export interface ServerOptions {
  kind: ServerKind
  /** Stip only: SQLite/data directory; reuse it to restart onto the same boards. */
  dataDir: string
  /** Extra environment, e.g. DATABASE_URL and REDIS_URL for Stip, STATIC_DIR for tldraw. */
  env?: Record<string, string>
  /** Extra node flags for the child, e.g. `--cpu-prof`. */
  nodeFlags?: string[]
  /** Stip only: node flags in place of the production ones (STIP_NODE_FLAGS). */
  stipNodeFlags?: string[]
  /** Called with every child that is started, so the caller can kill it on exit. */
  track(child: ChildProcess): void
}

const benchDir = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(benchDir, '../..')
const CLOCK_TICKS_PER_SECOND = 100
const READY_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 15_000
/** Stip runs as deployed: the production build (`buildStipServer`), not the sources under tsx. */
const STIP_ENTRY = 'server/dist/main.js'
/** The node flags the Dockerfile and `npm start` give the production server. */
const STIP_NODE_FLAGS = ['--max-semi-space-size=4']
/**
 * `stip-base`: a build made beforehand, e.g. `git stash && node scripts/build-server.mjs &&
 * mv server/dist server/dist-base && git stash pop`. One level below server/, like server/dist,
 * so the paths it derives from its own location resolve alike.
 */
const STIP_BASE_ENTRY = 'server/dist-base/main.js'

/**
 * Builds Stip's server for production (scripts/build-server.mjs -> server/dist), once per bench
 * run, so every figure is of the build people deploy.
 */
export function buildStipServer(): void {
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: repoRoot, stdio: 'inherit' })
}

/**
 * Starts a sync server as a child process so its CPU and memory are measured apart from the
 * load generator. Both kinds get a port picked here (passed as PORT) and are ready once an
 * HTTP GET answers 200.
 */
export async function startServerProcess(options: ServerOptions): Promise<ServerProcess> {
  const port = await freePort()
  const flags = options.nodeFlags ?? []
  const child = isStip(options.kind)
    ? spawn(
        process.execPath,
        [
          ...(options.stipNodeFlags ?? STIP_NODE_FLAGS),
          ...flags,
          options.kind === 'stip' ? STIP_ENTRY : STIP_BASE_ENTRY,
        ],
        {
          cwd: repoRoot,
          env: {
            ...process.env,
            PORT: String(port),
            HOST: '127.0.0.1',
            DATA_DIR: options.dataDir,
            LOG_LEVEL: process.env.BENCH_SERVER_LOG_LEVEL ?? 'warn',
            ...options.env,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      )
    : spawn(process.execPath, [...flags, path.join(benchDir, peerScripts[options.kind])], {
        // The test package's node_modules: the peers are its devDependencies.
        cwd: path.resolve(benchDir, '..'),
        env: { ...process.env, PORT: String(port), ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
  options.track(child)
  const output: string[] = []
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString())
    if (output.length > 200) output.shift()
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  // For diagnosis: BENCH_SERVER_LOG_DIR=/tmp/x (with BENCH_SERVER_LOG_LEVEL=debug) keeps each
  // server's output in a file.
  const logDir = process.env.BENCH_SERVER_LOG_DIR
  if (logDir !== undefined && child.pid !== undefined) {
    mkdirSync(logDir, { recursive: true })
    const file = createWriteStream(path.join(logDir, `${options.kind}-${child.pid}.log`))
    child.stdout?.pipe(file)
    child.stderr?.pipe(file)
  }
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )

  const readyPath = isStip(options.kind) ? '/healthz' : '/'
  const ready = await Promise.race([
    waitForHttp(`http://127.0.0.1:${port}${readyPath}`, READY_TIMEOUT_MS),
    exited.then(() => false),
  ])
  if (!ready || child.pid === undefined) {
    child.kill('SIGKILL')
    throw new Error(`${options.kind} server did not start:\n${output.join('').slice(-3000)}`)
  }
  const pid = child.pid
  return {
    kind: options.kind,
    protocol: protocolOf(options.kind),
    pid,
    wsBase: isStip(options.kind) ? `ws://127.0.0.1:${port}/ws` : `ws://127.0.0.1:${port}`,
    httpBase: `http://127.0.0.1:${port}`,
    usage: () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `${options.kind} server ${pid} exited during the run ` +
            `(code ${child.exitCode}, signal ${child.signalCode}):\n${output.join('').slice(-2000)}`,
        )
      }
      return readUsage(pid)
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
      await exited
      clearTimeout(timer)
    },
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGKILL')
      await exited
    },
  }
}

/** Reads one unlabelled Prometheus metric from Stip's /metrics; null if absent. */
export async function readMetric(server: ServerProcess, name: string): Promise<number | null> {
  const response = await fetch(`${server.httpBase}/metrics`, { signal: AbortSignal.timeout(2000) })
  const text = await response.text()
  const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text)
  return match ? Number(match[1]) : null
}

/** CPU and memory of a live process from /proc (Linux). */
export function readUsage(pid: number): ServerUsage {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may hold spaces) start at field 3 (state).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1])
  return {
    cpuSeconds: (utime + stime) / CLOCK_TICKS_PER_SECOND,
    rssMiB: kib('VmRSS') / 1024,
    peakRssMiB: kib('VmHWM') / 1024,
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

async function waitForHttp(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) })
      await response.arrayBuffer()
      if (response.ok) return true
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return false
}
