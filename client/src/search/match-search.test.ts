import { describe, expect, it } from 'vitest'
import {
  foldForSearch,
  highlightParts,
  matchSearch,
  type SearchItem,
  snippet,
} from './match-search'

const note = (id: string, text: string, authorName = 'Anouk', organisation = 'Gemeente') =>
  ({ kind: 'note', id, text, authorName, organisation }) satisfies SearchItem

const items: SearchItem[] = [
  note('a', 'Meer Zorg in de wijk', 'Anouk', 'Gemeente'),
  note('b', 'De wijkteams kennen de bewoners', 'Bram', 'GGD'),
  note('c', 'Één loket voor ouderen', 'Chloë', 'Welzijn'),
  note('d', 'Bezorgd over wachtlijsten', 'Dirk', 'GGD'),
  { kind: 'label', id: 'f', text: 'Gedeelde waarden', authorName: null, organisation: null },
]

const ids = (query: string) => matchSearch(items, query).map((hit) => hit.item.id)

describe('matchSearch', () => {
  it('ignores case: "zorg" finds "Zorg" and "ggd" finds "GGD"', () => {
    expect(ids('zorg')).toContain('a')
    expect(ids('ggd').sort()).toEqual(['b', 'd'])
  })

  it('ignores accents both ways: "een" finds "Één" and "chloe" finds "Chloë"', () => {
    // "Gemeente" holds "een" too, but the whole word ranks first.
    expect(ids('een')).toEqual(['c', 'a'])
    expect(ids('chloë')).toEqual(['c'])
    expect(ids('CHLOE')).toEqual(['c'])
  })

  it('finds a word inside a longer one: "wijkteam" finds "wijkteams"', () => {
    expect(ids('wijkteam')).toEqual(['b'])
  })

  it('finds a note by its author and by its organisation', () => {
    expect(ids('bram')).toEqual(['b'])
    expect(ids('welzijn')).toEqual(['c'])
  })

  it('needs every word of the query, in any field', () => {
    expect(ids('ggd wijkteams')).toEqual(['b'])
    expect(ids('ggd zorg')).toEqual(['d'])
    expect(ids('zorg nergens')).toEqual([])
  })

  it('ranks a whole word above a word start above a part of a word', () => {
    const ranked = matchSearch(
      [note('inside', 'bezorgd'), note('start', 'zorgen'), note('whole', 'de zorg')],
      'zorg',
    )
    expect(ranked.map((hit) => hit.item.id)).toEqual(['whole', 'start', 'inside'])
  })

  it('ranks a match in the text above the same match in the author', () => {
    const ranked = matchSearch(
      [note('author', 'Iets anders', 'Jan de Vries'), note('text', 'Vraag het Jan', 'Piet')],
      'jan',
    )
    expect(ranked.map((hit) => hit.item.id)).toEqual(['text', 'author'])
  })

  it('finds nothing for an empty or blank query', () => {
    expect(ids('')).toEqual([])
    expect(ids('   ')).toEqual([])
  })

  it('marks the matched stretches in the original text, accents and all', () => {
    const [hit] = matchSearch([note('x', 'Één en een')], 'een')
    expect(hit?.ranges.text).toEqual([
      [0, 3],
      [7, 10],
    ])
    expect(highlightParts('Één en een', hit?.ranges.text)).toEqual([
      { text: 'Één', match: true },
      { text: ' en ', match: false },
      { text: 'een', match: true },
    ])
  })

  it('keeps the result limit', () => {
    const many = Array.from({ length: 80 }, (_, i) => note(`n${i}`, `zorg ${i}`))
    expect(matchSearch(many, 'zorg', 10)).toHaveLength(10)
  })
})

describe('foldForSearch', () => {
  it('maps each folded character back to the original text', () => {
    const { folded, origin } = foldForSearch('Café Ĳs')
    expect(folded).toBe('cafe ijs')
    expect(origin).toEqual([0, 1, 2, 3, 4, 5, 5, 6, 7])
  })
})

describe('snippet', () => {
  it('cuts a long text around the first match and shifts the ranges', () => {
    const text = `${'woord '.repeat(40)}wijkteams ${'slot '.repeat(30)}`
    const at = text.indexOf('wijkteams')
    const cut = snippet(text, [[at, at + 8]], 60)
    expect(cut.text.startsWith('…')).toBe(true)
    expect(cut.text.endsWith('…')).toBe(true)
    const [range] = cut.ranges
    expect(range && cut.text.slice(range[0], range[1])).toBe('wijkteam')
  })

  it('leaves a short text as it is', () => {
    expect(snippet('kort', [[0, 2]])).toEqual({ text: 'kort', ranges: [[0, 2]] })
  })
})
