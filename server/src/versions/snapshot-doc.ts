import * as Y from 'yjs'

/** A document read from one Yjs update (a stored version's snapshot). */
export function docFromSnapshot(snapshot: Uint8Array): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, snapshot)
  return doc
}
