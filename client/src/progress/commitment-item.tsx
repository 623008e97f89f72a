import { COMMITMENT_STATUSES, type Commitment, type CommitmentStatus } from '@stip/board/doc-model'
import { useId, useState } from 'react'
import { type CommitmentAccess, changeCommitment, removeCommitment } from '../api/commitments-api'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import { progressFailure } from './progress-failure'

export interface CommitmentItemProps {
  commitment: Commitment
  access: CommitmentAccess
  /** Its own organisation or the facilitator: the server allows no one else. */
  canChange: boolean
  canRemove: boolean
  /** What happened, said in the tab's live region (this item remounts on every change). */
  onMessage(message: string): void
}

/** One commitment: what, who, when and its status; editable by its organisation. */
export function CommitmentItem({
  commitment,
  access,
  canChange,
  canRemove,
  onMessage,
}: CommitmentItemProps) {
  const { t, format } = useI18n()
  const id = useId()
  const [person, setPerson] = useState(commitment.person)
  const [due, setDue] = useState(commitment.due ?? '')
  const [status, setStatus] = useState<CommitmentStatus>(commitment.status)
  const [busy, setBusy] = useState(false)
  const statusLabel = (value: CommitmentStatus) => t(`progress.status.${value}`)
  const changed =
    person.trim() !== commitment.person ||
    (due || null) !== commitment.due ||
    status !== commitment.status

  async function save(event: React.FormEvent) {
    event.preventDefault()
    setBusy(true)
    onMessage('')
    try {
      await changeCommitment(access, commitment.id, {
        status,
        person: person.trim() || commitment.person,
        due: due || null,
      })
      onMessage(t('progress.saved'))
    } catch (error) {
      onMessage(failure(error))
    } finally {
      setBusy(false)
    }
  }

  async function remove() {
    setBusy(true)
    try {
      await removeCommitment(access, commitment.id)
    } catch (error) {
      onMessage(failure(error))
      setBusy(false)
    }
  }

  const failure = (error: unknown) => progressFailure(error, t, format)

  return (
    <li className="commitment-item" data-commitment={commitment.id} data-status={commitment.status}>
      <p className="commitment-text">
        {commitment.text}
        {commitment.carriedFrom ? (
          <span className="commitment-carried"> · {t('progress.carried')}</span>
        ) : null}
      </p>
      {canChange ? (
        <form
          className="commitment-form"
          onSubmit={save}
          aria-label={fillTemplate(t('progress.editFor'), {
            organisation: commitment.organisation,
            text: commitment.text,
          })}
        >
          <label htmlFor={`${id}-person`}>{t('progress.person')}</label>
          <input
            id={`${id}-person`}
            value={person}
            maxLength={80}
            onChange={(event) => setPerson(event.target.value)}
          />
          <label htmlFor={`${id}-due`}>{t('progress.due')}</label>
          <input
            id={`${id}-due`}
            type="date"
            value={due}
            onChange={(event) => setDue(event.target.value)}
          />
          <label htmlFor={`${id}-status`}>{t('progress.status')}</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(event) => setStatus(event.target.value as CommitmentStatus)}
          >
            {COMMITMENT_STATUSES.map((value) => (
              <option key={value} value={value}>
                {statusLabel(value)}
              </option>
            ))}
          </select>
          <div className="panel-actions">
            <button type="submit" className="button primary small" disabled={busy || !changed}>
              {t('progress.save')}
            </button>
            {canRemove ? (
              <button
                type="button"
                className="button quiet small"
                disabled={busy}
                onClick={() => void remove()}
              >
                {t('progress.remove')}
              </button>
            ) : null}
          </div>
        </form>
      ) : (
        <p className="commitment-facts">
          {t('progress.person')}: {commitment.person} · {t('progress.due')}:{' '}
          {commitment.due ?? t('progress.noDue')} ·{' '}
          <strong className="commitment-status">{statusLabel(commitment.status)}</strong>
          <span className="hint">
            {fillTemplate(t('progress.notYours'), { organisation: commitment.organisation })}
          </span>
        </p>
      )}
    </li>
  )
}
