import type * as Y from 'yjs'
import { getVotes } from './doc-layout'

/**
 * What the board's `votes` map holds: per vote, written by the server alone. Before the reveal
 * only how many people voted; dots per note appear when the facilitator reveals the vote (the
 * ballots themselves stay with the server, see server/src/sealed/).
 */
export interface VoteTally {
  voteId: string
  /** People who placed at least one dot. */
  voters: number
  /** Dots per note id; null until the vote is revealed. */
  counts: Record<string, number> | null
  revealedAt: number | null
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0

/** A vote's tally as stored, or null when it is missing or malformed. */
export function parseVoteTally(value: unknown): VoteTally | null {
  if (typeof value !== 'object' || value === null) return null
  const { voteId, voters, counts, revealedAt } = value as Record<string, unknown>
  if (typeof voteId !== 'string' || !isCount(voters)) return null
  let parsedCounts: Record<string, number> | null = null
  if (counts !== null) {
    if (typeof counts !== 'object' || counts === undefined) return null
    parsedCounts = {}
    for (const [noteId, count] of Object.entries(counts as object)) {
      if (isCount(count)) parsedCounts[noteId] = count
    }
  }
  return {
    voteId,
    voters,
    counts: parsedCounts,
    revealedAt: typeof revealedAt === 'number' ? revealedAt : null,
  }
}

export function readVoteTally(doc: Y.Doc, voteId: string): VoteTally | null {
  return parseVoteTally(getVotes(doc).get(voteId))
}

/** Every revealed vote's dots per note, added up (for who-is-heard). */
export function revealedDotsPerNote(doc: Y.Doc): Map<string, number> {
  const dots = new Map<string, number>()
  for (const value of getVotes(doc).values()) {
    const tally = parseVoteTally(value)
    if (!tally?.counts) continue
    for (const [noteId, count] of Object.entries(tally.counts)) {
      dots.set(noteId, (dots.get(noteId) ?? 0) + count)
    }
  }
  return dots
}

/** Writes a vote's tally (server only: clients may not write `votes`). */
export function writeVoteTally(doc: Y.Doc, tally: VoteTally): void {
  getVotes(doc).set(tally.voteId, tally)
}
