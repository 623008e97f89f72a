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
