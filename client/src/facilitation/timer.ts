import type { TimerState } from '@stip/board/doc-model'

/*
 * The shared countdown as pure steps over the timer state. `endsAt` is the facilitator's
 * clock; a participant whose clock is off by a few seconds sees the same offset. Storing an
 * end time (not ticks) means nobody writes to the doc while the timer runs.
 */

export function startTimer(durationMs: number, now: number, label?: string): TimerState {
  return {
    durationMs,
    endsAt: now + durationMs,
    remainingMs: durationMs,
    running: true,
    ...(label ? { label } : {}),
  }
}

export function timerRemainingMs(timer: TimerState, now: number): number {
  const left = timer.running && timer.endsAt !== null ? timer.endsAt - now : timer.remainingMs
  // Browsers estimate the server's clock a few milliseconds apart; never show more than was set.
  return Math.min(Math.max(0, left), Math.max(0, timer.durationMs))
}

export function pauseTimer(timer: TimerState, now: number): TimerState {
  return { ...timer, running: false, endsAt: null, remainingMs: timerRemainingMs(timer, now) }
}

export function resumeTimer(timer: TimerState, now: number): TimerState {
  const remainingMs = timerRemainingMs(timer, now)
  return { ...timer, running: true, endsAt: now + remainingMs, remainingMs }
}

export function resetTimer(timer: TimerState): TimerState {
  return { ...timer, running: false, endsAt: null, remainingMs: timer.durationMs }
}

/** "m:ss", rounding up so "0:00" shows only when the time is really over. */
export function formatRemaining(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000)
  const minutes = Math.floor(seconds / 60)
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`
}
