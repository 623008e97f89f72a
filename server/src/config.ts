import { isIP } from 'node:net'
import path from 'node:path'
import { Limits } from '@stip/protocol'
import * as z from 'zod'
import { serverRoot } from './server-root'

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max)
const MIB = 1024 * 1024

/** "10.0.0.0/8, 192.168.1.7, ::1/128" -> address ranges; a bad entry fails the whole setting. */
const CidrList = z.string().transform((list, context) => {
  const ranges: Array<{ address: string; prefix: number; family: 'ipv4' | 'ipv6' }> = []
  for (const entry of list
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address = '', prefixText] = entry.split('/')
    const version = isIP(address)
    const bits = version === 4 ? 32 : 128
    const prefix = prefixText === undefined ? bits : Number(prefixText)
    if (version === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > bits) {
      context.addIssue({ code: 'custom', message: `"${entry}" is not an address or CIDR range` })
      return z.NEVER
    }
    ranges.push({ address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' })
  }
  return ranges
})

/** Every setting Stip reads from the environment, with its default. The only reader of process.env. */
const EnvSchema = z.object({
  PORT: int(0, 65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  PUBLIC_URL: z.string().url().optional(),
  TLDRAW_LICENSE_KEY: z.string().min(1).optional(),
  CLIENT_DIR: z
    .string()
    .min(1)
    .default(path.join(serverRoot, '..', 'client', 'dist')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest websocket frame accepted; larger frames close the connection with 1009. */
  MAX_FRAME_BYTES: int(1024, 64 * 1024 * 1024).default(Limits.maxFrameBytes),
  /** Group-commit window: updates are written to the store at most this long after arrival. */
  GROUP_COMMIT_MS: int(0, 50).default(10),
  /** Interval between websocket pings; a connection that missed one pong is dropped. */
  PING_INTERVAL_MS: int(100, 600_000).default(30_000),
  /** A connection whose unsent bytes pass this is a slow consumer and is closed (4408). */
  MAX_BUFFERED_BYTES: int(64 * 1024, 1024 * 1024 * 1024).default(8 * 1024 * 1024),
  /** Frames a connection may send while its board is still loading. */
  MAX_EARLY_FRAMES: int(1, 10_000).default(256),
  /** The log of a loaded board is compacted into a snapshot after this many updates. */
  COMPACT_AFTER_UPDATES: int(10, 1_000_000).default(1000),
  /** How long an empty room stays in memory before it is flushed and unloaded. */
  ROOM_IDLE_MS: int(0, 3_600_000).default(1000),
  MAX_CONNECTIONS_PER_BOARD: int(1, 100_000).default(250),
  /** Largest encoded size of one board's document. */
  MAX_BOARD_BYTES: int(1024, 4 * 1024 * 1024 * 1024).default(50 * 1024 * 1024),
  /** Frames one connection may send per second (averaged; bursts of twice this pass). */
  MAX_MESSAGES_PER_SECOND: int(1, 100_000).default(200),
  MAX_ASSET_BYTES: int(1024, 1024 * 1024 * 1024).default(10 * 1024 * 1024),
  /** Wrong tokens one address may present per minute before it is refused for a while. */
  MAX_FAILED_TOKENS_PER_MINUTE: int(1, 100_000).default(20),
  /**
   * Reverse proxies in front of Stip whose X-Forwarded-For is trusted (0: none). With one
   * proxy (nginx, Caddy) set 1, so per-address limits count each client, not the proxy.
   */
  TRUSTED_PROXIES: int(0, 10).default(0),
  /** Access log: one line per request and per websocket session (never a token). */
  ACCESS_LOG: z.enum(['on', 'off']).default('on'),
  /** When set, creating a board needs this key in the Stip-Creation-Key header. */
  BOARD_CREATION_KEY: z.string().min(12, 'use at least 12 characters').optional(),
  /** When set, only these addresses (comma-separated, CIDR allowed) may create boards. */
  BOARD_CREATION_ALLOW: CidrList.optional(),
  /** Boards not opened for this many days are deleted (unset: kept until deleted). */
  RETENTION_DAYS: int(1, 36_500).optional(),
  /** Days before its deletion that a board's facilitator and its export are warned. */
  RETENTION_WARN_DAYS: int(0, 365).default(7),
  /** Images one board may hold, in bytes, all together. */
  MAX_BOARD_ASSET_BYTES: int(1024, 64 * 1024 * MIB).default(100 * MIB),
  /** Named versions one board may keep. */
  MAX_VERSIONS_PER_BOARD: int(1, 10_000).default(200),
  /**
   * Writes one link may make into one board per minute through the HTTP routes (comments,
   * amendments, commitments, signatures, versions, images; sealed saves get ten times this);
   * the facilitator's link is not counted. Past it: 429 `write-rate`.
   */
  MAX_WRITES_PER_MINUTE: int(1, 1_000_000).default(300),
  /** Boards the whole installation may create per hour (counted across instances with Redis). */
  MAX_BOARDS_PER_HOUR: int(1, 1_000_000).default(500),
  /** When set, GET /metrics needs `Authorization: Bearer METRICS_TOKEN`. */
  METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  /** When set, /metrics is served on this port only (METRICS_HOST), not on PORT. */
  METRICS_PORT: int(0, 65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** Extra browser origins allowed to open the websocket (comma-separated); same origin always is. */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((origin) => origin.trim().replace(/\/+$/, ''))
        .filter(Boolean),
    ),
})

export type Env = Record<string, string | undefined>

export interface Config {
  port: number
  host: string
  dataDir: string
  databaseUrl: string | undefined
  redisUrl: string | undefined
  publicUrl: string | undefined
  tldrawLicenseKey: string | undefined
  clientDir: string
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL']
  maxFrameBytes: number
  groupCommitMs: number
  pingIntervalMs: number
  maxBufferedBytes: number
  maxEarlyFrames: number
  compactAfterUpdates: number
  roomIdleMs: number
  maxConnectionsPerBoard: number
  maxBoardBytes: number
  maxMessagesPerSecond: number
  maxAssetBytes: number
  maxFailedTokensPerMinute: number
  trustedProxies: number
  allowedOrigins: string[]
  accessLog: boolean
  boardCreationKey: string | undefined
  boardCreationAllow:
    | Array<{ address: string; prefix: number; family: 'ipv4' | 'ipv6' }>
    | undefined
  retentionDays: number | undefined
  retentionWarnDays: number
  maxBoardAssetBytes: number
  maxVersionsPerBoard: number
  maxBoardsPerHour: number
  maxWritesPerMinute: number
  /** The window of `maxWritesPerMinute`: a minute; not an environment variable, tests shorten it. */
  writeWindowMs: number
  metricsToken: string | undefined
  metricsPort: number | undefined
  metricsHost: string
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID'
}

/** Reads the configuration from environment variables; throws ConfigError naming each bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''))
  const parsed = EnvSchema.safeParse(present)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    tldrawLicenseKey: e.TLDRAW_LICENSE_KEY,
    clientDir: path.resolve(e.CLIENT_DIR),
    logLevel: e.LOG_LEVEL,
    maxFrameBytes: e.MAX_FRAME_BYTES,
    groupCommitMs: e.GROUP_COMMIT_MS,
    pingIntervalMs: e.PING_INTERVAL_MS,
    maxBufferedBytes: e.MAX_BUFFERED_BYTES,
    maxEarlyFrames: e.MAX_EARLY_FRAMES,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    roomIdleMs: e.ROOM_IDLE_MS,
    maxConnectionsPerBoard: e.MAX_CONNECTIONS_PER_BOARD,
    maxBoardBytes: e.MAX_BOARD_BYTES,
    maxMessagesPerSecond: e.MAX_MESSAGES_PER_SECOND,
    maxAssetBytes: e.MAX_ASSET_BYTES,
    maxFailedTokensPerMinute: e.MAX_FAILED_TOKENS_PER_MINUTE,
    trustedProxies: e.TRUSTED_PROXIES,
    allowedOrigins: e.ALLOWED_ORIGINS,
    accessLog: e.ACCESS_LOG === 'on',
    boardCreationKey: e.BOARD_CREATION_KEY,
    boardCreationAllow: e.BOARD_CREATION_ALLOW,
    retentionDays: e.RETENTION_DAYS,
    retentionWarnDays: e.RETENTION_WARN_DAYS,
    maxBoardAssetBytes: e.MAX_BOARD_ASSET_BYTES,
    maxVersionsPerBoard: e.MAX_VERSIONS_PER_BOARD,
    maxBoardsPerHour: e.MAX_BOARDS_PER_HOUR,
    maxWritesPerMinute: e.MAX_WRITES_PER_MINUTE,
    writeWindowMs: 60_000,
    metricsToken: e.METRICS_TOKEN,
    metricsPort: e.METRICS_PORT,
    metricsHost: e.METRICS_HOST,
  }
}

/** Defaults (no environment) with explicit overrides: how tests and embedders configure a server. */
export function configWith(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ...overrides }
}
