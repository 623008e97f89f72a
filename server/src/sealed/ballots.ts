import { readVoteTally, writeVoteTally } from '@stip/board/vote-results'
import * as z from 'zod'
import { describeIssues } from '../boards/create-board-body'
import { httpError } from '../http/http-error'
import type { BallotRecord, BoardStore } from '../store/board-store'
import type { RoomRegistry } from '../sync/room-registry'
import { BoardRecords } from './board-records'
import { readVote, writeSessionState } from './session-state'

export interface BallotDeps {
  store: BoardStore
  registry: RoomRegistry
}

export const BallotBody = z.object({
  organisation: z.string().trim().min(1).max(80),
  dots: z.array(z.string().min(1).max(80)).max(20),
})

/** This voter's dots in a vote (none before their first). */
export async function readBallot(
  deps: BallotDeps,
  boardId: string,
  voteId: string,
  voterHash: string,
): Promise<string[]> {
  return (await deps.store.getBallot(boardId, voteId, voterHash))?.dots ?? []
}

/**
 * Replaces a voter's dots in the open vote (auth rule A9): only while the facilitator's vote
 * with this id is open, within its dots per person, on notes of its frame. Nobody else's
 * ballot can be read or changed; the board learns only how many people voted.
 */
export async function castBallot(
  deps: BallotDeps,
  boardId: string,
  voteId: string,
  voterHash: string,
  body: unknown,
): Promise<string[]> {
  const parsed = BallotBody.safeParse(body)
  if (!parsed.success) throw httpError(400, describeIssues(parsed.error))
  const { organisation, dots } = parsed.data
  const refusal = await deps.registry.inspectDocument(boardId, (doc) => {
    const vote = readVote(doc)
    if (!vote || vote.id !== voteId) return 'this vote is not the board\u2019s current vote'
    if (vote.phase !== 'open') return 'this vote is no longer open'
    if (dots.length > vote.dotsPerPerson) {
      return `a voter has ${vote.dotsPerPerson} dots in this vote`
    }
    const records = new BoardRecords(doc)
    const outside = dots.find((noteId) => !records.isNoteInside(noteId, vote.frameId))
    return outside ? `"${outside}" is not a note of the vote\u2019s frame` : null
  })
  if (refusal) throw httpError(409, refusal)
  const ballot: BallotRecord = {
    boardId,
    voteId,
    voterHash,
    organisation,
    dots,
    updatedAt: Date.now(),
  }
  await deps.store.putBallot(ballot)
  const voters = countVoters(await deps.store.listBallots(boardId, voteId))
  await deps.registry.changeDocument(boardId, (doc) => {
    if (readVote(doc)?.id !== voteId) return
    writeVoteTally(doc, { voteId, voters, counts: null, revealedAt: null })
  })
  return dots
}

/**
 * Ends the open vote as the facilitator asks: revealed (counts shown to everyone) or closed.
 * Ballots are refused from the moment the phase changes; then the counts per note are
 * written into the board once, from the kept ballots.
 */
export async function settleVote(
  deps: BallotDeps,
  boardId: string,
  voteId: string,
  phase: 'revealed' | 'closed',
): Promise<void> {
  const current = await deps.registry.changeDocument(boardId, (doc) => {
    const vote = readVote(doc)
    if (!vote || vote.id !== voteId) return false
    if (vote.phase !== phase) writeSessionState(doc, 'vote', { ...vote, phase })
    return true
  })
  if (!current) throw httpError(409, 'this vote is not the board\u2019s current vote')
  const ballots = await deps.store.listBallots(boardId, voteId)
  const counts: Record<string, number> = {}
  for (const ballot of ballots) {
    for (const noteId of ballot.dots) counts[noteId] = (counts[noteId] ?? 0) + 1
  }
  await deps.registry.changeDocument(boardId, (doc) => {
    if (readVoteTally(doc, voteId)?.counts) return
    writeVoteTally(doc, { voteId, voters: countVoters(ballots), counts, revealedAt: Date.now() })
  })
}

function countVoters(ballots: readonly BallotRecord[]): number {
  return ballots.filter((ballot) => ballot.dots.length > 0).length
}
