import type { Editor, TLShape } from 'tldraw'
import { isLockableTemplateShape, isLockedTemplateShape } from './template-lock'

const guarded = new WeakMap<Editor, { count: number; stop(): void }>()

/** A change that only sets or clears the lock itself. */
function togglesLock(prev: TLShape, next: TLShape): boolean {
  return isLockedTemplateShape(prev) !== isLockedTemplateShape(next)
}

/**
 * Only the facilitator changes a locked werkvorm: for anyone else, a local change to a locked
 * template shape (unlocking it, moving it, editing its text) or its deletion is undone before
 * it reaches the store. A locked frame carries its lock in meta, where tldraw does not see it,
 * so it is held still here for the facilitator too, as tldraw holds the other locked parts.
 * Remote changes pass, so the facilitator's lock and unlock arrive.
 * Idempotent per editor: the panel and the board may both ask for it.
 */
export function registerTemplateGuard(editor: Editor, isFacilitator: () => boolean): () => void {
  const existing = guarded.get(editor)
  if (existing) {
    existing.count++
    return () => release(editor)
  }
  const stopChange = editor.sideEffects.registerBeforeChangeHandler(
    'shape',
    (prev, next, source) => {
      if (source !== 'user' || !isLockableTemplateShape(prev)) return next
      if (togglesLock(prev, next)) return isFacilitator() ? next : prev
      return isLockedTemplateShape(prev) ? prev : next
    },
  )
  // Deleting a frame deletes what is inside it too; tldraw does not know a frame locked in its
  // meta, so what sits inside a locked frame that is being deleted is kept here.
  const keptWithFrame = new Set<string>()
  const noteDeletion = (ids: string[]) => {
    for (const id of ids) {
      const shape = editor.getShape(id as TLShape['id'])
      if (!shape || !isLockedTemplateShape(shape)) continue
      for (const child of editor.getSortedChildIdsForParent(shape.id)) keptWithFrame.add(child)
    }
    if (keptWithFrame.size > 0) queueMicrotask(() => keptWithFrame.clear())
  }
  editor.on('deleted-shapes', noteDeletion)
  const stopDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
    if (source !== 'user') return
    if (isLockedTemplateShape(shape) || keptWithFrame.has(shape.id)) return false
  })
  guarded.set(editor, {
    count: 1,
    stop() {
      stopChange()
      stopDelete()
      editor.off('deleted-shapes', noteDeletion)
    },
  })
  return () => release(editor)
}

function release(editor: Editor) {
  const entry = guarded.get(editor)
  if (!entry) return
  entry.count--
  if (entry.count > 0) return
  entry.stop()
  guarded.delete(editor)
}
