import { LOCKABLE_PARTS, readTemplateMeta } from '@stip/templates'
import type { Editor, TLShape } from 'tldraw'
import { templateShapesOf } from '../board/template-shapes'

/** Frame, lanes, titles, prompts and scales: what the lock pins down. Notes and markers stay free. */
export function isLockableTemplateShape(shape: TLShape): boolean {
  const meta = readTemplateMeta(shape)
  return meta !== undefined && LOCKABLE_PARTS.has(meta.stipPart)
}

/**
 * Whether a lockable werkvorm shape is locked. The frame is locked through `meta.stipLocked`
 * rather than tldraw's `isLocked`: tldraw locks every child of a locked frame, and the notes
 * inside a locked werkvorm must stay its children (votes, the report and moving read them
 * there) and stay editable. The server reads either flag (packages/templates locked-part.ts).
 */
export function isLockedTemplateShape(shape: TLShape): boolean {
  if (!isLockableTemplateShape(shape)) return false
  return shape.isLocked || shape.meta.stipLocked === true
}

/** The lockable shapes of one werkvorm instance on the current page. */
function lockableShapes(editor: Editor, instance: string): TLShape[] {
  return templateShapesOf(editor).filter(
    (shape) => readTemplateMeta(shape)?.stipInstance === instance && isLockableTemplateShape(shape),
  )
}

export function isTemplateLocked(editor: Editor, instance: string): boolean {
  const shapes = lockableShapes(editor, instance)
  return shapes.length > 0 && shapes.every(isLockedTemplateShape)
}

/** The lock as one shape carries it: the frame in its meta, the other parts in `isLocked`. */
function lockedPartial(shape: TLShape, locked: boolean) {
  if (shape.type !== 'frame') return { id: shape.id, type: shape.type, isLocked: locked }
  // tldraw merges a partial's meta into the record's, so the unlock writes false explicitly.
  return { id: shape.id, type: shape.type, isLocked: false, meta: { stipLocked: locked } }
}

/**
 * Locks or unlocks one werkvorm. Notes inside stay children of the frame either way. Unlocking
 * also takes back the notes an older version of the lock moved out of the frame: notes on the
 * frame's parent whose centre lies inside it.
 */
export function setTemplateLocked(editor: Editor, instance: string, locked: boolean): void {
  const shapes = lockableShapes(editor, instance)
  editor.markHistoryStoppingPoint(locked ? 'lock werkvorm' : 'unlock werkvorm')
  editor.run(
    () => {
      editor.updateShapes(shapes.map((shape) => lockedPartial(shape, locked)))
      if (!locked) {
        for (const frame of shapes.filter((shape) => shape.type === 'frame')) {
          adoptStrayNotes(editor, frame)
        }
      }
    },
    { ignoreShapeLock: true },
  )
}

function adoptStrayNotes(editor: Editor, frame: TLShape) {
  const bounds = editor.getShapePageBounds(frame)
  if (!bounds) return
  const strays = editor
    .getSortedChildIdsForParent(frame.parentId)
    .map((id) => editor.getShape(id))
    .filter((shape): shape is TLShape => {
      if (shape?.type !== 'note') return false
      const box = editor.getShapePageBounds(shape)
      return !!box && bounds.containsPoint(box.center)
    })
  if (strays.length > 0) editor.reparentShapes(strays, frame.id)
}
