import path from 'node:path'
import { Limits } from '@stip/protocol'
import { z } from 'zod'
import { serverRoot } from './server-root'

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max)

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
  }
}

/** Defaults (no environment) with explicit overrides: how tests and embedders configure a server. */
export function configWith(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ...overrides }
}
