import { parseTimer } from '@stip/board/doc-model'
import { describe, expect, it } from 'vitest'
import {
  formatRemaining,
  pauseTimer,
  resetTimer,
  resumeTimer,
  startTimer,
  timerRemainingMs,
} from './timer'

describe('the shared countdown', () => {
  it('counts down from the end time while running and never below zero', () => {
    const timer = startTimer(5 * 60_000, 1_000)
    expect(timerRemainingMs(timer, 1_000)).toBe(300_000)
    expect(timerRemainingMs(timer, 61_000)).toBe(240_000)
    expect(timerRemainingMs(timer, 999_999)).toBe(0)
  })

  it('keeps the remaining time while paused and continues from it on resume', () => {
    const paused = pauseTimer(startTimer(60_000, 0), 20_000)
    expect(paused).toMatchObject({ running: false, endsAt: null, remainingMs: 40_000 })
    expect(timerRemainingMs(paused, 500_000)).toBe(40_000)
    const resumed = resumeTimer(paused, 100_000)
    expect(resumed).toMatchObject({ running: true, endsAt: 140_000 })
    expect(timerRemainingMs(resumed, 130_000)).toBe(10_000)
  })

  it('goes back to the full duration on reset', () => {
    const reset = resetTimer(startTimer(600_000, 0))
    expect(reset).toMatchObject({ running: false, remainingMs: 600_000, endsAt: null })
  })

  it('shows minutes and seconds, rounding partial seconds up', () => {
    expect(formatRemaining(300_000)).toBe('5:00')
    expect(formatRemaining(59_001)).toBe('1:00')
    expect(formatRemaining(9_000)).toBe('0:09')
    expect(formatRemaining(0)).toBe('0:00')
  })

  it('reads back what it writes and refuses a running timer without an end', () => {
    const timer = startTimer(60_000, 5, 'Stille ronde')
    expect(parseTimer(JSON.parse(JSON.stringify(timer)))).toEqual(timer)
    expect(parseTimer({ ...timer, endsAt: null })).toBeNull()
    expect(parseTimer('10 minuten')).toBeNull()
  })
})

describe('a timer read on a clock slightly behind the one that started it', () => {
  it('never shows more time than was set', () => {
    const timer = startTimer(300_000, 1_000_000)
    expect(timerRemainingMs(timer, 1_000_000 - 7)).toBe(300_000)
  })
})
