import type { Redis } from 'ioredis'
import type { Logger } from '../logger'
import { type RateLimit, type RateLimitOptions, windowOf } from './rate-limit'

/**
 * A limit shared by every instance through Redis: one key per counted key and window
 * (`stip:limit:NAME:KEY:WINDOW`), INCR'd and expiring with its window. When Redis cannot be
 * reached the limit lets the request through and logs it: the limits slow abuse, they must
 * not take the service down with Redis.
 */
export function redisRateLimit(redis: Redis, options: RateLimitOptions, logger: Logger): RateLimit {
  const { name, max, windowMs, now = Date.now } = options
  const keyOf = (key: string) => `stip:limit:${name}:${key}:${windowOf(now(), windowMs)}`
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
        await redis.multi().incr(keyOf(key)).pexpire(keyOf(key), windowMs).exec()
      } catch (error) {
        failOpen(error)
      }
    },
  }
}
