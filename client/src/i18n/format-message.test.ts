import { describe, expect, it } from 'vitest'
import { formatMessage } from './format-message'
import { locales, messages } from './messages'

const notes = '{n, plural, one {# notitie} other {# notities}}'

describe('formatMessage', () => {
  it('fills named placeholders and leaves unknown ones as they are', () => {
    expect(formatMessage('{name} bracht {who} hier', { name: 'Anouk' }, 'nl')).toBe(
      'Anouk bracht {who} hier',
    )
  })

  it('picks the Dutch singular for one and the plural for zero and many', () => {
    expect(formatMessage(notes, { n: 1 }, 'nl')).toBe('1 notitie')
    expect(formatMessage(notes, { n: 0 }, 'nl')).toBe('0 notities')
    expect(formatMessage(notes, { n: 12 }, 'nl')).toBe('12 notities')
  })

  it('prefers an exact match and formats the number for the locale', () => {
    const text = '{n, plural, =0 {geen stippen} one {# stip} other {# stippen}}'
    expect(formatMessage(text, { n: 0 }, 'nl')).toBe('geen stippen')
    expect(formatMessage(text, { n: 1500 }, 'nl')).toBe('1.500 stippen')
    expect(formatMessage(text, { n: 1500 }, 'en')).toBe('1,500 stippen')
  })

  it('fills placeholders inside a plural form and handles two plurals in one message', () => {
    expect(
      formatMessage(
        messages.nl['heard.contribution'],
        { organisation: 'GGD', notes: 1, votes: 1 },
        'nl',
      ),
    ).toBe('GGD: 1 notitie, 1 stip')
    expect(
      formatMessage(
        messages.en['heard.contribution'],
        { organisation: 'GGD', notes: 2, votes: 1 },
        'en',
      ),
    ).toBe('GGD: 2 notes, 1 dot')
    expect(formatMessage(messages.nl['manifesto.notes.count'], { count: 1 }, 'nl')).toBe(
      '1 notitie geselecteerd.',
    )
  })

  it.each(locales)('finds an "other" form in every plural of the %s catalogue', (locale) => {
    const broken = Object.entries(messages[locale])
      .filter(([, text]) => /\{\s*\w+\s*,\s*plural\s*,/.test(text))
      .filter(([, text]) => !/other\s*\{/.test(text) || /\(s\)/.test(text))
      .map(([key]) => key)
    expect(broken).toEqual([])
  })

  it.each(locales)('has no "(s)" plural in the %s catalogue', (locale) => {
    const lazy = Object.entries(messages[locale]).filter(([, text]) => /\w\((s|en)\)/.test(text))
    expect(lazy.map(([key]) => key)).toEqual([])
  })
})
