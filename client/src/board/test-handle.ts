import type { Editor } from 'tldraw'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'

export interface StipTestHandle {
  editor: Editor
  doc: Y.Doc
  provider: WebsocketProvider
  /**
   * How many note positions the overlays in front of the canvas have read so far: a test
   * checks that moving one note does not make them look at every note.
   */
  noteAnchorReadings(): number
}

declare global {
  interface Window {
    /** Read by the browser tests (page.evaluate); holds nothing a user could not reach anyway. */
    __stip?: StipTestHandle
  }
}

/** Sets `window.__stip`; the returned function clears it when the editor unmounts. */
export function exposeForTests(handle: StipTestHandle): () => void {
  window.__stip = handle
  return () => {
    if (window.__stip === handle) window.__stip = undefined
  }
}
