// @vitest-environment happy-dom
import type { TLRecord } from 'tldraw'
import { beforeEach, describe, expect, it } from 'vitest'
import { createSilentNoteJournal } from './silent-note-journal'

const round = { id: 'round-1', startedAt: 1_000 }

function note(id: string, text: string): TLRecord {
  return {
    id,
    typeName: 'shape',
    type: 'note',
    meta: { silentRoundId: round.id },
    props: { text },
  } as unknown as TLRecord
}

describe('the silent-note journal', () => {
  beforeEach(() => localStorage.clear())

  it('keeps the latest version through a new page, until the server confirms it', () => {
    const id = 'shape:a' as TLRecord['id']
    const first = createSilentNoteJournal('board-1')
    first.write(id, note(id, 'Stil'), round)
    first.confirm(id, note(id, 'Stil'))
    first.write(id, note(id, 'Stil idee'), round)

    // A reload: a new journal over the same storage.
    const [entry] = createSilentNoteJournal('board-1').entries()
    expect(entry).toMatchObject({ id, roundId: 'round-1', roundStartedAt: 1_000 })
    expect(entry?.record).toEqual(note(id, 'Stil idee'))
    expect(entry?.serverCopy).toEqual(note(id, 'Stil'))
    expect(entry && first.isConfirmed(entry)).toBe(false)

    first.confirm(id, note(id, 'Stil idee'))
    const confirmed = first.get(id)
    expect(confirmed && first.isConfirmed(confirmed)).toBe(true)
    // Changed back to what the server has: confirmed without a request.
    expect(first.isConfirmed(first.write(id, note(id, 'Stil idee'), round))).toBe(true)
  })

  it('forgets a deleted note once the server confirms the deletion, and keeps boards apart', () => {
    const id = 'shape:b' as TLRecord['id']
    const journal = createSilentNoteJournal('board-1')
    journal.write(id, note(id, 'weg'), round)
    createSilentNoteJournal('board-2').write(id, note(id, 'ander bord'), round)
    journal.confirm(id, note(id, 'weg'))
    journal.write(id, null, round)
    expect(journal.entries().map((entry) => entry.record)).toEqual([null])
    journal.confirm(id, null)
    expect(journal.entries()).toEqual([])
    expect(createSilentNoteJournal('board-2').entries()).toHaveLength(1)
  })

  it('drops what it kept for over a week, and what it cannot read', () => {
    let now = 0
    const journal = createSilentNoteJournal('board-1', localStorage, () => now)
    journal.write('shape:old' as TLRecord['id'], note('shape:old', 'oud'), round)
    localStorage.setItem('stip.silent-note.board-1.shape:broken', '{not json')
    now = 8 * 24 * 60 * 60 * 1000
    expect(journal.entries()).toEqual([])
    expect(localStorage.getItem('stip.silent-note.board-1.shape:old')).toBeNull()
    expect(localStorage.getItem('stip.silent-note.board-1.shape:broken')).toBeNull()
  })

  it('keeps the notes for the page when storage refuses them', () => {
    const full = {
      length: 0,
      key: () => null,
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError')
      },
      removeItem: () => {},
      clear: () => {},
    } satisfies Storage
    const id = 'shape:c' as TLRecord['id']
    const journal = createSilentNoteJournal('board-1', full)
    journal.write(id, note(id, 'op de pagina'), round)
    expect(journal.entries().map((entry) => entry.record)).toEqual([note(id, 'op de pagina')])
  })
})
