import { describe, expect, it } from 'vitest'
import { loadLinks, requestShareWelcome, saveLinks, takeShareWelcome } from './stored-links'

function memoryStorage() {
  const data = new Map<string, string>()
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  }
}

const link = (token: string) => `http://127.0.0.1:8787/b/abc#token=${token}`

describe('stored share links', () => {
  it('remembers links per board and merges a renewed one', () => {
    const storage = memoryStorage()
    saveLinks(storage, 'abc', { facilitator: link('f'), editor: link('e1'), viewer: link('v') })
    saveLinks(storage, 'abc', { editor: link('e2') })
    expect(loadLinks(storage, 'abc')).toEqual({
      facilitator: link('f'),
      editor: link('e2'),
      viewer: link('v'),
    })
    expect(loadLinks(storage, 'other')).toEqual({})
  })

  it('ignores entries that are not links to this board', () => {
    const storage = memoryStorage()
    storage.setItem(
      'stip.links.abc',
      JSON.stringify({ editor: 'javascript:alert(1)', viewer: 'http://x/b/zzz#token=1' }),
    )
    expect(loadLinks(storage, 'abc')).toEqual({})
    storage.setItem('stip.links.abc', '{broken')
    expect(loadLinks(storage, 'abc')).toEqual({})
  })

  it('opens the welcome share dialog exactly once', () => {
    const storage = memoryStorage()
    expect(takeShareWelcome(storage, 'abc')).toBe(false)
    requestShareWelcome(storage, 'abc')
    expect(takeShareWelcome(storage, 'abc')).toBe(true)
    expect(takeShareWelcome(storage, 'abc')).toBe(false)
  })
})
