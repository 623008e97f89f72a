import type { TimerState } from '@stip/board/doc-model'
import { useI18n } from '../i18n/i18n-context'
import { formatRemaining, timerRemainingMs } from './timer'
import { useNow } from './use-now'

/**
 * The shared countdown as everyone sees it; it ticks locally from the stored end time.
 * A timer is not read out every second (role timer is not live); with `announce`, the
 * end of the time is, once.
 */
export function TimerDisplay({
  timer,
  announce = false,
}: {
  timer: TimerState
  announce?: boolean
}) {
  const { t } = useI18n()
  const now = useNow(timer.running)
  const remaining = timerRemainingMs(timer, now)
  const done = remaining === 0
  return (
    <div
      className="timer-pill"
      role="timer"
      data-running={timer.running}
      data-done={done}
      data-remaining-ms={remaining}
    >
      <span className="visually-hidden">{t('session.timer')}: </span>
      {timer.label ? <span className="timer-label">{timer.label}</span> : null}
      <span className="timer-digits">{formatRemaining(remaining)}</span>
      {done ? <span className="timer-state">{t('session.timerDone')}</span> : null}
      {!done && !timer.running ? (
        <span className="timer-state">({t('session.timerPaused')})</span>
      ) : null}
      {announce ? (
        <span className="visually-hidden" aria-live="polite">
          {done ? t('session.timerDone') : ''}
        </span>
      ) : null}
    </div>
  )
}
