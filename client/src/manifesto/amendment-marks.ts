import { Extension } from '@tiptap/core'
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap'
import * as Y from 'yjs'

/** An open amendment's passage, as the editor marks it. */
export interface MarkedPassage {
  number: number
  label: string
  anchor: { start: unknown; end: unknown }
}

const key = new PluginKey<MarkedPassage[]>('amendmentMarks')

/** Tells the editor which passages to mark (a transaction that changes nothing else). */
export function setMarkedPassages(view: EditorView, passages: MarkedPassage[]): void {
  view.dispatch(view.state.tr.setMeta(key, passages))
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
 * Underlines the passages of open amendments in the text, numbered, so a reader sees where a
 * change is proposed. The anchors are the server's Y relative positions, resolved through
 * y-prosemirror's mapping each time the editor draws.
 */
export const AmendmentMarks = Extension.create({
  name: 'amendmentMarks',
  addProseMirrorPlugins() {
    return [
      new Plugin<MarkedPassage[]>({
        key,
        state: {
          init: () => [],
          apply: (tr, passages) => (tr.getMeta(key) as MarkedPassage[] | undefined) ?? passages,
        },
        props: {
          decorations(state) {
            const passages = key.getState(state) ?? []
            const decorations: Decoration[] = []
            for (const passage of passages) {
              const from = anchorPosition(state, passage.anchor.start)
              const to = anchorPosition(state, passage.anchor.end)
              if (from === null || to === null || to <= from) continue
              decorations.push(
                Decoration.inline(from, to, {
                  class: 'amendment-mark',
                  'data-amendment': String(passage.number),
                  title: passage.label,
                }),
              )
            }
            return DecorationSet.create(state.doc, decorations)
          },
        },
      }),
    ]
  },
})
