import { isClusterFrame, isPromotedCopy } from '@stip/templates'
import {
  type Computed,
  computed,
  createComputedCache,
  type Editor,
  type TLFrameShape,
  type TLNoteShape,
  type TLShape,
  type TLShapeId,
  useValue,
} from 'tldraw'
import { isNote, noteAuthor } from './claim-note'
import { notePlainText } from './note-plain-text'

/** A note on the current page as the panels need it: plain data, no records. */
export interface BoardNote {
  id: TLShapeId
  text: string
  authorId: string | null
  authorName: string | null
  organisation: string | null
  /** The innermost frame the note sits in, if any; a cluster counts as its werkvorm. */
  frameId: TLShapeId | null
  frameName: string | null
  /** Hidden on this device (silent round, organisation filter). */
  hidden: boolean
  /** A copy a vote promoted: its original is counted, so "wie wordt gehoord" skips it. */
  promotedCopy: boolean
}

function readBoardNote(editor: Editor, note: TLNoteShape): BoardNote {
  const author = noteAuthor(note)
  const frame = editor.findShapeAncestor(
    note,
    (parent) => parent.type === 'frame' && !isClusterFrame(parent),
  ) as TLFrameShape | undefined
  return {
    id: note.id,
    text: notePlainText(editor, note),
    authorId: author?.authorId ?? null,
    authorName: author?.authorName ?? null,
    organisation: author?.organisation ?? null,
    frameId: frame?.id ?? null,
    frameName: frame ? frame.props.name : null,
    hidden: editor.isShapeHidden(note),
    promotedCopy: isPromotedCopy(note),
  }
}

const sameBoardNote = (a: BoardNote | null, b: BoardNote | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.id === b.id &&
    a.text === b.text &&
    a.authorId === b.authorId &&
    a.authorName === b.authorName &&
    a.organisation === b.organisation &&
    a.frameId === b.frameId &&
    a.frameName === b.frameName &&
    a.hidden === b.hidden &&
    a.promotedCopy === b.promotedCopy)

/*
 * Each note is read on its own and kept until something it depends on changes (its record, its
 * frame, the device's view), and a reading equal to the last keeps the same object. A drag
 * changes a note's position, none of these fields: it re-reads that one note and nothing
 * downstream hears of it. Reading all notes again on every change of the page cost 15–95 ms
 * per change for 2,000 notes on a loaded test machine.
 */
const boardNotes = createComputedCache(
  'stip board note',
  (editor: Editor, shape: TLShape): BoardNote | null =>
    isNote(shape) ? readBoardNote(editor, shape) : null,
  { areResultsEqual: sameBoardNote },
)

/** The note's reading (shared and kept between changes), or null when `id` is not a note. */
export function boardNoteOf(editor: Editor, id: TLShapeId): BoardNote | null {
  return boardNotes.get(editor, id) ?? null
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((item, i) => item === b[i])

/*
 * The list of all notes, one per editor (a WeakMap, gone with the editor), shared by every
 * panel and overlay that lists the notes. It is built from the per-note readings, so it only
 * changes when a note is added, removed or really changed.
 */
const sharedNotes = new WeakMap<Editor, Computed<BoardNote[]>>()

function notesOf(editor: Editor): Computed<BoardNote[]> {
  let notes = sharedNotes.get(editor)
  if (!notes) {
    notes = computed(
      'stip board notes',
      () => {
        const list: BoardNote[] = []
        for (const id of editor.getCurrentPageShapeIds()) {
          const note = boardNoteOf(editor, id)
          if (note) list.push(note)
        }
        return list
      },
      { isEqual: sameItems },
    )
    sharedNotes.set(editor, notes)
  }
  return notes
}

/** Every note on the current page, in the page's order. */
export function readBoardNotes(editor: Editor): BoardNote[] {
  return notesOf(editor).get()
}

const NO_NOTES: BoardNote[] = []

/**
 * Every note on the current page, kept up to date. The same array until a note is added,
 * removed or changes one of its fields, so a drag does not re-render the panels.
 */
export function useBoardNotes(editor: Editor | null): BoardNote[] {
  return useValue('stip board notes', () => (editor ? notesOf(editor).get() : NO_NOTES), [editor])
}
