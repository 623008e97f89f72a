import { parseAgenda, parseTimer, type TimerState, writeFacilitator } from '@stip/board/doc-model'
import { useId, useState } from 'react'
import { useBoardContext } from '../board/board-context'
import { useFacilitatorValue } from '../board/use-facilitator-value'
import { serverNow } from '../config/server-clock'
import { fillTemplate } from '../i18n/fill-template'
import { useI18n } from '../i18n/i18n-context'
import { NumberInput } from '../layout/number-input'
import { pauseTimer, resetTimer, resumeTimer, startTimer, timerRemainingMs } from './timer'
import { TimerDisplay } from './timer-display'

const PRESET_MINUTES = [5, 10, 15] as const

/** The timer for everyone; its buttons only for the facilitator (the server refuses others). */
export function TimerControls() {
  const { t } = useI18n()
  const board = useBoardContext()
  const doc = board.connection.doc
  const timer = useFacilitatorValue(doc, 'timer', parseTimer)
  const agenda = useFacilitatorValue(doc, 'agenda', parseAgenda)
  // A timer started during an agenda step carries its title, so everyone sees what it times.
  const stepTitle = agenda?.steps.find((step) => step.id === agenda.currentStepId)?.title
  const [custom, setCustom] = useState('20')
  const customId = useId()
  const write = (next: TimerState) => writeFacilitator(doc, 'timer', next)
  const start = (minutes: number) =>
    write(startTimer(Math.round(minutes * 60_000), serverNow(), stepTitle))
  const customMinutes = Number(custom)
  const customValid = Number.isFinite(customMinutes) && customMinutes > 0 && customMinutes <= 240

  return (
    <section className="panel-section" aria-labelledby={`${customId}-title`}>
      <h3 id={`${customId}-title`}>{t('session.timer')}</h3>
      {timer ? <TimerDisplay timer={timer} /> : <p className="muted">{t('session.timerNone')}</p>}
      {board.facilitator ? (
        <>
          <fieldset className="panel-actions plain-fieldset">
            <legend className="visually-hidden">{t('session.timerStartGroup')}</legend>
            {PRESET_MINUTES.map((minutes) => (
              <button
                key={minutes}
                type="button"
                className="button secondary small"
                onClick={() => start(minutes)}
              >
                {fillTemplate(t('session.timerMinutes'), { n: minutes })}
              </button>
            ))}
          </fieldset>
          <form
            className="panel-inline-form"
            onSubmit={(event) => {
              event.preventDefault()
              if (customValid) start(customMinutes)
            }}
          >
            <NumberInput
              id={customId}
              label={t('session.timerCustom')}
              min={1}
              max={240}
              value={custom}
              onChange={setCustom}
            />
            <button type="submit" className="button secondary small" disabled={!customValid}>
              {t('session.timerStart')}
            </button>
          </form>
          {timer ? (
            <div className="panel-actions">
              {timer.running ? (
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => write(pauseTimer(timer, serverNow()))}
                >
                  {t('session.timerPause')}
                </button>
              ) : (
                <button
                  type="button"
                  className="button secondary small"
                  disabled={timerRemainingMs(timer, serverNow()) === 0}
                  onClick={() => write(resumeTimer(timer, serverNow()))}
                >
                  {t('session.timerResume')}
                </button>
              )}
              <button
                type="button"
                className="button secondary small"
                onClick={() => write(resetTimer(timer))}
              >
                {t('session.timerReset')}
              </button>
            </div>
          ) : null}
        </>
      ) : (
        <p className="hint">{t('session.timerOnlyFacilitator')}</p>
      )}
    </section>
  )
}
