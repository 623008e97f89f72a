import type { CommentTarget, CommentThread } from '@stip/board/doc-model'
import { describe, expect, it } from 'vitest'
import { groupThreads, isNewSince } from './thread-groups'
import type { ThreadPlace } from './use-thread-places'

const anouk = { name: 'Anouk', organisation: 'GGD' }
const fenna = { name: 'Fenna', organisation: 'Gemeente' }

function thread(
  id: string,
  target: CommentTarget,
  { status = 'open', updatedAt = 10, by = anouk } = {} as {
    status?: 'open' | 'resolved'
    updatedAt?: number
    by?: typeof anouk
  },
): CommentThread {
  return {
    id,
    target,
    quote: id,
    status,
    messages: [{ id: `${id}-m`, text: 'x', author: by, at: updatedAt, removedAt: null }],
    createdAt: 1,
    updatedAt,
    resolved: null,
    carriedFrom: null,
  }
}

const note = (shapeId: string): CommentTarget => ({ kind: 'note', shapeId })
const passage = (sectionKey: string | null): CommentTarget => ({
  kind: 'manifesto',
  anchor: { start: null, end: null },
  sectionKey,
})
const titles = {
  board: 'Bord',
  gone: 'Weg',
  manifesto: (key: string | null) => `Manifest ${key ?? '-'}`,
}
const inWerkvorm = (id: string, name: string): ThreadPlace => ({
  onBoard: true,
  werkvormId: id,
  werkvormName: name,
})

describe('groupThreads', () => {
  it('groups by werkvorm, then the board, the manifesto in section order, and what is gone', () => {
    const places = new Map<string, ThreadPlace>([
      ['shape:a', inWerkvorm('shape:w1', 'Waarden')],
      ['shape:b', { onBoard: true, werkvormId: null, werkvormName: null }],
      ['shape:c', inWerkvorm('shape:w1', 'Waarden')],
    ])
    const groups = groupThreads(
      [
        thread('gone', note('shape:x')),
        thread('amb', passage('ambities-2040')),
        thread('val', passage('gedeelde-waarden')),
        thread('b', note('shape:b')),
        thread('a', note('shape:a')),
        thread('c', note('shape:c'), { status: 'resolved', updatedAt: 50 }),
      ],
      places,
      titles,
    )
    expect(groups.map((group) => [group.title, group.threads.map((t) => t.id)])).toEqual([
      ['Waarden', ['a', 'c']],
      ['Bord', ['b']],
      ['Manifest gedeelde-waarden', ['val']],
      ['Manifest ambities-2040', ['amb']],
      ['Weg', ['gone']],
    ])
  })
})

describe('isNewSince', () => {
  it('counts a change by someone else after the last visit, not one of ones own', () => {
    expect(isNewSince(thread('t', note('shape:a'), { updatedAt: 20, by: anouk }), 10, fenna)).toBe(
      true,
    )
    expect(isNewSince(thread('t', note('shape:a'), { updatedAt: 5, by: anouk }), 10, fenna)).toBe(
      false,
    )
    expect(isNewSince(thread('t', note('shape:a'), { updatedAt: 20, by: fenna }), 10, fenna)).toBe(
      false,
    )
    expect(isNewSince(thread('t', note('shape:a'), { by: anouk }), null, fenna)).toBe(true)
  })
})
