import { type FormEvent, useId, useState } from 'react'
import type { BoardOrganisation } from '../api/boards-api'
import { colorInBoard, findBoardOrganisation } from '../board/organisation-in-board'
import { useI18n } from '../i18n/i18n-context'
import { organisationSuggestions, roleSuggestions } from '../i18n/messages'
import { normaliseParticipant, type Participant } from '../identity/participant'

export interface ParticipantFormProps {
  initial: Participant | null
  submitLabel: string
  onSubmit(participant: Participant): void
  onCancel?: () => void
  /** The board's organisations: when there are any, the organisation is chosen among them. */
  organisations?: readonly BoardOrganisation[]
  /** A signing link's organisation: shown, not chosen. */
  fixedOrganisation?: string
}

/** Name, organisation and role; used on the join screen and in the "your details" dialog. */
export function ParticipantForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  organisations = [],
  fixedOrganisation,
}: ParticipantFormProps) {
  const { t, locale } = useI18n()
  const id = useId()
  const [name, setName] = useState(initial?.name ?? '')
  const choose = organisations.length > 0
  const [organisation, setOrganisation] = useState(() => {
    if (fixedOrganisation) return fixedOrganisation
    const previous = initial?.organisation ?? ''
    if (!choose) return previous
    return findBoardOrganisation(previous, organisations)?.name ?? ''
  })
  const [role, setRole] = useState(initial?.role ?? '')
  const [error, setError] = useState(false)

  function submit(event: FormEvent) {
    event.preventDefault()
    const participant = normaliseParticipant({ name, organisation, role })
    if (!participant) {
      setError(true)
      return
    }
    onSubmit(participant)
  }

  return (
    <form className="participant-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('join.name')}</label>
        <input
          id={`${id}-name`}
          name="name"
          autoComplete="name"
          required
          maxLength={80}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error && !name.trim()}
          // biome-ignore lint/a11y/noAutofocus: the form is the only thing on the join screen
          autoFocus
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-org`}>{t('join.organisation')}</label>
        <div className="field-with-swatch">
          <span
            className="swatch"
            aria-hidden="true"
            style={{
              background: organisation.trim()
                ? colorInBoard(organisation, organisations)
                : 'transparent',
            }}
          />
          {fixedOrganisation ? (
            <input
              id={`${id}-org`}
              name="organisation"
              readOnly
              value={fixedOrganisation}
              aria-describedby={`${id}-org-hint`}
            />
          ) : choose ? (
            <select
              id={`${id}-org`}
              name="organisation"
              required
              value={organisation}
              onChange={(e) => setOrganisation(e.target.value)}
              aria-describedby={`${id}-org-hint`}
              aria-invalid={error && !organisation.trim()}
            >
              <option value="">{t('join.organisationChoose')}</option>
              {organisations.map((option) => (
                <option key={option.id} value={option.name}>
                  {option.name}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={`${id}-org`}
              name="organisation"
              autoComplete="organization"
              required
              maxLength={80}
              list={`${id}-org-list`}
              value={organisation}
              onChange={(e) => setOrganisation(e.target.value)}
              aria-describedby={`${id}-org-hint`}
              aria-invalid={error && !organisation.trim()}
            />
          )}
        </div>
        {choose || fixedOrganisation ? null : (
          <datalist id={`${id}-org-list`}>
            {organisationSuggestions.map((option) => (
              <option key={option} value={option} />
            ))}
          </datalist>
        )}
        <p className="hint" id={`${id}-org-hint`}>
          {fixedOrganisation
            ? t('join.organisationFromLink')
            : choose
              ? t('join.organisationFromBoard')
              : t('join.organisationHint')}
        </p>
      </div>
      <div className="field">
        {/* Someone who signs is asked for the position that goes under the signature. */}
        <label htmlFor={`${id}-role`}>{t(fixedOrganisation ? 'join.function' : 'join.role')}</label>
        <input
          id={`${id}-role`}
          name="role"
          maxLength={80}
          list={`${id}-role-list`}
          value={role}
          onChange={(e) => setRole(e.target.value)}
          aria-describedby={`${id}-role-hint`}
        />
        <datalist id={`${id}-role-list`}>
          {roleSuggestions[locale].map((option) => (
            <option key={option} value={option} />
          ))}
        </datalist>
        <p className="hint" id={`${id}-role-hint`}>
          {t(fixedOrganisation ? 'join.functionHint' : 'join.roleHint')}
        </p>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {t('join.required')}
        </p>
      ) : null}
      <div className="form-actions">
        {onCancel ? (
          <button type="button" className="button secondary" onClick={onCancel}>
            {t('join.cancel')}
          </button>
        ) : null}
        <button type="submit" className="button primary">
          {submitLabel}
        </button>
      </div>
    </form>
  )
}
