import { useEffect, useLayoutEffect, useState } from 'react'
import type * as Y from 'yjs'
import { createGatedMirror, type GatedMirror } from '../sync/gated-mirror'

/**
 * The doc the manifesto editor binds to: a gated mirror of the shared doc, open while the text
 * may be edited. The server drops (and may disconnect) any write from a viewer or into a
 * frozen text, so whatever the editor writes on its own then must stay local; and freezing or
 * unfreezing only closes or opens the gate under the same editor, so nobody's caret or
 * keystrokes are lost to a re-created editor. The copy lives while the Manifest tab is open.
 */
export function useManifestoDoc(doc: Y.Doc, editable: boolean): Y.Doc | null {
  const [mirror, setMirror] = useState<{ source: Y.Doc; gated: GatedMirror } | null>(null)
  const current = mirror && mirror.source === doc ? mirror.gated : null

  useEffect(() => {
    // Starts closed; the layout effect below opens it when the text may be edited.
    const gated = createGatedMirror(doc)
    setMirror({ source: doc, gated })
    return () => gated.dispose()
  }, [doc])

  // Before paint, so a key typed right after the unfreeze already passes the gate.
  useLayoutEffect(() => {
    current?.setWritable(editable)
  }, [current, editable])

  // null for the one render before the mirror exists.
  return current ? current.doc : null
}
