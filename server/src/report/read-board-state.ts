import { getFacilitator, getVotes } from '@stip/board/doc-layout'
import { MANIFESTO_FROZEN_KEY } from '@stip/manifesto'
import type * as Y from 'yjs'

/*
 * The one place the exports read the session state the facilitator drives (votes, agenda,
 * silent round, the manifesto's freeze) from the board's Y.Doc. Shapes as the client writes
 * them today: client/src/facilitation/facilitator-state.ts and client/src/voting/vote-tally.ts.
 * When votes move out of the shared document, only this module changes.
 *
 * Everything is read defensively: any client may have written anything.
 */

export type VotePhase = 'open' | 'revealed' | 'closed'

export interface BoardVote {
  id: string
  /** The frame voted on; null for an earlier vote, whose settings the current one replaced. */
  frameId: string | null
  dotsPerPerson: number | null
  phase: VotePhase
  /** Dots per note id. Empty while the vote is open: counts are hidden until the reveal. */
  counts: Map<string, number>
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
  /** Votes whose results may be shown, earlier ones first, then the current one. */
  votes: BoardVote[]
  agenda: BoardAgenda | null
  /** The silent round whose notes are still hidden, if one is running. */
  hiddenSilentRound: string | null
  manifestoFrozen: boolean
}

type Obj = Record<string, unknown>
const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isNum = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)
const isStr = (value: unknown): value is string => typeof value === 'string'

function readAgenda(value: unknown): BoardAgenda | null {
  if (!isObj(value) || !Array.isArray(value.steps)) return null
  const steps: AgendaStep[] = []
  for (const step of value.steps) {
    if (!isObj(step) || !isStr(step.id) || !isStr(step.title)) continue
    steps.push({
      id: step.id,
      title: step.title,
      minutes: isNum(step.minutes) ? step.minutes : null,
      templateId: isStr(step.templateId) ? step.templateId : null,
    })
  }
  const current = value.currentStepId
  return {
    steps,
    currentStepId: isStr(current) && steps.some((s) => s.id === current) ? current : null,
  }
}

function readCurrentVote(value: unknown) {
  if (!isObj(value)) return null
  const { id, frameId, dotsPerPerson, phase } = value
  if (!isStr(id) || !isStr(frameId) || !isNum(dotsPerPerson)) return null
  if (phase !== 'open' && phase !== 'revealed' && phase !== 'closed') return null
  return { id, frameId, dotsPerPerson, phase: phase as VotePhase }
}

/**
 * Dots per vote from the votes map (`<voteId>:<userId>` → note ids). A new vote can only be
 * started once the current one is closed, and a closed vote shows its results to everyone,
 * so every vote but an open current one is reported with its counts.
 */
function readVotes(doc: Y.Doc, current: ReturnType<typeof readCurrentVote>): BoardVote[] {
  const byVote = new Map<string, { counts: Map<string, number>; voters: number }>()
  for (const [key, value] of getVotes(doc).entries()) {
    const split = key.indexOf(':')
    if (split <= 0 || !Array.isArray(value)) continue
    const voteId = key.slice(0, split)
    const dots = value.filter(isStr)
    let vote = byVote.get(voteId)
    if (!vote) {
      vote = { counts: new Map(), voters: 0 }
      byVote.set(voteId, vote)
    }
    if (dots.length > 0) vote.voters++
    for (const noteId of dots) vote.counts.set(noteId, (vote.counts.get(noteId) ?? 0) + 1)
  }
  const votes: BoardVote[] = []
  for (const [id, { counts, voters }] of byVote) {
    if (id === current?.id) continue
    votes.push({ id, frameId: null, dotsPerPerson: null, phase: 'closed', counts, voters })
  }
  if (current) {
    const tally = byVote.get(current.id)
    const hidden = current.phase === 'open'
    votes.push({
      ...current,
      counts: hidden || !tally ? new Map() : tally.counts,
      voters: tally?.voters ?? 0,
    })
  }
  return votes
}

export function readBoardState(doc: Y.Doc): BoardState {
  const facilitator = getFacilitator(doc)
  const round = facilitator.get('silentRound')
  const current = readCurrentVote(facilitator.get('vote'))
  return {
    votes: readVotes(doc, current),
    agenda: readAgenda(facilitator.get('agenda')),
    hiddenSilentRound: isObj(round) && round.active === true && isStr(round.id) ? round.id : null,
    manifestoFrozen: facilitator.get(MANIFESTO_FROZEN_KEY) === true,
  }
}
