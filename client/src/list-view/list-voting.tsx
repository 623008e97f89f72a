import type { VoteState } from '@stip/board/doc-model'
import type { ReactNode } from 'react'
import { useBoardContext } from '../board/board-context'
import { useSealedAccess } from '../board/use-sealed-access'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import { useBoardNotes } from '../notes/use-board-notes'
import { useMyBallot } from '../voting/use-my-ballot'
import { useVoteTally } from '../voting/use-votes'
import { addDot, dotsLeft, liveDots, removeDot } from '../voting/vote-tally'

/** An open vote as the list's notes need it. */
export interface ListVoting {
  frameId: string
  /** This person's dots on one note. */
  dotsOn(noteId: string): number
  left: number
  /** A dot on the note if it has none of this person's, else one taken back. */
  toggle(noteId: string): void
}

/**
 * This person's ballot in the open vote, through the same shared ballot as the Stemmen panel
 * and the dots on the canvas (use-my-ballot): one budget, kept by the server. Says how many dots
 * are left in a polite live region, so a screen reader hears it after each vote.
 */
export function ListBallot({
  vote,
  frameName,
  children,
}: {
  vote: VoteState
  frameName: string
  children(voting: ListVoting): ReactNode
}) {
  const { t, format } = useI18n()
  const board = useBoardContext()
  const access = useSealedAccess()
  const ballot = useMyBallot(access, vote.id, board.participant.organisation, true)
  // Every note in the frame, hidden ones too: a dot on a hidden note still counts.
  const inFrame = useBoardNotes(board.editor).filter((note) => note.frameId === vote.frameId)
  const myDots = liveDots(ballot.dots, new Set(inFrame.map((note) => note.id)))
  const left = dotsLeft(myDots, vote.dotsPerPerson)
  const voting: ListVoting = {
    frameId: vote.frameId,
    dotsOn: (noteId) => myDots.filter((id) => id === noteId).length,
    left,
    toggle: (noteId) =>
      ballot.setDots(
        myDots.includes(noteId)
          ? removeDot(myDots, noteId)
          : addDot(myDots, noteId, vote.dotsPerPerson),
      ),
  }
  return (
    <>
      <div className="list-vote-status">
        <p>{fillTemplate(t('list.voteOpen'), { name: frameName })}</p>
        <p className="dots-left" aria-live="polite">
          {format('voting.dotsLeft', { left, total: vote.dotsPerPerson })}
        </p>
        {ballot.error ? (
          <p className="form-error" role="alert">
            {fillTemplate(t('voting.notSaved'), { reason: ballot.error })}
          </p>
        ) : null}
      </div>
      {children(voting)}
    </>
  )
}

/** A note's dots and place once the vote is revealed. */
export interface ListResult {
  count: number
  rank: number
}

/**
 * The revealed vote's dots and places per note, as the canvas shows them on the notes: tied
 * notes share a place and the next place skips as many (1, 1, 3). Empty until the reveal.
 */
export function useListResults(vote: VoteState | null): ReadonlyMap<string, ListResult> {
  const { connection } = useBoardContext()
  const revealed = vote?.phase === 'revealed' ? vote.id : null
  const counts = useVoteTally(connection.doc, revealed)?.counts
  const results = new Map<string, ListResult>()
  if (!revealed || !counts) return results
  const all = Object.values(counts)
  for (const [noteId, count] of Object.entries(counts)) {
    if (count > 0) results.set(noteId, { count, rank: 1 + all.filter((n) => n > count).length })
  }
  return results
}
