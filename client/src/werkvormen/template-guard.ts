import type { Editor } from 'tldraw'
import { isLockableTemplateShape } from './template-lock'

const guarded = new WeakMap<Editor, { count: number; stop(): void }>()

/**
 * Only the facilitator changes a locked werkvorm: for anyone else, a local change to a locked
 * template shape (unlocking it, moving it, editing its text) or its deletion is undone before
 * it reaches the store. Remote changes pass, so the facilitator's lock and unlock arrive.
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
      if (source !== 'user' || isFacilitator()) return next
      if (!isLockableTemplateShape(prev)) return next
      if (prev.isLocked || next.isLocked !== prev.isLocked) return prev
      return next
    },
  )
  const stopDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
    if (source !== 'user' || isFacilitator()) return
    if (shape.isLocked && isLockableTemplateShape(shape)) return false
  })
  guarded.set(editor, {
    count: 1,
    stop() {
      stopChange()
      stopDelete()
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
