import { randomId } from './random-id'

const STORAGE_KEY = 'stip.userId'

/**
 * A random id for this browser, kept in localStorage, so one person's cursor and authored
 * shapes stay theirs across reloads. Falls back to a fresh id when storage is blocked.
 */
export function deviceUserId(storage: Pick<Storage, 'getItem' | 'setItem'>): string {
  try {
    const existing = storage.getItem(STORAGE_KEY)
    if (existing && /^[A-Za-z0-9_-]{8,64}$/.test(existing)) return existing
    const fresh = randomId()
    storage.setItem(STORAGE_KEY, fresh)
    return fresh
  } catch {
    return randomId()
  }
}
