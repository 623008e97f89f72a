import { Extension } from '@tiptap/core'
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap'
import * as Y from 'yjs'

/** A passage of the manifesto anchored by the server's Y relative positions (JSON). */
export interface AnchoredPassage {
  anchor: { start: unknown; end: unknown }
}

/**
 * Where a Y relative position (the server's JSON) is in the editor's document now, through
 * y-prosemirror's mapping; null while the text it points into has not arrived.
 */
export function anchorPosition(state: EditorState, json: unknown): number | null {
  const sync = ySyncPluginKey.getState(state) as
    | { doc?: Y.Doc; type?: Y.XmlFragment; binding?: { mapping: unknown } | null }
    | undefined
  if (!sync?.doc || !sync.type || !sync.binding || typeof json !== 'object' || json === null) {
    return null
  }
  try {
    return relativePositionToAbsolutePosition(
      sync.doc,
      sync.type,
      Y.createRelativePositionFromJSON(json),
      sync.binding.mapping as never,
    )
  } catch {
    // An anchor into text this replica does not have yet: no mark until it arrives.
    return null
  }
}

/**
 * Marks of anchored passages drawn over the text (amendments, comment threads): view only,
 * nothing reaches the shared text. The anchors are resolved each time the editor draws, so a
 * mark keeps covering the same words as people type around it. `setPassages` tells the editor
 * which passages to mark, in a transaction that changes nothing else.
 */
export function anchoredMarks<P extends AnchoredPassage>(
  name: string,
  attributesOf: (passage: P) => Record<string, string>,
) {
  const key = new PluginKey<P[]>(name)
  const extension = Extension.create({
    name,
    addProseMirrorPlugins() {
      return [
        new Plugin<P[]>({
          key,
          state: {
            init: () => [],
            apply: (tr, passages) => (tr.getMeta(key) as P[] | undefined) ?? passages,
          },
          props: {
            decorations(state) {
              const decorations: Decoration[] = []
              for (const passage of key.getState(state) ?? []) {
                const from = anchorPosition(state, passage.anchor.start)
                const to = anchorPosition(state, passage.anchor.end)
                if (from === null || to === null || to <= from) continue
                decorations.push(Decoration.inline(from, to, attributesOf(passage)))
              }
              return DecorationSet.create(state.doc, decorations)
            },
          },
        }),
      ]
    },
  })
  const setPassages = (view: EditorView, passages: P[]): void => {
    view.dispatch(view.state.tr.setMeta(key, passages))
  }
  return { extension, setPassages }
}
