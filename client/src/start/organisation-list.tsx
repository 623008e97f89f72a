import { useId } from 'react'
import { useI18n } from '../i18n/i18n-context'
import { organisationSuggestions } from '../i18n/messages'
import { randomId } from '../identity/random-id'
import { colorForNewOrganisation, type OrganisationDraft } from './organisation-draft'

const MAX_ORGANISATIONS = 16

/** The partner organisations of a new board: quick-add chips and editable rows (name + colour). */
export function OrganisationList({
  drafts,
  onChange,
}: {
  drafts: OrganisationDraft[]
  onChange(next: OrganisationDraft[]): void
}) {
  const { t } = useI18n()
  const id = useId()
  const names = new Set(drafts.map((draft) => draft.name.trim().toLowerCase()))
  const full = drafts.length >= MAX_ORGANISATIONS

  function add(name: string) {
    if (full) return
    const draft: OrganisationDraft = {
      key: randomId(),
      name,
      color: colorForNewOrganisation(
        name,
        drafts.map((d) => d.color),
      ),
    }
    onChange([...drafts, draft])
  }
  function update(key: string, change: Partial<OrganisationDraft>) {
    onChange(drafts.map((draft) => (draft.key === key ? { ...draft, ...change } : draft)))
  }

  return (
    <fieldset className="field-group" aria-describedby={`${id}-hint`}>
      <legend>{t('start.organisations')}</legend>
      <p className="hint" id={`${id}-hint`}>
        {t('start.organisationsHint')}
      </p>
      <div className="chips">
        <span className="chips-label" id={`${id}-chips`}>
          {t('start.suggestions')}
        </span>
        {organisationSuggestions
          .filter((name) => !names.has(name.toLowerCase()))
          .map((name) => (
            <button
              key={name}
              type="button"
              className="chip"
              disabled={full}
              aria-label={`${t('start.addSuggestion')} ${name}`}
              onClick={() => add(name)}
            >
              <span aria-hidden="true">+</span> {name}
            </button>
          ))}
      </div>
      {drafts.length === 0 ? (
        <p className="hint empty-note">{t('start.noOrganisations')}</p>
      ) : (
        <ul className="organisation-rows">
          {drafts.map((draft, index) => (
            <li key={draft.key} className="organisation-row">
              <input
                type="color"
                className="color-input"
                value={draft.color}
                aria-label={`${t('start.organisationColor')} ${draft.name || index + 1}`}
                onChange={(event) => update(draft.key, { color: event.target.value })}
              />
              <input
                className="text-input"
                value={draft.name}
                maxLength={60}
                aria-label={`${t('start.organisationName')} ${index + 1}`}
                onChange={(event) => update(draft.key, { name: event.target.value })}
              />
              <button
                type="button"
                className="button quiet"
                aria-label={`${t('start.removeOrganisation')}: ${draft.name || index + 1}`}
                onClick={() => onChange(drafts.filter((d) => d.key !== draft.key))}
              >
                {t('start.removeOrganisation')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div>
        <button
          type="button"
          className="button secondary small"
          disabled={full}
          onClick={() => add('')}
        >
          + {t('start.addOrganisation')}
        </button>
      </div>
    </fieldset>
  )
}
