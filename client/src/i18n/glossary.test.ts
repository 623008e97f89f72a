import { describe, expect, it } from 'vitest'
import { glossaryViolations } from './glossary'
import { locales, messages } from './messages'
import { tldrawTranslations } from './tldraw-translations'

describe('the glossary', () => {
  it('finds a forbidden word as a whole word, in any case, and leaves longer words alone', () => {
    const found = glossaryViolations(
      {
        a: 'Plak een Briefje op het bord.',
        b: 'Deel de meekijklink.',
        c: 'Deel de kijklink.',
        d: 'Vraag het de facilitator.',
      },
      'nl',
    )
    expect(found.map((v) => `${v.key}:${v.word}`)).toEqual([
      'a:briefje',
      'c:kijklink',
      'd:facilitator',
    ])
  })

  it.each(locales)('is followed by every message of the %s catalogue', (locale) => {
    expect(glossaryViolations(messages[locale], locale)).toEqual([])
  })

  it.each(locales)("is followed by Stip's overrides of tldraw's %s strings", (locale) => {
    expect(glossaryViolations(tldrawTranslations[locale], locale)).toEqual([])
  })
})
