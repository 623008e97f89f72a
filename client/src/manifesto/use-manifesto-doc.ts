import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { createReadOnlyMirror } from '../sync/read-only-mirror'

/**
 * The doc the manifesto editor binds to: the shared doc while the text may be edited, else a
 * one-way mirror of it. The server drops (and may disconnect) any write from a viewer or into
 * a frozen text, so whatever the editor writes on its own then must stay local.
 */
export function useManifestoDoc(doc: Y.Doc, editable: boolean): Y.Doc | null {
  const [mirror, setMirror] = useState<{ source: Y.Doc; doc: Y.Doc } | null>(null)
  useEffect(() => {
    if (editable) {
      setMirror(null)
      return
    }
    const created = createReadOnlyMirror(doc)
    setMirror({ source: doc, doc: created.doc })
    return () => created.dispose()
  }, [doc, editable])
  if (editable) return doc
  // null for the one render before the mirror exists: the editor must not touch the shared doc.
  return mirror && mirror.source === doc ? mirror.doc : null
}
