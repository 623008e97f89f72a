import { createHash } from 'node:crypto'
import type { Config } from '../config'
import type { Logger } from '../logger'
import { memoryRateLimit, type RateLimit, type RateLimitOptions } from './rate-limit'

/** Boards created per address per minute before creation is refused for the rest of it. */
const BOARD_CREATIONS_PER_ADDRESS_PER_MINUTE = 30

/** The server's rate limits (docs/operations.md, "Limits"). */
export interface Limits {
  /** Wrong tokens per address per minute. */
  failedTokens: RateLimit
  /** Boards created per address per minute. */
  boardCreationsPerAddress: RateLimit
  /** Boards created in the whole installation per hour (one key: "all"). */
  boardCreationsPerHour: RateLimit
  close(): Promise<void>
}

/** Counters in memory, or in Redis (shared by every instance) when REDIS_URL is set. */
export async function openLimits(
  config: Pick<
    Config,
    'redisUrl' | 'databaseUrl' | 'dataDir' | 'maxFailedTokensPerMinute' | 'maxBoardsPerHour'
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
  }
  if (!config.redisUrl) {
    return {
      failedTokens: memoryRateLimit(settings.failedTokens),
      boardCreationsPerAddress: memoryRateLimit(settings.boardCreationsPerAddress),
      boardCreationsPerHour: memoryRateLimit(settings.boardCreationsPerHour),
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
    async close() {
      redis.disconnect()
    },
  }
}
