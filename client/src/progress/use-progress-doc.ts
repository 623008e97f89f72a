import {
  type Commitment,
  getCommitments,
  getSessions,
  type NextSession,
  type PreviousSession,
  parseNextSession,
  parsePreviousSession,
  readCommitmentMap,
  SessionKey,
} from '@stip/board/doc-model'
import type * as Y from 'yjs'
import { useBoardContext } from '../board/board-context'
import { useYValue } from '../board/use-y-value'

const readSessions = (map: Y.Map<unknown>) => ({
  previous: map.get(SessionKey.previous),
  next: map.get(SessionKey.next),
})

/** The board's commitments, oldest first; the server writes them whole, so a shallow watch does. */
export function useCommitments(): Commitment[] {
  const { connection } = useBoardContext()
  return useYValue(getCommitments(connection.doc), readCommitmentMap)
}

/** The session this board continues and the one that continues it (server-written). */
export function useSessions(): { previous: PreviousSession | null; next: NextSession | null } {
  const { connection } = useBoardContext()
  const previous = useYValue(getSessions(connection.doc), readPrevious)
  const next = useYValue(getSessions(connection.doc), readNext)
  return { previous, next }
}

// Parsed once per change of the stored value, so an unrelated key does not re-render.
const previousCache = new WeakMap<object, PreviousSession | null>()
function readPrevious(map: Y.Map<unknown>): PreviousSession | null {
  const raw = readSessions(map).previous
  if (typeof raw !== 'object' || raw === null) return null
  if (!previousCache.has(raw)) previousCache.set(raw, parsePreviousSession(raw))
  return previousCache.get(raw) ?? null
}
const nextCache = new WeakMap<object, NextSession | null>()
function readNext(map: Y.Map<unknown>): NextSession | null {
  const raw = readSessions(map).next
  if (typeof raw !== 'object' || raw === null) return null
  if (!nextCache.has(raw)) nextCache.set(raw, parseNextSession(raw))
  return nextCache.get(raw) ?? null
}
