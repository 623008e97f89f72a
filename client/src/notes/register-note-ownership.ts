import type { Editor } from 'tldraw'
import { claimNote, isNote, type NoteOwner } from './claim-note'

/**
 * Stamps every note this user creates with its author. Remote notes arrive through
 * `mergeRemoteChanges` (source 'remote') and are left exactly as their author wrote them.
 * Returns the cleanup that removes the side effect.
 */
export function registerNoteOwnership(editor: Editor, owner: () => NoteOwner): () => void {
  return editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || !isNote(shape)) return shape
    return claimNote(shape, owner())
  })
}
