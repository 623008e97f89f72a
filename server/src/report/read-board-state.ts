import {
  FacilitatorKey,
  getFacilitator,
  getVotes,
  isManifestoFrozen,
  parseAgenda,
  parseSilentRound,
  parseVote,
  parseVoteTally,
  type VotePhase,
  type VoteState,
} from '@stip/board/doc-model'
import type * as Y from 'yjs'

/*
 * The one place the exports read the session state the facilitator drives (votes, agenda,
 * silent round, the manifesto's freeze) from the board's Y.Doc. The facilitator map holds the
 * current vote, the agenda and the silent round (packages/board/src/doc-model/facilitator-state.ts);
 * the votes map holds one tally per vote, written by the server alone: how many voted, and the
 * dots per note once the vote is revealed or closed (packages/board/src/vote-results.ts). The
 * ballots themselves stay with the server and never reach a report.
 *
 * Everything is read defensively: any client may have written anything it was allowed to.
 */

export interface BoardVote {
  id: string
  /** The frame voted on; null for an earlier vote, whose settings the current one replaced. */
  frameId: string | null
  dotsPerPerson: number | null
  phase: VotePhase
  /** Dots per note id; null while the counts are not shown (the vote is still open). */
  counts: Map<string, number> | null
  /** How many people placed at least one dot. */
  voters: number
}

export interface AgendaStep {
  id: string
  title: string
  minutes: number | null
  templateId: string | null
}

export interface BoardAgenda {
  steps: AgendaStep[]
  currentStepId: string | null
}

export interface BoardState {
  /** Every vote held, earlier ones first, then the current one. */
  votes: BoardVote[]
  agenda: BoardAgenda | null
  /** The silent round whose notes are still hidden, if one is running. */
  hiddenSilentRound: string | null
  manifestoFrozen: boolean
}

function readAgenda(value: unknown): BoardAgenda | null {
  const agenda = parseAgenda(value)
  if (!agenda) return null
  return {
    steps: agenda.steps.map((step) => ({
      id: step.id,
      title: step.title,
      minutes: step.minutes ?? null,
      templateId: step.templateId ?? null,
    })),
    currentStepId: agenda.currentStepId,
  }
}

/** The tallies in the votes map; the facilitator's current vote names its frame and phase. */
function readVotes(doc: Y.Doc, current: VoteState | null): BoardVote[] {
  const votes: BoardVote[] = []
  for (const value of getVotes(doc).values()) {
    const tally = parseVoteTally(value)
    if (!tally || tally.voteId === current?.id) continue
    votes.push({
      id: tally.voteId,
      frameId: null,
      dotsPerPerson: null,
      // A new vote starts only once the one before is closed.
      phase: 'closed',
      counts: tally.counts ? new Map(Object.entries(tally.counts)) : null,
      voters: tally.voters,
    })
  }
  if (current) {
    const tally = parseVoteTally(getVotes(doc).get(current.id))
    // Counts are shown only once revealed; whatever an open vote's tally holds stays out.
    const counts = current.phase !== 'open' && tally?.counts ? tally.counts : null
    const { id, frameId, dotsPerPerson, phase } = current
    votes.push({
      id,
      frameId,
      dotsPerPerson,
      phase,
      counts: counts ? new Map(Object.entries(counts)) : null,
      voters: tally?.voters ?? 0,
    })
  }
  return votes
}

export function readBoardState(doc: Y.Doc): BoardState {
  const facilitator = getFacilitator(doc)
  const round = parseSilentRound(facilitator.get(FacilitatorKey.silentRound))
  const current = parseVote(facilitator.get(FacilitatorKey.vote))
  return {
    votes: readVotes(doc, current),
    agenda: readAgenda(facilitator.get(FacilitatorKey.agenda)),
    hiddenSilentRound: round?.active ? round.id : null,
    manifestoFrozen: isManifestoFrozen(doc),
  }
}
