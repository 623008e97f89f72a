import { useCallback, useEffect, useRef, useState } from 'react'
import { fetchBallot, putBallot, type SealedAccess } from '../api/sealed-api'

export interface MyBallot {
  /** This person's dots as last confirmed by the server (or being sent). */
  dots: string[]
  /** Why the server refused the last change, if it did. */
  error: string | null
  /** Sends the new dots; shown at once, taken back if the server refuses them. */
  setDots(next: string[]): void
}

/**
 * This person's dots in the open vote, kept by the server (auth rule A9): read when the vote
 * opens or the page loads, replaced whole on each change. Changes are sent one at a time so
 * the last click is the one the server keeps.
 */
export function useMyBallot(
  access: SealedAccess,
  voteId: string,
  organisation: string,
  enabled: boolean,
): MyBallot {
  const [dots, setShown] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  const shown = useRef<string[]>([])
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  const latest = useRef(0)
  const show = useCallback((next: string[]) => {
    shown.current = next
    setShown(next)
  }, [])

  useEffect(() => {
    if (!enabled) return
    let active = true
    show([])
    fetchBallot(access, voteId).then(
      (stored) => active && show(stored),
      (reason: unknown) => active && setError(String((reason as Error).message ?? reason)),
    )
    return () => {
      active = false
    }
  }, [access, voteId, enabled, show])

  const setDots = useCallback(
    (next: string[]) => {
      const before = shown.current
      setError(null)
      show(next)
      const sent = ++latest.current
      // A later click already shows newer dots: only the last answer may replace them.
      queue.current = queue.current.then(() =>
        putBallot(access, voteId, organisation, next).then(
          (kept) => sent === latest.current && show(kept),
          (reason: unknown) => {
            show(before)
            setError(String((reason as Error).message ?? reason))
          },
        ),
      )
    },
    [access, voteId, organisation, show],
  )

  return { dots, error, setDots }
}
