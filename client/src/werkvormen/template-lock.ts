import { LOCKABLE_PARTS, readTemplateMeta } from '@stip/templates'
import type { Editor, TLShape } from 'tldraw'

/** Frame, lanes, titles, prompts and scales: what the lock pins down. Notes and markers stay free. */
export function isLockableTemplateShape(shape: TLShape): boolean {
  const meta = readTemplateMeta(shape)
  return meta !== undefined && LOCKABLE_PARTS.has(meta.stipPart)
}

/** The lockable shapes of one werkvorm instance on the current page. */
function lockableShapes(editor: Editor, instance: string): TLShape[] {
  return editor
    .getCurrentPageShapes()
    .filter(
      (shape) =>
        readTemplateMeta(shape)?.stipInstance === instance && isLockableTemplateShape(shape),
    )
}

export function isTemplateLocked(editor: Editor, instance: string): boolean {
  const shapes = lockableShapes(editor, instance)
  return shapes.length > 0 && shapes.every((shape) => shape.isLocked)
}

/**
 * Locks or unlocks one werkvorm. tldraw treats children of a locked frame as locked too, so
 * before locking, whatever people put inside the frame (notes, markers, drawings) moves up to
 * the frame's parent at the same page position; a locked frame takes no new children, so
 * notes added later stay free as well.
 */
export function setTemplateLocked(editor: Editor, instance: string, locked: boolean): void {
  const shapes = lockableShapes(editor, instance)
  editor.markHistoryStoppingPoint(locked ? 'lock werkvorm' : 'unlock werkvorm')
  editor.run(
    () => {
      if (locked) {
        for (const frame of shapes.filter((shape) => shape.type === 'frame')) {
          const loose = editor
            .getSortedChildIdsForParent(frame.id)
            .map((id) => editor.getShape(id))
            .filter((child): child is TLShape => !!child && !isLockableTemplateShape(child))
          if (loose.length > 0) editor.reparentShapes(loose, frame.parentId)
        }
      }
      editor.updateShapes(
        shapes.map((shape) => ({ id: shape.id, type: shape.type, isLocked: locked })),
      )
    },
    { ignoreShapeLock: true },
  )
}
