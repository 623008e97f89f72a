/** Runs `fn` later and returns a cancel function. */
export type Schedule = (fn: () => void) => () => void

/** Next animation frame in a browser, a ~16 ms timer elsewhere (Node, workers). */
export const scheduleNextFrame: Schedule = (fn) => {
  if (typeof globalThis.requestAnimationFrame === 'function') {
    const handle = globalThis.requestAnimationFrame(() => fn())
    return () => globalThis.cancelAnimationFrame(handle)
  }
  const timer = setTimeout(fn, 16)
  return () => clearTimeout(timer)
}

/**
 * After the current task, before the browser renders or reads the next network message: one
 * run however many times it is asked for within the task.
 */
export const scheduleMicrotask: Schedule = (fn) => {
  let cancelled = false
  queueMicrotask(() => {
    if (!cancelled) fn()
  })
  return () => {
    cancelled = true
  }
}
