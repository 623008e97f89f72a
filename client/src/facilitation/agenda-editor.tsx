import { type AgendaState, parseAgenda, writeFacilitator } from '@stip/board/doc-model'
import { isTemplateId, TEMPLATES } from '@stip/templates'
import { useId, useState } from 'react'
import { useBoardContext } from '../board/board-context'
import { useFacilitatorValue } from '../board/use-facilitator-value'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import { newId } from '../identity/random-id'
import { NumberInput } from '../layout/number-input'
import { addStep, advance, emptyAgenda, moveStep, removeStep } from './agenda'

/** The session's steps, the current one marked; the facilitator adds, reorders and advances. */
export function AgendaEditor() {
  const { t, locale } = useI18n()
  const board = useBoardContext()
  const doc = board.connection.doc
  const agenda = useFacilitatorValue(doc, 'agenda', parseAgenda) ?? emptyAgenda
  const [title, setTitle] = useState('')
  const [minutes, setMinutes] = useState('')
  const [templateId, setTemplateId] = useState('')
  const id = useId()
  const write = (next: AgendaState) => writeFacilitator(doc, 'agenda', next)
  const edit = board.facilitator

  return (
    <section className="panel-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('session.agenda')}</h3>
      {agenda.steps.length === 0 ? <p className="muted">{t('session.agendaEmpty')}</p> : null}
      <ol className="agenda-list">
        {agenda.steps.map((step, index) => {
          const current = step.id === agenda.currentStepId
          return (
            <li
              key={step.id}
              className="agenda-step"
              data-current={current}
              aria-current={current ? 'step' : undefined}
            >
              <div className="agenda-step-row">
                <span className="agenda-title">
                  {step.title}
                  {step.minutes ? <span className="muted"> · {step.minutes} min</span> : null}
                  {step.templateId && isTemplateId(step.templateId) ? (
                    <span className="muted"> · {TEMPLATES[step.templateId].title[locale]}</span>
                  ) : null}
                  {current ? (
                    <span className="agenda-now">{t('session.agendaCurrent')}</span>
                  ) : null}
                </span>
                {edit ? (
                  <span className="agenda-step-actions">
                    {current ? null : (
                      <button
                        type="button"
                        className="icon-button small"
                        aria-label={fillTemplate(t('session.agendaMakeCurrent'), {
                          title: step.title,
                        })}
                        onClick={() => write({ ...agenda, currentStepId: step.id })}
                      >
                        ▶
                      </button>
                    )}
                    <button
                      type="button"
                      className="icon-button small"
                      disabled={index === 0}
                      aria-label={fillTemplate(t('session.agendaUp'), { title: step.title })}
                      onClick={() => write(moveStep(agenda, step.id, -1))}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="icon-button small"
                      disabled={index === agenda.steps.length - 1}
                      aria-label={fillTemplate(t('session.agendaDown'), { title: step.title })}
                      onClick={() => write(moveStep(agenda, step.id, 1))}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="icon-button small"
                      aria-label={fillTemplate(t('session.agendaRemove'), { title: step.title })}
                      onClick={() => write(removeStep(agenda, step.id))}
                    >
                      ×
                    </button>
                  </span>
                ) : null}
              </div>
            </li>
          )
        })}
      </ol>
      {edit ? (
        <>
          {agenda.steps.length > 1 ? (
            <div className="panel-actions agenda-nav">
              <button
                type="button"
                className="button secondary small"
                onClick={() => write(advance(agenda, -1))}
              >
                {t('session.agendaPrevious')}
              </button>
              <button
                type="button"
                className="button primary small"
                onClick={() => write(advance(agenda, 1))}
              >
                {t('session.agendaNext')}
              </button>
            </div>
          ) : null}
          <form
            className="panel-form"
            onSubmit={(event) => {
              event.preventDefault()
              const trimmed = title.trim()
              if (!trimmed) return
              const n = Number(minutes)
              write(
                addStep(agenda, {
                  id: newId(),
                  title: trimmed.slice(0, 120),
                  ...(minutes && Number.isFinite(n) && n > 0 ? { minutes: n } : {}),
                  ...(isTemplateId(templateId) ? { templateId } : {}),
                }),
              )
              setTitle('')
              setMinutes('')
              setTemplateId('')
            }}
          >
            <div className="field">
              <label htmlFor={`${id}-step`}>{t('session.agendaStepTitle')}</label>
              <input
                id={`${id}-step`}
                className="text-input"
                value={title}
                maxLength={120}
                onChange={(event) => setTitle(event.target.value)}
              />
            </div>
            <div className="field">
              <NumberInput
                id={`${id}-minutes`}
                label={t('session.agendaStepMinutes')}
                min={1}
                max={240}
                value={minutes}
                onChange={setMinutes}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-template`}>{t('session.agendaStepTemplate')}</label>
              <select
                id={`${id}-template`}
                className="text-input"
                value={templateId}
                onChange={(event) => setTemplateId(event.target.value)}
              >
                <option value="">{t('session.agendaNoTemplate')}</option>
                {Object.values(TEMPLATES).map((template) => (
                  <option key={template.id} value={template.id}>
                    {template.title[locale]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button secondary small" disabled={!title.trim()}>
              {t('session.agendaAdd')}
            </button>
          </form>
        </>
      ) : null}
    </section>
  )
}
