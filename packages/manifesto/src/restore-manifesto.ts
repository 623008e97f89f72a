import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { manifestoSchema } from './manifesto-schema'

/**
 * Makes `live` read as `past` with the fewest changes, the way the editor writes a person's
 * edit: paragraphs that are the same stay the same Yjs items and changed text is changed
 * character by character. Replacing the whole fragment by copies would also remove whatever
 * somebody typed at the same moment (or offline) into the old paragraphs.
 * Call inside a transaction of `live`'s doc; `past` must belong to a throwaway doc, because
 * reading it into ProseMirror may tidy its text nodes.
 */
export function restoreManifesto(live: Y.XmlFragment, past: Y.XmlFragment): void {
  const doc = live.doc
  if (!doc) throw new Error('the manifesto fragment must belong to a doc')
  const text = yXmlFragmentToProseMirrorRootNode(past, manifestoSchema())
  updateYFragment(doc, live, text, { mapping: new Map(), isOMark: new Map() })
}
