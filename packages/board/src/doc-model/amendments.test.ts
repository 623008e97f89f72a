import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getAmendments } from '../doc-layout'
import { type Amendment, acceptedBefore, numberRanges, readAmendments } from './amendments'

function amendment(number: number, status: Amendment['status'], decidedAt: number | null) {
  return {
    id: `a${number}`,
    number,
    status,
    organisationId: 'ggd',
    organisationName: 'GGD',
    original: 'oud',
    replacement: 'nieuw',
    proposedAt: number,
    decision: decidedAt === null ? null : { at: decidedAt, note: '' },
  }
}

describe('amendments in the board document', () => {
  it('reads them by number and skips malformed entries', () => {
    const doc = new Y.Doc()
    getAmendments(doc).set('a2', amendment(2, 'open', null))
    getAmendments(doc).set('a1', amendment(1, 'accepted', 10))
    getAmendments(doc).set('bad', { number: 'three' })
    getAmendments(doc).set('worse', { ...amendment(4, 'open', null), status: 'maybe' })
    expect(readAmendments(doc).map((a) => a.number)).toEqual([1, 2])
  })

  it('names the amendments accepted before a signature as ranges', () => {
    const doc = new Y.Doc()
    for (const [number, status, at] of [
      [1, 'accepted', 10],
      [2, 'accepted', 20],
      [3, 'rejected', 25],
      [4, 'accepted', 30],
      [5, 'accepted', 99],
      [6, 'open', null],
    ] as const) {
      getAmendments(doc).set(`a${number}`, amendment(number, status, at))
    }
    const accepted = acceptedBefore(readAmendments(doc), 50)
    expect(accepted).toEqual([1, 2, 4])
    expect(numberRanges(accepted)).toBe('1\u20132, 4')
    expect(numberRanges([1, 2, 3, 4])).toBe('1\u20134')
    expect(numberRanges([])).toBe('')
  })
})
