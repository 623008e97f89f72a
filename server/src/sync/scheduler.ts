/** Time and deferral for rooms and writers, injectable so tests control the clock. */
export interface Scheduler {
  now(): number
  /** Runs fn after ms (0 = as soon as the current I/O is done); returns a cancel function. */
  defer(fn: () => void, ms: number): () => void
}

export const systemScheduler: Scheduler = {
  now: () => performance.now(),
  defer(fn, ms) {
    if (ms <= 0) {
      const handle = setImmediate(fn)
      return () => clearImmediate(handle)
    }
    const handle = setTimeout(fn, ms)
    return () => clearTimeout(handle)
  },
}
