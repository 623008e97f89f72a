import { getVotes, parseVoteTally, type VoteTally } from '@stip/board/doc-model'
import { useCallback, useMemo } from 'react'
import type * as Y from 'yjs'
import { useYValue } from '../board/use-y-value'

/**
 * One vote's tally as the server wrote it into the `votes` map: before the reveal only how
 * many voted, then the dots per note. The raw value keeps its identity until the server
 * writes that vote again.
 */
export function useVoteTally(doc: Y.Doc, voteId: string | null): VoteTally | null {
  const readVote = useCallback(
    (votes: Y.Map<unknown>) => (voteId ? votes.get(voteId) : undefined),
    [voteId],
  )
  const raw = useYValue(getVotes(doc), readVote)
  return useMemo(() => parseVoteTally(raw), [raw])
}

/** Dots per note over every revealed vote on the board (for who-is-heard). */
export function useRevealedDots(doc: Y.Doc): Map<string, number> {
  return useYValue(getVotes(doc), revealedCounts)
}

function revealedCounts(votes: Y.Map<unknown>): Map<string, number> {
  const dots = new Map<string, number>()
  for (const value of votes.values()) {
    const counts = parseVoteTally(value)?.counts
    if (!counts) continue
    for (const [noteId, count] of Object.entries(counts)) {
      dots.set(noteId, (dots.get(noteId) ?? 0) + count)
    }
  }
  return dots
}
