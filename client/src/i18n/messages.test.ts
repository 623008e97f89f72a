import { describe, expect, it } from 'vitest'
import { locales, messages } from './messages'

describe('message catalogue', () => {
  const keysOf = (locale: (typeof locales)[number]) => Object.keys(messages[locale]).sort()

  it('has the same keys in Dutch and English', () => {
    const nl = keysOf('nl')
    const en = keysOf('en')
    expect(en.filter((key) => !nl.includes(key))).toEqual([])
    expect(nl.filter((key) => !en.includes(key))).toEqual([])
  })

  it('has no empty message in any language', () => {
    for (const locale of locales) {
      const empty = Object.entries(messages[locale])
        .filter(([, text]) => text.trim() === '')
        .map(([key]) => key)
      expect(empty, locale).toEqual([])
    }
  })

  it('translates the connection states the status pill shows', () => {
    expect(messages.nl['status.connected']).toBe('verbonden')
    expect(messages.nl['status.connecting']).toBe('opnieuw verbinden')
    expect(messages.nl['status.offline']).toBe('offline')
    expect(messages.en['status.connected']).toBe('connected')
  })
})
