/**
 * The browser's localStorage, or null where there is none or reading it throws (storage
 * blocked by the browser's settings, a sandboxed frame): callers then keep what they would
 * store for the page alone.
 */
export function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}
