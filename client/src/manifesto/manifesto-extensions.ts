import { manifestoSchemaExtensions } from '@stip/manifesto/schema'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { othersOnlyAwareness } from './others-only-awareness'

/** Who shows at the caret; stored in awareness under `user` (tldraw's presence uses `tldraw`). */
export interface CaretUser {
  name: string
  organisation: string
  color: string
}

export interface ManifestoBinding {
  fragment: Y.XmlFragment
  awareness: Awareness
  user: CaretUser
  renderCaret?: (user: Record<string, unknown>) => HTMLElement
}

/**
 * The manifesto editor's extensions: the manifesto's schema (@stip/manifesto) bound to a
 * fragment, with carets. The editor and the convergence test build their editors from this.
 */
export function manifestoExtensions({ fragment, awareness, user, renderCaret }: ManifestoBinding) {
  return [
    ...manifestoSchemaExtensions(),
    Collaboration.configure({ fragment }),
    CollaborationCaret.configure({
      provider: { awareness: othersOnlyAwareness(awareness) },
      user,
      ...(renderCaret ? { render: renderCaret } : {}),
    }),
  ]
}
