import { getVotes, parseVoteTally, type VoteTally } from '@stip/board/doc-model'
import { useCallback, useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

/**
 * One vote's tally as the server wrote it into the `votes` map: before the reveal only how
 * many voted, then the dots per note. Y.Map hands back the same object until the server
 * writes the key again, so the raw value is a stable snapshot.
 */
export function useVoteTally(doc: Y.Doc, voteId: string | null): VoteTally | null {
  const votes = getVotes(doc)
  const subscribe = useCallback(
    (onChange: () => void) => {
      const observer = (event: Y.YMapEvent<unknown>) => {
        if (voteId && event.keysChanged.has(voteId)) onChange()
      }
      votes.observe(observer)
      return () => votes.unobserve(observer)
    },
    [votes, voteId],
  )
  const raw = useSyncExternalStore(subscribe, () => (voteId ? votes.get(voteId) : undefined))
  return useMemo(() => parseVoteTally(raw), [raw])
}

/** Dots per note over every revealed vote on the board (for who-is-heard). */
export function useRevealedDots(doc: Y.Doc): Map<string, number> {
  const votes = getVotes(doc)
  const subscribe = useCallback(
    (onChange: () => void) => {
      votes.observe(onChange)
      return () => votes.unobserve(onChange)
    },
    [votes],
  )
  // The map's values joined as a key: a few small objects, and equal strings are stable.
  const key = useSyncExternalStore(subscribe, () => JSON.stringify(votes.toJSON()))
  return useMemo(() => revealedCounts(key), [key])
}

function revealedCounts(json: string): Map<string, number> {
  const dots = new Map<string, number>()
  for (const value of Object.values(JSON.parse(json) as Record<string, unknown>)) {
    const counts = parseVoteTally(value)?.counts
    if (!counts) continue
    for (const [noteId, count] of Object.entries(counts)) {
      dots.set(noteId, (dots.get(noteId) ?? 0) + count)
    }
  }
  return dots
}
