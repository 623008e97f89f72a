import { getVotes } from '@stip/board/doc-layout'
import { useMemo, useRef, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { dotsFrom, tally, tallyAll, voteKey } from './vote-tally'

/** A number that changes whenever anyone votes; the hooks below recompute from it. */
function useVotesVersion(doc: Y.Doc): number {
  const version = useRef(0)
  const votes = getVotes(doc)
  return useSyncExternalStore(
    (onChange) => {
      const observer = () => {
        version.current += 1
        onChange()
      }
      votes.observe(observer)
      return () => votes.unobserve(observer)
    },
    () => version.current,
  )
}

/** This person's dots in a vote, and a setter that writes them to the shared doc. */
export function useMyDots(
  doc: Y.Doc,
  voteId: string | null,
  userId: string,
): [string[], (dots: string[]) => void] {
  const version = useVotesVersion(doc)
  const key = voteId ? voteKey(voteId, userId) : null
  // biome-ignore lint/correctness/useExhaustiveDependencies: version marks a change in the map
  const dots = useMemo(() => (key ? dotsFrom(getVotes(doc).get(key)) : []), [doc, key, version])
  const setDots = (next: string[]) => {
    if (key) getVotes(doc).set(key, next)
  }
  return [dots, setDots]
}

/** Dots per note in one vote (or over all votes when voteId is null). */
export function useTally(doc: Y.Doc, voteId: string | null): Map<string, number> {
  const version = useVotesVersion(doc)
  // biome-ignore lint/correctness/useExhaustiveDependencies: version marks a change in the map
  return useMemo(() => {
    const entries = getVotes(doc).entries()
    return voteId ? tally(entries, voteId) : tallyAll(entries)
  }, [doc, voteId, version])
}
