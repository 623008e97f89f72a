import { createHash } from 'node:crypto'
import type { Config } from '../config'
import type { Logger } from '../logger'
import { memoryRateLimit, type RateLimit, type RateLimitOptions } from './rate-limit'

/** Boards created per address per minute before creation is refused for the rest of it. */
const BOARD_CREATIONS_PER_ADDRESS_PER_MINUTE = 30

/**
 * Saves of sealed things (silent-round notes, ballots) per writes allowed: a note in a silent
 * round is sent every 400 ms while its author types (client/src/board/silent-round-keeper.ts),
 * so 30 people typing at once make up to 75 saves a second; each one replaces that person's
 * own note or dots, so a flood of them does not pile up on the board as comments would.
 */
const SEALED_SAVES_PER_WRITE = 10

/** The server's rate limits (docs/operations.md, "Limits"). */
export interface Limits {
  /** Wrong tokens per address per minute. */
  failedTokens: RateLimit
  /** Boards created per address per minute. */
  boardCreationsPerAddress: RateLimit
  /** Boards created in the whole installation per hour (one key: "all"). */
  boardCreationsPerHour: RateLimit
  /** Writes into one board per link (board id + role, or + organisation for a signing link). */
  writesPerLink: RateLimit
  /** Saves of silent-round notes and ballots into one board per link. */
  sealedSavesPerLink: RateLimit
  close(): Promise<void>
}

/** Counters in memory, or in Redis (shared by every instance) when REDIS_URL is set. */
export async function openLimits(
  config: Pick<
    Config,
    | 'redisUrl'
    | 'databaseUrl'
    | 'dataDir'
    | 'maxFailedTokensPerMinute'
    | 'maxBoardsPerHour'
    | 'maxWritesPerMinute'
    | 'writeWindowMs'
  >,
  logger: Logger,
  now: () => number = Date.now,
): Promise<Limits> {
  // Instances of one installation share a store; its name keeps another installation on the
  // same Redis (or a test run) from counting against this one.
  const installation = createHash('sha256')
    .update(config.databaseUrl ?? `sqlite:${config.dataDir}`)
    .digest('hex')
    .slice(0, 12)
  const settings: Record<Exclude<keyof Limits, 'close'>, RateLimitOptions> = {
    failedTokens: {
      name: `failed-tokens:${installation}`,
      max: config.maxFailedTokensPerMinute,
      windowMs: 60_000,
      now,
    },
    boardCreationsPerAddress: {
      name: `creations:${installation}`,
      max: BOARD_CREATIONS_PER_ADDRESS_PER_MINUTE,
      windowMs: 60_000,
      now,
    },
    boardCreationsPerHour: {
      name: `creations-hour:${installation}`,
      max: config.maxBoardsPerHour,
      windowMs: 3_600_000,
      now,
    },
    writesPerLink: {
      name: `writes:${installation}`,
      max: config.maxWritesPerMinute,
      windowMs: config.writeWindowMs,
      now,
    },
    sealedSavesPerLink: {
      name: `sealed-saves:${installation}`,
      max: config.maxWritesPerMinute * SEALED_SAVES_PER_WRITE,
      windowMs: config.writeWindowMs,
      now,
    },
  }
  if (!config.redisUrl) {
    return {
      failedTokens: memoryRateLimit(settings.failedTokens),
      boardCreationsPerAddress: memoryRateLimit(settings.boardCreationsPerAddress),
      boardCreationsPerHour: memoryRateLimit(settings.boardCreationsPerHour),
      writesPerLink: memoryRateLimit(settings.writesPerLink),
      sealedSavesPerLink: memoryRateLimit(settings.sealedSavesPerLink),
      async close() {},
    }
  }
  // ioredis and the Redis counters load only when they are used.
  const { connectLimitsRedis, redisRateLimit } = await import('./redis-rate-limit')
  const log = logger.child({ module: 'limits' })
  const redis = await connectLimitsRedis(config.redisUrl, log)
  return {
    failedTokens: redisRateLimit(redis, settings.failedTokens, log),
    boardCreationsPerAddress: redisRateLimit(redis, settings.boardCreationsPerAddress, log),
    boardCreationsPerHour: redisRateLimit(redis, settings.boardCreationsPerHour, log),
    writesPerLink: redisRateLimit(redis, settings.writesPerLink, log),
    sealedSavesPerLink: redisRateLimit(redis, settings.sealedSavesPerLink, log),
    async close() {
      redis.disconnect()
    },
  }
}
