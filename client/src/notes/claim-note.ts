import { type NoteAuthorMeta, noteAuthor as noteAuthorOfMeta } from '@stip/board/doc-model'
import type { TLNoteShape, TLShape } from 'tldraw'
import type { NoteColour } from './note-color'

/** Who writes new notes on this device, read when a note is created. */
export interface NoteOwner {
  userId: string
  name: string
  organisation: string
  colour: NoteColour
  /** Set while a silent round is active: the note stays hidden from others until reveal. */
  silentRoundId: string | null
}

export function isNote(shape: TLShape): shape is TLNoteShape {
  return shape.type === 'note'
}

/** The author meta of a note, or null for notes made before ownership existed. */
export function noteAuthor(shape: TLShape): NoteAuthorMeta | null {
  return noteAuthorOfMeta(shape.meta)
}

/**
 * A new note as its author's: author meta and the organisation's note colour. A note that
 * already has an author (undo of a delete, a duplicate, a promoted winner) keeps it, so
 * copying someone's note does not take their words over; so does a werkvorm's own note
 * (its example), which belongs to the template, not to whoever inserted it.
 */
export function claimNote(note: TLNoteShape, owner: NoteOwner): TLNoteShape {
  if (noteAuthor(note) || typeof note.meta.stipTemplate === 'string') return note
  const meta: NoteAuthorMeta = {
    authorId: owner.userId,
    authorName: owner.name,
    organisation: owner.organisation,
    ...(owner.silentRoundId ? { silentRoundId: owner.silentRoundId } : {}),
  }
  return {
    ...note,
    props: { ...note.props, color: owner.colour },
    meta: { ...note.meta, ...meta },
  }
}
