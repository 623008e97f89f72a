import { describe, expect, it } from 'vitest'
import { newId, randomId } from './random-id'

describe('randomId', () => {
  it('gives url-safe ids of the asked length that do not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => randomId()))
    expect(ids.size).toBe(1000)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/)
    expect(newId()).toMatch(/^[A-Za-z0-9_-]{12}$/)
  })
})
