import { Redis } from 'ioredis'
import type { Logger } from '../logger'
import type { RateLimit, RateLimitOptions } from './rate-limit'

/**
 * A limit shared by every instance through Redis: one key per counted key
 * (`stip:limit:NAME:KEY`), created with the window as its expiry by the first event and
 * INCR'd by the others (INCR keeps the expiry), in one transaction. When Redis cannot be
 * reached the limit lets the request through and logs it: the limits slow abuse, they must
 * not take the service down with Redis.
 */
export function redisRateLimit(redis: Redis, options: RateLimitOptions, logger: Logger): RateLimit {
  const { name, max, windowMs } = options
  const keyOf = (key: string) => `stip:limit:${name}:${key}`
  const failOpen = (error: unknown) => {
    logger.warn({ limit: name, error: (error as Error).message }, 'rate limit unavailable')
  }
  return {
    async isOver(key) {
      try {
        return Number((await redis.get(keyOf(key))) ?? 0) >= max
      } catch (error) {
        failOpen(error)
        return false
      }
    },
    async add(key) {
      try {
        await redis.multi().set(keyOf(key), 0, 'PX', windowMs, 'NX').incr(keyOf(key)).exec()
      } catch (error) {
        failOpen(error)
      }
    },
    async take(key) {
      try {
        const replies = await redis
          .multi()
          .set(keyOf(key), 0, 'PX', windowMs, 'NX')
          .incr(keyOf(key))
          .pttl(keyOf(key))
          .exec()
        const [, [countError, count] = [], [ttlError, ttl] = []] = replies ?? []
        if (countError || ttlError) throw countError ?? ttlError
        return {
          allowed: Number(count) <= max,
          firstRefused: Number(count) === max + 1,
          retryAfterMs: Math.max(0, Number(ttl)),
        }
      } catch (error) {
        failOpen(error)
        return { allowed: true, firstRefused: false, retryAfterMs: 0 }
      }
    },
  }
}

/** The Redis connection the limits share; ioredis is imported here, statically, and this module only when REDIS_URL is set. */
export async function connectLimitsRedis(redisUrl: string, logger: Logger): Promise<Redis> {
  const redis = new Redis(redisUrl, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: true,
  })
  redis.on('error', (error: Error) =>
    logger.warn({ error: error.message }, 'redis connection error'),
  )
  await redis.connect()
  return redis
}
