import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react'
import { fetchBallot, putBallot, type SealedAccess } from '../api/sealed-api'

export interface MyBallot {
  /** This person's dots as last confirmed by the server (or being sent). */
  dots: string[]
  /** Why the server refused the last change, if it did. */
  error: string | null
  /** Sends the new dots; shown at once, taken back if the server refuses them. */
  setDots(next: string[]): void
}

interface BallotState {
  dots: string[]
  error: string | null
}

/**
 * One person's ballot in one vote, shared by every place that shows it (the Stemmen panel and
 * the dots on the notes), so a dot placed in one shows in the other and the budget is one.
 */
class SharedBallot {
  private state: BallotState = { dots: [], error: null }
  private readonly listeners = new Set<() => void>()
  private queue: Promise<unknown> = Promise.resolve()
  private latest = 0

  constructor(
    private readonly access: SealedAccess,
    private readonly voteId: string,
  ) {}

  readonly read = (): BallotState => this.state

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Reads the stored dots; a change sent meanwhile is newer and wins. */
  load(): () => void {
    let active = true
    const before = this.latest
    fetchBallot(this.access, this.voteId).then(
      (stored) => active && before === this.latest && this.show({ dots: stored }),
      (reason: unknown) => active && this.show({ error: reasonOf(reason) }),
    )
    return () => {
      active = false
    }
  }

  /** Changes are sent one at a time so the last click is the one the server keeps. */
  send(organisation: string, next: string[]): void {
    const before = this.state.dots
    this.show({ dots: next, error: null })
    const sent = ++this.latest
    this.queue = this.queue.then(() =>
      putBallot(this.access, this.voteId, organisation, next).then(
        // A later click already shows newer dots: only the last answer may replace them.
        (kept) => sent === this.latest && this.show({ dots: kept }),
        (reason: unknown) => this.show({ dots: before, error: reasonOf(reason) }),
      ),
    )
  }

  private show(next: Partial<BallotState>): void {
    this.state = { ...this.state, ...next }
    for (const listener of this.listeners) listener()
  }
}

const reasonOf = (reason: unknown) => String((reason as Error).message ?? reason)

const ballots = new Map<string, SharedBallot>()

function sharedBallot(access: SealedAccess, voteId: string): SharedBallot {
  const key = JSON.stringify([access.boardId, access.token, access.secret, voteId])
  let ballot = ballots.get(key)
  if (!ballot) {
    ballot = new SharedBallot(access, voteId)
    ballots.set(key, ballot)
  }
  return ballot
}

/**
 * This person's dots in the open vote, kept by the server (auth rule A9): read when the vote
 * opens or the page loads, replaced whole on each change.
 */
export function useMyBallot(
  access: SealedAccess,
  voteId: string,
  organisation: string,
  enabled: boolean,
): MyBallot {
  const ballot = useMemo(() => sharedBallot(access, voteId), [access, voteId])
  const { dots, error } = useSyncExternalStore(ballot.subscribe, ballot.read)

  useEffect(() => (enabled ? ballot.load() : undefined), [ballot, enabled])

  const setDots = useCallback(
    (next: string[]) => ballot.send(organisation, next),
    [ballot, organisation],
  )

  return { dots, error, setDots }
}
