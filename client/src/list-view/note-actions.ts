import { createShapeId, type Editor, type TLShapeId, toRichText } from 'tldraw'
import { freeNoteSpot } from '../notes/free-note-spot'

/** A new note's size on the canvas (tldraw's note at scale 1, before its text grows it). */
const NEW_NOTE = { w: 200, h: 200 }

/*
 * What the list view changes on the board, through tldraw's editor like a change on the
 * canvas: the store binding sends it to everyone, the note gets its author (note ownership)
 * and stays on this device during a silent round, and the werkvorm's lock still holds.
 */

/** Adds a note with `text` in a clear spot of the section's lane; returns its id. */
export function addNoteToSection(
  editor: Editor,
  laneId: TLShapeId,
  text: string,
): TLShapeId | null {
  const lane = editor.getShape(laneId)
  const spot = freeNoteSpot(editor, laneId, NEW_NOTE)
  if (!lane || !spot) return null
  const id = createShapeId()
  const local = lane.parentId.startsWith('shape:')
    ? editor.getPointInShapeSpace(lane.parentId as TLShapeId, spot)
    : spot
  editor.markHistoryStoppingPoint('add note from the list')
  editor.createShape({
    id,
    type: 'note',
    parentId: lane.parentId,
    x: local.x,
    y: local.y,
    props: { richText: toRichText(text) },
  })
  return editor.getShape(id) ? id : null
}

/** Replaces a note's text. */
export function editNoteText(editor: Editor, noteId: TLShapeId, text: string): void {
  const note = editor.getShape(noteId)
  if (note?.type !== 'note') return
  editor.markHistoryStoppingPoint('edit note from the list')
  editor.updateShape({ id: noteId, type: 'note', props: { richText: toRichText(text) } })
}

/**
 * Moves a note into another section: into the lane's werkvorm (its frame) and onto a clear
 * spot below the lane's question, so it covers no other note. Returns whether it moved.
 */
export function moveNoteToSection(editor: Editor, noteId: TLShapeId, laneId: TLShapeId): boolean {
  const note = editor.getShape(noteId)
  const lane = editor.getShape(laneId)
  const bounds = note && editor.getShapePageBounds(note)
  if (note?.type !== 'note' || !lane || !bounds) return false
  const spot = freeNoteSpot(editor, laneId, { w: bounds.w, h: bounds.h }, noteId)
  if (!spot) return false
  editor.markHistoryStoppingPoint('move note from the list')
  editor.run(() => {
    if (note.parentId !== lane.parentId) editor.reparentShapes([noteId], lane.parentId)
    const local = editor.getPointInParentSpace(noteId, spot)
    editor.updateShape({ id: noteId, type: 'note', x: local.x, y: local.y })
  })
  return true
}
