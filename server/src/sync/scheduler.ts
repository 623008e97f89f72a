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

/** A scheduler whose clock only moves when told: tests drive time instead of sleeping. */
export function manualScheduler() {
  let now = 0
  const tasks: { at: number; fn: () => void }[] = []
  const scheduler: Scheduler = {
    now: () => now,
    defer(fn, ms) {
      const task = { at: now + Math.max(0, ms), fn }
      tasks.push(task)
      return () => {
        const index = tasks.indexOf(task)
        if (index >= 0) tasks.splice(index, 1)
      }
    },
  }
  /** Moves the clock by `ms` and runs every task that came due, in the order they are due. */
  const advance = (ms: number) => {
    now += ms
    for (;;) {
      const due = tasks.filter((task) => task.at <= now).sort((a, b) => a.at - b.at)[0]
      if (!due) return
      tasks.splice(tasks.indexOf(due), 1)
      due.fn()
    }
  }
  return { scheduler, advance }
}
