import { parseVote, type VoteState, writeFacilitator } from '@stip/board/doc-model'
import { useId, useState } from 'react'
import { type TLFrameShape, type TLShapeId, useValue } from 'tldraw'
import { settleVote } from '../api/sealed-api'
import { useBoardContext } from '../board/board-context'
import { useFacilitatorValue } from '../board/use-facilitator-value'
import { useSealedAccess } from '../board/use-sealed-access'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import { newId } from '../identity/random-id'
import { NumberInput } from '../layout/number-input'
import { useBoardNotes } from '../notes/use-board-notes'
import { Ballot } from './ballot'
import { selectedWerkvorm } from './selected-werkvorm'
import { VoteResults } from './vote-results'

/** The Stemmen tab: start a vote on a frame, place and take back dots, reveal, promote. */
export function VotingPanel() {
  const { t } = useI18n()
  const board = useBoardContext()
  const vote = useFacilitatorValue(board.connection.doc, 'vote', parseVote)
  const notes = useBoardNotes(board.editor)
  const frameName = useValue('stip vote frame', () => {
    if (!vote || !board.editor) return null
    const frame = board.editor.getShape<TLFrameShape>(vote.frameId as TLShapeId)
    return frame ? frame.props.name : null
  }, [vote?.frameId, board.editor])
  // Notes hidden on this device (silent round, filter) are not offered: their text is private.
  const inFrame = vote ? notes.filter((note) => note.frameId === vote.frameId) : []
  const candidates = inFrame.filter((note) => !note.hidden)
  const frameNoteIds = new Set<string>(inFrame.map((note) => note.id))

  return (
    <div className="panel-stack">
      {vote ? (
        <section className="panel-section" aria-label={t('voting.tab')}>
          <p className="vote-phase" data-phase={vote.phase}>
            <strong>{t(phaseKey[vote.phase])}</strong>
            {' · '}
            {fillTemplate(t('voting.frame'), { name: frameName || t('voting.untitledFrame') })}
          </p>
          {vote.phase === 'open' ? (
            <Ballot vote={vote} candidates={candidates} frameNoteIds={frameNoteIds} />
          ) : (
            <VoteResults vote={vote} candidates={candidates} />
          )}
          {board.facilitator ? <PhaseControls vote={vote} /> : null}
        </section>
      ) : (
        <p className="muted">{t('voting.none')}</p>
      )}
      {board.facilitator && (!vote || vote.phase === 'closed') ? <StartVote /> : null}
    </div>
  )
}

const phaseKey = {
  open: 'voting.open',
  revealed: 'voting.revealed',
  closed: 'voting.closed',
} as const

/** Reveal and close go through the server: it stops taking ballots and writes the counts. */
function PhaseControls({ vote }: { vote: VoteState }) {
  const { t } = useI18n()
  const access = useSealedAccess()
  const [error, setError] = useState<string | null>(null)
  const set = (phase: 'revealed' | 'closed') => {
    setError(null)
    settleVote(access, vote.id, phase).catch((reason: unknown) =>
      setError(String((reason as Error).message ?? reason)),
    )
  }
  if (vote.phase === 'closed') return null
  return (
    <div className="panel-actions">
      {error ? (
        <p className="form-error" role="alert">
          {fillTemplate(t('voting.phaseFailed'), { reason: error })}
        </p>
      ) : null}
      {vote.phase === 'open' ? (
        <button type="button" className="button primary small" onClick={() => set('revealed')}>
          {t('voting.reveal')}
        </button>
      ) : null}
      <button type="button" className="button secondary small" onClick={() => set('closed')}>
        {t('voting.close')}
      </button>
    </div>
  )
}

function StartVote() {
  const { t } = useI18n()
  const board = useBoardContext()
  const id = useId()
  const [dots, setDots] = useState('3')
  const frame = useValue(
    'stip selected werkvorm',
    () => (board.editor ? selectedWerkvorm(board.editor) : null),
    [board.editor],
  )
  const dotsPerPerson = Number(dots)
  const valid = frame !== null && Number.isInteger(dotsPerPerson) && dotsPerPerson >= 1

  return (
    <form
      className="panel-section panel-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault()
        if (!valid || !frame) return
        writeFacilitator(board.connection.doc, 'vote', {
          id: newId(),
          frameId: frame.id,
          dotsPerPerson: Math.min(dotsPerPerson, 20),
          phase: 'open',
          startedAt: Date.now(),
        })
      }}
    >
      <h3 id={`${id}-title`}>{t('voting.start')}</h3>
      <p className="hint" aria-live="polite">
        {frame
          ? fillTemplate(t('voting.frame'), { name: frame.name || t('voting.untitledFrame') })
          : t('voting.selectFrame')}
      </p>
      <div className="field">
        <NumberInput
          id={`${id}-dots`}
          label={t('voting.dotsPerPerson')}
          min={1}
          max={20}
          value={dots}
          onChange={setDots}
        />
      </div>
      <button type="submit" className="button primary small" disabled={!valid}>
        {t('voting.startButton')}
      </button>
    </form>
  )
}
