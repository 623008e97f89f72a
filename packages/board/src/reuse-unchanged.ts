/**
 * Returns `next` with every part that deep-equals the same part of `prev` replaced by prev's
 * own object, or `prev` itself when nothing differs (JSON values: objects, arrays, primitives).
 *
 * Records arrive from the doc parsed afresh, so a remote move brings equal but new `props`
 * and `meta` objects. tldraw compares those by identity: it re-measures the geometry and
 * re-renders the content of every shape whose props object is new. Keeping the unchanged
 * parts makes a moved shape cost what a local move costs.
 */
export function reuseUnchanged<T>(prev: T, next: T): T {
  return reuse(prev, next) as T
}

function reuse(prev: unknown, next: unknown): unknown {
  if (Object.is(prev, next)) return prev
  if (Array.isArray(prev) && Array.isArray(next)) return reuseArray(prev, next)
  if (isPlainObject(prev) && isPlainObject(next)) return reuseObject(prev, next)
  return next
}

function reuseArray(prev: unknown[], next: unknown[]): unknown[] {
  let same = prev.length === next.length
  const merged = next.map((value, index) => {
    const kept = reuse(prev[index], value)
    if (!Object.is(kept, prev[index])) same = false
    return kept
  })
  return same ? prev : merged
}

function reuseObject(
  prev: Record<string, unknown>,
  next: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = {}
  let same = true
  let keys = 0
  for (const key in next) {
    if (!Object.hasOwn(next, key)) continue
    keys++
    const had = Object.hasOwn(prev, key)
    const kept = had ? reuse(prev[key], next[key]) : next[key]
    if (!had || !Object.is(kept, prev[key])) same = false
    merged[key] = kept
  }
  if (same && keys === Object.keys(prev).length) return prev
  return merged
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}
