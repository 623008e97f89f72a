import * as Y from 'yjs'

/** Origin of the updates copied from the shared doc, for anyone observing the mirror. */
export const MIRRORED = Symbol('stip read-only mirror')

/**
 * A copy of `source` that follows it one way. A viewer's editor binds to the copy: what
 * tldraw writes on its own (a default page, the user record) stays local, because the
 * server closes a viewer's connection on any non-empty update, including the sync step 2
 * that would carry such writes after a reconnect.
 */
export function createReadOnlyMirror(source: Y.Doc): { doc: Y.Doc; dispose(): void } {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source), MIRRORED)
  const follow = (update: Uint8Array) => Y.applyUpdate(doc, update, MIRRORED)
  source.on('update', follow)
  return {
    doc,
    dispose() {
      source.off('update', follow)
      doc.destroy()
    },
  }
}
