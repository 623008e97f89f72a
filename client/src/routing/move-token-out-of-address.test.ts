import { describe, expect, it } from 'vitest'
import { boardToken } from '../api/stored-links'
import { moveTokenOutOfAddress } from './move-token-out-of-address'

function memoryStorage() {
  const data = new Map<string, string>()
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  }
}

function addressBar(path: string) {
  const url = new URL(path, 'http://stip.test')
  const entries: string[] = []
  const address = { pathname: url.pathname, search: url.search, hash: url.hash }
  const history = {
    state: null,
    replaceState: (_state: unknown, _unused: string, next?: string | URL | null) => {
      entries.push(String(next))
    },
  }
  return { address, history, entries }
}

describe('moving the token out of the address bar', () => {
  it('stores the token for the board and leaves /b/<id> in the address bar', () => {
    const storage = memoryStorage()
    const { address, history, entries } = addressBar('/b/abc#token=secret')
    moveTokenOutOfAddress('abc', address, history, storage)
    expect(entries).toEqual(['/b/abc'])
    expect(boardToken('abc', storage)).toBe('secret')
  })

  it('lets the link opened last win', () => {
    const storage = memoryStorage()
    const first = addressBar('/b/abc#token=facilitator')
    moveTokenOutOfAddress('abc', first.address, first.history, storage)
    const second = addressBar('/b/abc#token=editor')
    moveTokenOutOfAddress('abc', second.address, second.history, storage)
    expect(boardToken('abc', storage)).toBe('editor')
  })

  it('keeps the stored token when the address has none', () => {
    const storage = memoryStorage()
    storage.setItem('stip.token.abc', 'kept')
    const { address, history, entries } = addressBar('/b/abc')
    moveTokenOutOfAddress('abc', address, history, storage)
    expect(entries).toEqual([])
    expect(boardToken('abc', storage)).toBe('kept')
  })

  it('leaves the token in the address bar when storage is refused', () => {
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
      removeItem: () => {},
    }
    const { address, history, entries } = addressBar('/b/abc#token=secret')
    moveTokenOutOfAddress('abc', address, history, refusing)
    expect(entries).toEqual([])
  })
})
