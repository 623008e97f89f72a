import { isClusterFrame, isPromotedCopy } from '@stip/templates'
import { useMemo } from 'react'
import {
  type Computed,
  computed,
  type Editor,
  type TLFrameShape,
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

export function readBoardNotes(editor: Editor): BoardNote[] {
  return editor
    .getCurrentPageShapes()
    .filter(isNote)
    .map((note) => {
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
    })
}

/*
 * One reading per editor, shared by every panel and overlay that lists the notes (a WeakMap,
 * gone with the editor). Each used to read all notes again on every change: on 2,000 notes
 * one reading took 15–95 ms on a loaded test machine, and the canvas overlays (dots,
 * reactions) plus the Zoeken panel read them three times per change.
 */
const sharedNotes = new WeakMap<Editor, Computed<string>>()

function notesJsonOf(editor: Editor): Computed<string> {
  let notes = sharedNotes.get(editor)
  if (!notes) {
    notes = computed('stip board notes', () => JSON.stringify(readBoardNotes(editor)))
    sharedNotes.set(editor, notes)
  }
  return notes
}

/**
 * Every note on the current page, kept up to date. Compared as JSON so a drag (which
 * changes positions, not the fields here) does not re-render the panels on every frame.
 */
export function useBoardNotes(editor: Editor | null): BoardNote[] {
  const json = useValue('stip board notes', () => (editor ? notesJsonOf(editor).get() : '[]'), [
    editor,
  ])
  return useMemo(() => JSON.parse(json) as BoardNote[], [json])
}
