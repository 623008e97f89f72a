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

/**
 * A limit counted in this process. A key's window opens with its first event and lasts
 * `windowMs` (as Redis keys that expire do); memory stays bounded, old windows are dropped.
 */
export function memoryRateLimit(options: RateLimitOptions): RateLimit {
  const { max, windowMs, now = Date.now } = options
  const windows = new Map<string, { openedAt: number; count: number }>()
  const current = (key: string) => {
    const window = windows.get(key)
    if (window && now() - window.openedAt >= windowMs) {
      windows.delete(key)
      return undefined
    }
    return window
  }
  return {
    async isOver(key) {
      return (current(key)?.count ?? 0) >= max
    },
    async add(key) {
      const window = current(key)
      if (window) window.count++
      else windows.set(key, { openedAt: now(), count: 1 })
      if (windows.size > 10_000) {
        for (const [k, w] of windows) if (now() - w.openedAt >= windowMs) windows.delete(k)
      }
    },
  }
}
