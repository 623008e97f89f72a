import { readTemplateMeta } from '@stip/templates'
import type { Editor, TLFrameShape, TLShape, TLShapeId } from 'tldraw'
import { isNote } from '../notes/claim-note'
import { notePlainText } from '../notes/note-plain-text'
import type { NewThreadTarget } from './comment-view'

/** A werkvorm's own frame (not a section or a cluster inside it). */
export const isWerkvormFrame = (shape: TLShape): shape is TLFrameShape =>
  shape.type === 'frame' && readTemplateMeta(shape)?.stipPart === 'frame'

/**
 * A shape a thread can be about, as the new-thread form needs it: a note with its text, a
 * werkvorm with its name; null for anything else. Reads this one shape only.
 */
export function commentTargetOf(
  editor: Editor,
  shapeId: string,
): (NewThreadTarget & { shapeId: string }) | null {
  const shape = editor.getShape(shapeId as TLShapeId)
  if (!shape) return null
  if (isNote(shape)) {
    return {
      shapeId,
      target: { kind: 'note', shapeId },
      quote: notePlainText(editor, shape),
    }
  }
  if (isWerkvormFrame(shape)) {
    return {
      shapeId,
      target: { kind: 'werkvorm', frameId: shapeId },
      quote: shape.props.name,
    }
  }
  return null
}
