import { AMENDMENT_STANCES, type Amendment, type AmendmentStance } from '@stip/board/doc-model'
import { useId, useState } from 'react'
import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import type { MessageKey } from '../i18n/messages'
import { amendmentErrorMessage } from './amendment-error'
import { decideAmendment, respondToAmendment } from './amendments-api'

const STANCE_LABEL: Record<AmendmentStance, MessageKey> = {
  support: 'amend.stance.support',
  object: 'amend.stance.object',
  abstain: 'amend.stance.abstain',
}
const ANSWER_BUTTON: Record<AmendmentStance, MessageKey> = {
  support: 'amend.answer.support',
  object: 'amend.answer.object',
  abstain: 'amend.answer.abstain',
}

/**
 * One amendment: the passage struck through and its replacement, the reason, each other
 * organisation's answer; the answer buttons for a partner, accept and reject for the chair.
 */
export function AmendmentCard({
  amendment,
  speaksFor,
  frozen,
}: {
  amendment: Amendment
  /** The organisation this person answers for; null for the facilitator and viewers. */
  speaksFor: string | null
  frozen: boolean
}) {
  const { t, format, locale } = useI18n()
  const { boardId, token, participant, facilitator } = useBoardContext()
  const id = useId()
  const [line, setLine] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const access = { boardId, token }
  const answers = Object.values(amendment.responses)
  const mine = answers.find(
    (answer) => answer.organisationName.toLowerCase() === speaksFor?.toLowerCase(),
  )
  const own =
    speaksFor !== null && amendment.organisationName.toLowerCase() === speaksFor.toLowerCase()
  const open = amendment.status === 'open'
  const date = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  })

  const act = async (request: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await request()
      setLine('')
    } catch (caught) {
      setError(amendmentErrorMessage(caught, t, format))
    } finally {
      setBusy(false)
    }
  }

  return (
    <li className={`amendment is-${amendment.status}`} aria-labelledby={`${id}-title`}>
      <div className="amendment-head">
        <strong id={`${id}-title`}>{format('amend.number', { number: amendment.number })}</strong>
        <span>{format('amend.by', { organisation: amendment.organisationName })}</span>
        <span className={`amendment-status is-${amendment.status}`}>
          {t(`amend.status.${amendment.status}`)}
        </span>
      </div>
      <p className="amendment-change">
        <del>{amendment.original}</del>{' '}
        {amendment.replacement ? <ins>{amendment.replacement}</ins> : <em>{t('amend.removed')}</em>}
      </p>
      <p className="amendment-reason">{format('amend.reason', { reason: amendment.reason })}</p>
      {amendment.carriedFrom ? (
        <p className="amendment-carried">
          {format('amend.carried', {
            title: amendment.carriedFrom.title,
            number: amendment.carriedFrom.number,
          })}
        </p>
      ) : null}
      {answers.length > 0 ? (
        <ul className="amendment-answers" aria-label={t('amend.answers')}>
          {answers.map((answer) => (
            <li key={answer.organisationId} className={`amendment-answer is-${answer.stance}`}>
              <strong>{answer.organisationName}</strong> {t(STANCE_LABEL[answer.stance])}
              {answer.reason ? `: ${answer.reason}` : ''}
            </li>
          ))}
        </ul>
      ) : open ? (
        <p className="manifesto-hint">{t('amend.noAnswers')}</p>
      ) : null}
      {amendment.decision ? (
        <p className="amendment-decision">
          {format('amend.decided', { date: date.format(amendment.decision.at) })}
          {amendment.decision.note ? ` \u2013 ${amendment.decision.note}` : ''}
        </p>
      ) : null}
      {amendment.status === 'accepted' ? (
        <p className="amendment-credit">
          {format('amend.credited', { organisation: amendment.organisationName })}
        </p>
      ) : null}
      {open && speaksFor !== null && own ? (
        <p className="manifesto-hint">{t('amend.answer.own')}</p>
      ) : null}
      {open && speaksFor !== null && !own ? (
        <fieldset className="amendment-respond">
          <legend>{format('amend.answer.heading', { organisation: speaksFor })}</legend>
          <LineField label={t('amend.answer.reason')} value={line} onChange={setLine} />
          <div className="amendment-actions">
            {AMENDMENT_STANCES.map((stance) => (
              <button
                key={stance}
                type="button"
                className="button secondary small"
                disabled={busy}
                aria-pressed={mine?.stance === stance}
                onClick={() =>
                  void act(() =>
                    respondToAmendment(access, amendment.id, {
                      organisation: speaksFor,
                      name: participant.name,
                      stance,
                      reason: line,
                    }),
                  )
                }
              >
                {t(ANSWER_BUTTON[stance])}
              </button>
            ))}
          </div>
        </fieldset>
      ) : null}
      {open && facilitator ? (
        <fieldset className="amendment-decide">
          <legend className="visually-hidden">
            {format('amend.number', { number: amendment.number })}
          </legend>
          <LineField label={t('amend.decide.note')} value={line} onChange={setLine} />
          <div className="amendment-actions">
            <button
              type="button"
              className="button primary small"
              disabled={busy || frozen}
              aria-describedby={frozen ? `${id}-frozen` : undefined}
              onClick={() =>
                void act(() => decideAmendment(access, amendment.id, 'accepted', line))
              }
            >
              {t('amend.decide.accept')}
            </button>
            <button
              type="button"
              className="button secondary small"
              disabled={busy}
              onClick={() =>
                void act(() => decideAmendment(access, amendment.id, 'rejected', line))
              }
            >
              {t('amend.decide.reject')}
            </button>
          </div>
          {frozen ? (
            <p id={`${id}-frozen`} className="manifesto-hint">
              {t('amend.decide.frozen')}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      {error ? (
        <p className="manifesto-error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  )
}

/** The one line of reasoning (an answer) or note (a decision) that goes with a button. */
function LineField({
  label,
  value,
  onChange,
}: {
  label: string
  value: string
  onChange: (value: string) => void
}) {
  return (
    <label className="amendment-field">
      <span>{label}</span>
      <input
        type="text"
        value={value}
        maxLength={500}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  )
}
