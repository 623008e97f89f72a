import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { connect } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The part of `pg` used here; `pg` is a dependency of @stip/server, not of the test package. */
interface PgClient {
  connect(): Promise<void>
  query(sql: string): Promise<unknown>
  end(): Promise<void>
}
interface PgModule {
  Client: new (options: { connectionString: string }) => PgClient
}

export interface ScratchDatabase {
  /** DATABASE_URL for the servers. */
  url: string
  drop(): Promise<void>
}

const benchDir = path.dirname(fileURLToPath(import.meta.url))
const serverPackage = path.resolve(benchDir, '../../server/package.json')
const CLOCK_TICKS_PER_SECOND = 100
/** Process names whose CPU is counted as the shared store and backplane. */
const BACKING_PROCESSES = new Set(['postgres', 'redis-server'])

export const defaultPostgresAdminUrl = () =>
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
export const defaultRedisUrl = () => process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'

/** Creates an empty database `stip_bench_<random>` next to `adminUrl`'s; drop it after the run. */
export async function createScratchDatabase(adminUrl: string): Promise<ScratchDatabase> {
  const pg = createRequire(serverPackage)('pg') as PgModule
  const name = `stip_bench_${randomBytes(6).toString('hex')}`
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  await run(`CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    // FORCE: a server killed mid-run may leave a connection behind.
    drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}

/** Whether a Redis answers PING at `redisUrl` (plain TCP, no client library needed). */
export async function redisAnswers(redisUrl: string, timeoutMs = 2000): Promise<boolean> {
  const url = new URL(redisUrl)
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 6379) })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('error', () => done(false))
    socket.once('connect', () => socket.write('PING\r\n'))
    // A password-protected Redis answers -NOAUTH, which still means it is there.
    socket.once('data', (chunk: Buffer) => done(/^[+-]/.test(chunk.toString())))
  })
}

/**
 * CPU seconds used so far by every local Postgres and Redis process, children included
 * (cutime/cstime), so a Postgres backend that exits mid-window is not lost: its time moves to
 * the postmaster's children counters. Only a difference of two readings is meaningful.
 * Zero if they run elsewhere (another host or container).
 */
export function backingCpuSeconds(): number {
  let ticks = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim()
      if (!BACKING_PROCESSES.has(comm)) continue
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      // utime, stime, cutime, cstime are fields 14-17, i.e. 11-14 after the state field.
      for (let i = 11; i <= 14; i++) ticks += Number(fields[i] ?? 0)
    } catch {
      // the process exited while we read it
    }
  }
  return ticks / CLOCK_TICKS_PER_SECOND
}
