import { describe, expect, it } from 'vitest'
import { memoryRateLimit } from './rate-limit'

describe('memory rate limit', () => {
  it('counts per key in a window opened by its first event, and starts again after it', async () => {
    let now = 60_000 * 10 + 59_000
    const limit = memoryRateLimit({ name: 't', max: 2, windowMs: 60_000, now: () => now })
    await limit.add('a')
    expect(await limit.isOver('a')).toBe(false)
    await limit.add('a')
    expect(await limit.isOver('a')).toBe(true)
    expect(await limit.isOver('b')).toBe(false)
    now += 60_000
    expect(await limit.isOver('a')).toBe(false)
  })
})

describe('memory rate limit, counted and checked in one step', () => {
  it('lets max events of a window through, refuses the next with the time its window has left', async () => {
    let now = 1_000
    const limit = memoryRateLimit({ name: 't', max: 2, windowMs: 60_000, now: () => now })
    const allowed = { allowed: true, firstRefused: false }
    expect(await limit.take('a')).toEqual({ ...allowed, retryAfterMs: 60_000 })
    now += 15_000
    expect(await limit.take('a')).toEqual({ ...allowed, retryAfterMs: 45_000 })
    expect(await limit.take('a')).toEqual({
      allowed: false,
      firstRefused: true,
      retryAfterMs: 45_000,
    })
    expect(await limit.take('a')).toMatchObject({ allowed: false, firstRefused: false })
    expect((await limit.take('b')).allowed).toBe(true)
    now += 45_000
    expect(await limit.take('a')).toEqual({ ...allowed, retryAfterMs: 60_000 })
  })
})
