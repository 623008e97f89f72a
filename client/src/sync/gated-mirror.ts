import * as Y from 'yjs'
import { MIRRORED } from './read-only-mirror'

/** Origin of the mirror's own changes as they are passed on to the shared doc. */
export const FROM_MIRROR = Symbol('stip gated mirror')

export interface GatedMirror {
  doc: Y.Doc
  /** Opens or closes the gate; opening passes on what was written while it was closed. */
  setWritable(writable: boolean): void
  dispose(): void
}

/**
 * A copy of `source` that always follows it and passes its own changes back only while the
 * gate is open. The manifesto editor binds to it once the text has been frozen, so unfreezing
 * opens the gate instead of re-creating the editor: a new editor would lose the caret and the
 * keys typed while it binds.
 */
export function createGatedMirror(source: Y.Doc, writable = false): GatedMirror {
  const doc = new Y.Doc()
  let open = writable
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source), MIRRORED)
  const follow = (update: Uint8Array, origin: unknown) => {
    if (origin !== FROM_MIRROR) Y.applyUpdate(doc, update, MIRRORED)
  }
  const passOn = (update: Uint8Array, origin: unknown) => {
    if (open && origin !== MIRRORED) Y.applyUpdate(source, update, FROM_MIRROR)
  }
  source.on('update', follow)
  doc.on('update', passOn)
  return {
    doc,
    setWritable(writable) {
      if (writable === open) return
      open = writable
      if (!open) return
      const missing = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(source))
      Y.applyUpdate(source, missing, FROM_MIRROR)
    },
    dispose() {
      source.off('update', follow)
      doc.off('update', passOn)
      doc.destroy()
    },
  }
}
