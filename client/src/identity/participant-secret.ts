import { safeLocalStorage } from '../storage/safe-local-storage'
import { randomId } from './random-id'

const keyFor = (boardId: string) => `stip.participant-secret.${boardId}`

/**
 * This browser's secret on one board, sent as `Stip-Participant` with ballots and silent-round
 * notes: the server keeps them under a hash of it, so only this browser can read or change
 * them. Kept beside the remembered participant; a fresh one per board, so two boards' hashes
 * cannot be linked. Without storage the secret lives as long as the page.
 */
export function participantSecret(
  boardId: string,
  storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeLocalStorage(),
): string {
  const key = keyFor(boardId)
  const stored = readSafely(storage, key)
  if (stored && /^[A-Za-z0-9_-]{22,128}$/.test(stored)) return stored
  const fresh = pageSecrets.get(boardId) ?? randomId(32)
  pageSecrets.set(boardId, fresh)
  try {
    storage?.setItem(key, fresh)
  } catch {
    // Blocked storage: the page keeps the secret; a reload starts a new ballot.
  }
  return fresh
}

const pageSecrets = new Map<string, string>()

function readSafely(storage: Pick<Storage, 'getItem'> | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null
  } catch {
    return null
  }
}
