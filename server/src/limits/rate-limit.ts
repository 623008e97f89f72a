/**
 * Counts events per key (a client address, or one global key) in fixed windows and says when
 * a key has reached its limit. In memory for one instance; shared through Redis when
 * REDIS_URL is set, so N instances allow the limit once, not N times (redis-rate-limit.ts).
 */
export interface RateLimit {
  /** True once `key` has counted `max` events in the current window. */
  isOver(key: string): Promise<boolean>
  /** Counts one event for `key`. */
  add(key: string): Promise<void>
}

export interface RateLimitOptions {
  /** Names the counter (its Redis keys); distinct per limit. */
  name: string
  max: number
  windowMs: number
  now?: () => number
}

/** The start of the fixed window `at` falls in: every instance agrees on it by the clock. */
export function windowOf(at: number, windowMs: number): number {
  return Math.floor(at / windowMs)
}

/** A limit counted in this process; memory stays bounded (old windows are dropped). */
export function memoryRateLimit(options: RateLimitOptions): RateLimit {
  const { max, windowMs, now = Date.now } = options
  const counts = new Map<string, { window: number; count: number }>()
  const current = (key: string) => {
    const entry = counts.get(key)
    return entry && entry.window === windowOf(now(), windowMs) ? entry.count : 0
  }
  return {
    async isOver(key) {
      return current(key) >= max
    },
    async add(key) {
      const window = windowOf(now(), windowMs)
      counts.set(key, { window, count: current(key) + 1 })
      if (counts.size > 10_000) {
        for (const [k, entry] of counts) if (entry.window !== window) counts.delete(k)
      }
    },
  }
}
