import type { VoteState } from '@stip/board/doc-model'
import { useValue } from 'tldraw'
import { useBoardContext } from '../board/board-context'
import { useSealedAccess } from '../board/use-sealed-access'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import type { BoardNote } from '../notes/use-board-notes'
import { useMyBallot } from './use-my-ballot'
import { useVoteTally } from './use-votes'
import { addDot, dotsLeft, liveDots, removeDot } from './vote-tally'

/**
 * An open vote as one person sees it: their dots left and the notes of the frame, each with
 * "Stem" and "Stip terug". The dots go to the server (use-my-ballot); the board learns only
 * how many people voted until the facilitator reveals the counts.
 */
export function Ballot({
  vote,
  candidates,
  frameNoteIds,
}: {
  vote: VoteState
  candidates: BoardNote[]
  /** Every note in the frame, also those hidden here: a dot on a hidden note still counts. */
  frameNoteIds: ReadonlySet<string>
}) {
  const { t, format } = useI18n()
  const board = useBoardContext()
  const canVote = !board.readOnly
  const access = useSealedAccess()
  const ballot = useMyBallot(access, vote.id, board.participant.organisation, canVote)
  const voters = useVoteTally(board.connection.doc, vote.id)?.voters ?? 0
  const setMyDots = ballot.setDots
  const myDots = liveDots(ballot.dots, frameNoteIds)
  const left = dotsLeft(myDots, vote.dotsPerPerson)
  const selectedNote = useValue('stip selected note', () => {
    const selected = board.editor?.getOnlySelectedShape()
    return selected?.type === 'note' ? selected.id : null
  }, [board.editor])
  const selectedCandidate = candidates.find((note) => note.id === selectedNote)
  const vote1 = (noteId: string) => setMyDots(addDot(myDots, noteId, vote.dotsPerPerson))

  return (
    <>
      {canVote ? (
        <p className="dots-left" aria-live="polite">
          {format('voting.dotsLeft', { left, total: vote.dotsPerPerson })}
        </p>
      ) : (
        <p className="hint">{t('voting.viewerCannotVote')}</p>
      )}
      <p className="hint vote-progress" data-voters={voters}>
        {format('voting.voters', { n: voters })} {t('voting.hiddenNotice')}
      </p>
      {ballot.error ? (
        <p className="form-error" role="alert">
          {fillTemplate(t('voting.notSaved'), { reason: ballot.error })}
        </p>
      ) : null}
      {canVote ? (
        <div className="panel-actions">
          <button
            type="button"
            className="button secondary small"
            disabled={!selectedCandidate || left === 0}
            onClick={() => selectedCandidate && vote1(selectedCandidate.id)}
          >
            {t('voting.voteSelected')}
          </button>
        </div>
      ) : null}
      <h3>{t('voting.notes')}</h3>
      {candidates.length === 0 ? <p className="muted">{t('voting.noNotes')}</p> : null}
      <ul className="ballot-list">
        {candidates.map((note) => {
          const text = note.text || t('voting.emptyNote')
          const mine = myDots.filter((id) => id === note.id).length
          return (
            <li key={note.id} className="ballot-item" data-note-id={note.id}>
              <span className="ballot-text">{text}</span>
              <span className="ballot-mine" data-dots={mine}>
                {'●'.repeat(mine)}
                <span className="visually-hidden">
                  {fillTemplate(t('voting.myDots'), { n: mine })}
                </span>
              </span>
              {canVote ? (
                <span className="ballot-actions">
                  <button
                    type="button"
                    className="button secondary small"
                    disabled={left === 0}
                    aria-label={fillTemplate(t('voting.voteOn'), { text })}
                    onClick={() => vote1(note.id)}
                  >
                    {t('voting.vote')}
                  </button>
                  <button
                    type="button"
                    className="button quiet small"
                    disabled={mine === 0}
                    aria-label={fillTemplate(t('voting.unvoteOn'), { text })}
                    onClick={() => setMyDots(removeDot(myDots, note.id))}
                  >
                    {t('voting.unvote')}
                  </button>
                </span>
              ) : null}
            </li>
          )
        })}
      </ul>
    </>
  )
}
