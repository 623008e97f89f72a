import { describe, expect, it } from 'vitest'
import { addDot, dotsLeft, liveDots, removeDot, sortedResults, winners } from './vote-tally'

const notes = [
  { id: 'n1', text: 'Respect' },
  { id: 'n2', text: 'Gelijkwaardigheid' },
  { id: 'n3', text: 'Verantwoordelijkheid' },
]

describe('dot voting', () => {
  it('spends dots until none are left, several on one note allowed', () => {
    let mine: string[] = []
    mine = addDot(mine, 'n1', 3)
    mine = addDot(mine, 'n1', 3)
    mine = addDot(mine, 'n2', 3)
    expect(dotsLeft(mine, 3)).toBe(0)
    expect(addDot(mine, 'n3', 3)).toEqual(['n1', 'n1', 'n2'])
  })

  it('takes one dot back from a note', () => {
    expect(removeDot(['n1', 'n2', 'n1'], 'n1')).toEqual(['n1', 'n2'])
    expect(removeDot(['n2'], 'n1')).toEqual(['n2'])
    expect(dotsLeft(removeDot(['n1', 'n1'], 'n1'), 2)).toBe(1)
  })

  it('gives back a dot placed on a note that was deleted', () => {
    const live = liveDots(['n1', 'gone', 'n2'], new Set(['n1', 'n2', 'n3']))
    expect(live).toEqual(['n1', 'n2'])
    expect(dotsLeft(live, 3)).toBe(1)
  })

  it('sorts results by dots, most first, and keeps the order of ties', () => {
    const counts = new Map([
      ['n2', 3],
      ['n3', 1],
      ['n1', 1],
    ])
    expect(sortedResults(notes, counts).map((r) => [r.text, r.count])).toEqual([
      ['Gelijkwaardigheid', 3],
      ['Respect', 1],
      ['Verantwoordelijkheid', 1],
    ])
  })

  it('picks winners with at least one dot and keeps a tie at the cut-off', () => {
    const results = sortedResults(
      notes,
      new Map([
        ['n2', 3],
        ['n1', 1],
        ['n3', 1],
      ]),
    )
    expect(winners(results, 2).map((r) => r.noteId)).toEqual(['n2', 'n1', 'n3'])
    expect(winners(results, 1).map((r) => r.noteId)).toEqual(['n2'])
    expect(winners(sortedResults(notes, new Map()), 3)).toEqual([])
  })
})
