import { afterEach, describe, expect, it } from 'vitest'
import { learnServerTime, serverNow } from './server-clock'

describe('server clock', () => {
  afterEach(() => learnServerTime(Date.now(), Date.now(), Date.now()))

  it('runs ahead when the server clock is ahead, by the time read halfway the request', () => {
    const sentAt = Date.now()
    learnServerTime(sentAt + 120_000 + 50, sentAt, sentAt + 100)
    expect(serverNow() - Date.now()).toBeCloseTo(120_000, -1)
  })

  it('ignores an answer that cannot be right', () => {
    const before = serverNow() - Date.now()
    learnServerTime(Number.NaN, 0, 10)
    learnServerTime(5, 10, 0)
    expect(serverNow() - Date.now()).toBeCloseTo(before, -1)
  })
})
