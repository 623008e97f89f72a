import { commitmentsByOrganisation } from '@stip/board/doc-model'
import { useId, useMemo, useState } from 'react'
import { type CommitmentAccess, makeCommitment } from '../api/commitments-api'
import { useBoardContext } from '../board/board-context'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import { isNote } from '../notes/claim-note'
import { CommitmentItem } from './commitment-item'
import { FollowUpForm } from './follow-up-form'
import { SessionRoute } from './previous-session'
import { progressFailure } from './progress-failure'
import { useCommitmentCandidates } from './use-commitment-candidates'
import { useCommitments, useSessions } from './use-progress-doc'
import './progress.css'

/** As the server compares them: case and outer spaces do not count. */
const sameOrganisation = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl')

/**
 * The Voortgang tab: "Dit ga ik doen" notes become commitments with a person, a date and a
 * status, listed per organisation; each organisation updates its own. The facilitator marks
 * any note and starts the vervolgsessie.
 */
export function ProgressPanel() {
  const { t, format } = useI18n()
  const board = useBoardContext()
  const id = useId()
  const commitments = useCommitments()
  const { previous, next } = useSessions()
  const candidates = useCommitmentCandidates(board.editor)
  const [message, setMessage] = useState('')
  const access: CommitmentAccess = useMemo(
    () => ({ boardId: board.boardId, token: board.token }),
    [board.boardId, board.token],
  )
  const mine = board.participant.organisation
  const canWrite = board.role === 'facilitator' || board.role === 'editor'
  const marked = new Set(commitments.map((c) => c.noteId))
  const offered = candidates.filter(
    (note) =>
      !marked.has(note.id) && (board.facilitator || sameOrganisation(note.organisation, mine)),
  )
  const groups = commitmentsByOrganisation(commitments)

  const failure = (error: unknown) => progressFailure(error, t, format)

  async function make(noteId: string) {
    setMessage('')
    try {
      await makeCommitment(access, { noteId })
      setMessage(t('progress.made'))
    } catch (error) {
      setMessage(failure(error))
    }
  }

  function markSelected() {
    const selected = board.editor?.getSelectedShapes() ?? []
    const note = selected.length === 1 && isNote(selected[0]!) ? selected[0]! : null
    if (!note) {
      setMessage(t('progress.selectNote'))
      return
    }
    void make(note.id)
  }

  return (
    <div className="panel-stack progress-panel">
      <p className="hint">{t('progress.intro')}</p>
      {canWrite ? (
        <section className="panel-section" aria-labelledby={`${id}-candidates`}>
          <h3 id={`${id}-candidates`}>{t('progress.candidatesTitle')}</h3>
          <p className="hint">
            {board.facilitator
              ? t('progress.candidatesIntroAll')
              : fillTemplate(t('progress.candidatesIntroOwn'), { organisation: mine })}
          </p>
          {offered.length === 0 ? <p className="muted">{t('progress.noCandidates')}</p> : null}
          <ul className="progress-candidates">
            {offered.map((note) => (
              <li key={note.id} data-candidate={note.id}>
                <span>
                  {note.text}
                  {note.organisation ? <span className="hint"> · {note.organisation}</span> : null}
                </span>
                <button
                  type="button"
                  className="button secondary small"
                  aria-label={`${t('progress.makeCommitment')}: ${note.text}`}
                  onClick={() => void make(note.id)}
                >
                  {t('progress.makeCommitment')}
                </button>
              </li>
            ))}
          </ul>
          {board.facilitator ? (
            <div className="panel-actions">
              <button type="button" className="button quiet small" onClick={markSelected}>
                {t('progress.markSelected')}
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
      <p className="progress-message" aria-live="polite">
        {message}
      </p>
      <section className="panel-section" aria-labelledby={`${id}-list`}>
        <h3 id={`${id}-list`}>{t('progress.listTitle')}</h3>
        {groups.length === 0 ? <p className="muted">{t('progress.empty')}</p> : null}
        {groups.map((group) => (
          <div key={group.organisation} className="progress-organisation">
            <h4>{group.organisation}</h4>
            <ul className="progress-commitments">
              {group.commitments.map((commitment) => (
                <CommitmentItem
                  // Remounted on every stored change, so the fields show what the board holds.
                  key={`${commitment.id}:${commitment.updatedAt}`}
                  commitment={commitment}
                  access={access}
                  canChange={
                    canWrite &&
                    (board.facilitator || sameOrganisation(commitment.organisation, mine))
                  }
                  canRemove={board.facilitator}
                  onMessage={setMessage}
                />
              ))}
            </ul>
          </div>
        ))}
      </section>
      <SessionRoute previous={previous} next={next} />
      {board.facilitator && !next ? <FollowUpForm /> : null}
    </div>
  )
}
