import { describe, expect, it } from 'vitest'
import { participantSecret } from './participant-secret'

function memoryStorage() {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  }
}

describe('participantSecret', () => {
  it('keeps one secret per board in storage, in the shape the server accepts', () => {
    const storage = memoryStorage()
    const first = participantSecret('board-a', storage)
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(participantSecret('board-a', storage)).toBe(first)
    expect(participantSecret('board-b', storage)).not.toBe(first)
  })

  it('keeps the secret for the page when storage is blocked', () => {
    const blocked = {
      getItem: () => {
        throw new Error('blocked')
      },
      setItem: () => {
        throw new Error('blocked')
      },
    }
    const first = participantSecret('board-c', blocked)
    expect(participantSecret('board-c', blocked)).toBe(first)
  })
})
