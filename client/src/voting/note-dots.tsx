import { parseVote, type VoteState } from '@stip/board/doc-model'
import { useEditor } from 'tldraw'
import { useBoardContext } from '../board/board-context'
import { useKeysKeptFromCanvas } from '../board/keep-keys-from-canvas'
import { useFacilitatorValue } from '../board/use-facilitator-value'
import { useSealedAccess } from '../board/use-sealed-access'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import { type BoardNote, useBoardNotes } from '../notes/use-board-notes'
import { useNoteAnchors } from '../notes/use-note-anchors'
import { useMyBallot } from './use-my-ballot'
import { useVoteTally } from './use-votes'
import { addDot, dotsLeft, liveDots, removeDot } from './vote-tally'
import './note-dots.css'

/*
 * The vote on the notes themselves: during an open vote a small control at each note's corner
 * with the person's own dots (one more, or one back), after the reveal the count and place.
 * Drawn in front of the canvas at the notes' page bounds (it follows pan and zoom) and never
 * written into the doc; the dots go through the same server-kept ballot as the Stemmen panel.
 */
export function NoteDots() {
  const board = useBoardContext()
  const vote = useFacilitatorValue(board.connection.doc, 'vote', parseVote)
  if (!vote || vote.phase === 'closed') return null
  return <DotsOfVote vote={vote} />
}

/**
 * Only mounted while a vote is on: reading every note's text is work per note on each
 * change of the page, which a board without a vote (and its first load) should not pay.
 */
function DotsOfVote({ vote }: { vote: VoteState }) {
  const board = useBoardContext()
  const notes = useBoardNotes(useEditor())
  // Notes hidden on this device (silent round, filter) get nothing: their text is private.
  const inFrame = notes.filter((note) => note.frameId === vote.frameId)
  const candidates = inFrame.filter((note) => !note.hidden)
  if (vote.phase === 'revealed') return <RevealedCounts vote={vote} candidates={candidates} />
  // A meekijker cannot vote and sees no counts before the reveal.
  if (board.readOnly) return null
  return <OpenVoteControls vote={vote} candidates={candidates} inFrame={inFrame} />
}

/** A note's top-right corner on screen; a note narrower than 40 px on screen gets no badge. */
const useCorners = (candidates: BoardNote[]) =>
  useNoteAnchors(
    candidates.map((note) => note.id),
    'top-right',
    40,
  )

function OpenVoteControls({
  vote,
  candidates,
  inFrame,
}: {
  vote: VoteState
  candidates: BoardNote[]
  inFrame: BoardNote[]
}) {
  const { t } = useI18n()
  const board = useBoardContext()
  const access = useSealedAccess()
  const ballot = useMyBallot(access, vote.id, board.participant.organisation, true)
  const corners = useCorners(candidates)
  const myDots = liveDots(ballot.dots, new Set(inFrame.map((note) => note.id)))
  const left = dotsLeft(myDots, vote.dotsPerPerson)
  // Enter and Space belong to these buttons, not to the board's shortcuts behind them.
  const keepKeys = useKeysKeptFromCanvas<HTMLDivElement>()

  return (
    <div className="note-dots" data-dots-left={left} ref={keepKeys}>
      {candidates.map((note) => {
        const corner = corners.get(note.id)
        if (!corner) return null
        const text = note.text || t('voting.emptyNote')
        const mine = myDots.filter((id) => id === note.id).length
        return (
          <div
            key={note.id}
            className="note-dot-control"
            data-note-id={note.id}
            data-dots={mine}
            style={{ left: corner.left, top: corner.top }}
          >
            {mine > 0 ? (
              <>
                <button
                  type="button"
                  className="note-dot-button note-dot-unvote"
                  aria-label={fillTemplate(t('voting.unvoteOn'), { text })}
                  onClick={() => ballot.setDots(removeDot(myDots, note.id))}
                >
                  <span className="note-dot-face" aria-hidden="true">
                    −
                  </span>
                </button>
                <span className="note-dot-mine">
                  <span aria-hidden="true">{'●'.repeat(Math.min(mine, 5))}</span>
                  {mine > 5 ? <span aria-hidden="true">{mine}</span> : null}
                  <span className="visually-hidden">
                    {fillTemplate(t('voting.myDots'), { n: mine })}
                  </span>
                </span>
              </>
            ) : null}
            <button
              type="button"
              className="note-dot-button note-dot-vote"
              disabled={left === 0}
              aria-label={fillTemplate(t('voting.voteOn'), { text })}
              onClick={() => ballot.setDots(addDot(myDots, note.id, vote.dotsPerPerson))}
            >
              <span className="note-dot-face" aria-hidden="true">
                +
              </span>
            </button>
          </div>
        )
      })}
    </div>
  )
}

function RevealedCounts({ vote, candidates }: { vote: VoteState; candidates: BoardNote[] }) {
  const { t, format } = useI18n()
  const board = useBoardContext()
  const tally = useVoteTally(board.connection.doc, vote.id)
  const corners = useCorners(candidates)
  if (!tally?.counts) return null
  const counts = tally.counts
  const countOf = (id: string) => counts[id] ?? 0

  return (
    <div className="note-dots">
      {candidates.map((note) => {
        const corner = corners.get(note.id)
        const count = countOf(note.id)
        if (!corner || count === 0) return null
        // Tied notes share a place; the next place skips as many (1, 1, 3).
        const rank = 1 + candidates.filter((other) => countOf(other.id) > count).length
        const text = note.text || t('voting.emptyNote')
        return (
          <div
            key={note.id}
            className="note-dot-count"
            data-note-id={note.id}
            data-count={count}
            data-rank={rank}
            role="img"
            aria-label={format('voting.noteResult', { text, n: count, rank })}
            style={{ left: corner.left, top: corner.top }}
          >
            <span className="note-dot-number">{count}</span>
            <span className="note-dot-rank">{format('voting.noteRank', { rank })}</span>
          </div>
        )
      })}
    </div>
  )
}
