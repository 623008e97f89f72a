import type { VotePhase } from '@stip/board/doc-model'
import { richTextToPlain } from './note-text'
import type { BoardAgenda, BoardVote } from './read-board-state'

export interface ReportVoteResult {
  text: string
  author: string
  organisation: string | null
  dots: number
}

export interface ReportVote {
  /** The frame voted on, by its name on the board; null for an earlier, unnamed round. */
  frameName: string | null
  phase: VotePhase
  dotsPerPerson: number | null
  voters: number
  /** False while the counts are not shown (the vote is still open). */
  shown: boolean
  /** Notes with at least one dot, most first (ties in the board's order). */
  results: ReportVoteResult[]
}

export interface ReportAgendaStep {
  title: string
  minutes: number | null
  /** done: before the step the session is at; current: that step; later: not reached. */
  state: 'done' | 'current' | 'later'
}

type RecordLike = { id?: unknown; type?: unknown; props?: unknown; meta?: unknown }

const obj = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}

/**
 * Vote results as the Stemmen tab shows them after the reveal. A note of a silent round that is
 * still hidden keeps its dots out of the report as well as its text.
 */
export function reportVotes(
  votes: readonly BoardVote[],
  records: ReadonlyMap<string, unknown>,
  hiddenRound: string | null,
): ReportVote[] {
  return votes.map((vote) => {
    const frame = vote.frameId ? obj(records.get(vote.frameId)) : null
    const frameName = frame ? String(obj(frame.props).name ?? '') : null
    const results: Array<ReportVoteResult & { order: number }> = []
    let order = 0
    for (const [noteId, dots] of vote.counts ?? []) {
      const note = records.get(noteId) as RecordLike | undefined
      if (note?.type !== 'note' || dots <= 0) continue
      const meta = obj(note.meta)
      if (hiddenRound && meta.silentRoundId === hiddenRound) continue
      results.push({
        text: richTextToPlain(obj(note.props).richText),
        author: typeof meta.authorName === 'string' ? meta.authorName : '',
        organisation: typeof meta.organisation === 'string' ? meta.organisation : null,
        dots,
        order: order++,
      })
    }
    results.sort((a, b) => b.dots - a.dots || a.order - b.order)
    return {
      frameName,
      phase: vote.phase,
      dotsPerPerson: vote.dotsPerPerson,
      voters: vote.voters,
      shown: vote.counts !== null,
      results: results.map(({ order: _order, ...result }) => result),
    }
  })
}

/** The agenda as the facilitator ran it: steps before the current one count as done. */
export function reportAgenda(agenda: BoardAgenda | null): ReportAgendaStep[] {
  if (!agenda) return []
  const current = agenda.steps.findIndex((step) => step.id === agenda.currentStepId)
  return agenda.steps.map((step, index) => ({
    title: step.title,
    minutes: step.minutes,
    state: index < current ? 'done' : index === current ? 'current' : 'later',
  }))
}
