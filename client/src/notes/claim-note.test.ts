import { createShapeId, type TLNoteShape, toRichText } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { claimNote, type NoteOwner, noteAuthor } from './claim-note'

const note = (meta: TLNoteShape['meta'] = {}): TLNoteShape =>
  ({
    id: createShapeId('n1'),
    typeName: 'shape',
    type: 'note',
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta,
    props: { color: 'black', richText: toRichText('Respect') },
  }) as unknown as TLNoteShape

const anna: NoteOwner = {
  userId: 'u-anna',
  name: 'Anna',
  organisation: 'GGD',
  colour: 'green',
  silentRoundId: null,
}

describe('claiming a new note', () => {
  it('writes the author, organisation and organisation colour', () => {
    const claimed = claimNote(note(), anna)
    expect(claimed.meta).toEqual({ authorId: 'u-anna', authorName: 'Anna', organisation: 'GGD' })
    expect(claimed.props.color).toBe('green')
    expect(noteAuthor(claimed)).toEqual({
      authorId: 'u-anna',
      authorName: 'Anna',
      organisation: 'GGD',
    })
  })

  it('marks the note with the silent round while one is active', () => {
    const claimed = claimNote(note(), { ...anna, silentRoundId: 'r1' })
    expect(claimed.meta.silentRoundId).toBe('r1')
  })

  it('leaves a werkvorm’s example note to the template', () => {
    const example = note({ stipTemplate: 'gedeelde-waarden', stipPart: 'example' })
    expect(claimNote(example, anna)).toBe(example)
  })

  it('leaves a note that already has an author as it is', () => {
    const bram = note({ authorId: 'u-bram', authorName: 'Bram', organisation: 'Gemeente' })
    expect(claimNote(bram, anna)).toBe(bram)
  })
})
