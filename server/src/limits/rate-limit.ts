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
  /**
   * Counts one event for `key` and says whether it is still within the limit, in one step, so
   * a burst of concurrent requests cannot all pass a check made before any of them counted.
   * `retryAfterMs`: how long until the key's window ends; `firstRefused`: this is the first
   * event of the window past the limit (worth one log line, not one per refusal).
   */
  take(key: string): Promise<{ allowed: boolean; firstRefused: boolean; retryAfterMs: number }>
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
  const count = (key: string) => {
    const window = current(key) ?? { openedAt: now(), count: 0 }
    window.count++
    windows.set(key, window)
    if (windows.size > 10_000) {
      for (const [k, w] of windows) if (now() - w.openedAt >= windowMs) windows.delete(k)
    }
    return window
  }
  return {
    async isOver(key) {
      return (current(key)?.count ?? 0) >= max
    },
    async add(key) {
      count(key)
    },
    async take(key) {
      const window = count(key)
      return {
        allowed: window.count <= max,
        firstRefused: window.count === max + 1,
        retryAfterMs: Math.max(0, window.openedAt + windowMs - now()),
      }
    },
  }
}
