import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { anchorPosition } from '../manifesto/amendment-marks'

/** A passage with an open comment thread, as the manifesto editor marks it. */
export interface CommentedPassage {
  threadId: string
  label: string
  anchor: { start: unknown; end: unknown }
}

const key = new PluginKey<CommentedPassage[]>('commentMarks')

/** Tells the editor which passages have open threads (a transaction that changes nothing else). */
export function setCommentedPassages(view: EditorView, passages: CommentedPassage[]): void {
  view.dispatch(view.state.tr.setMeta(key, passages))
}

/** The thread of the comment mark at a clicked element, if it is one. */
export function commentMarkThread(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null
  return target.closest<HTMLElement>('.comment-mark')?.dataset.commentThread ?? null
}

/**
 * Marks the passages of open comment threads in the text (a dotted underline and a tint), so a
 * reader sees where a remark waits; a click on one opens its thread. Anchored like amendments,
 * on the server's Y relative positions, so a mark keeps covering the same words as people type
 * around it. View only: nothing reaches the shared text.
 */
export const CommentMarks = Extension.create({
  name: 'commentMarks',
  addProseMirrorPlugins() {
    return [
      new Plugin<CommentedPassage[]>({
        key,
        state: {
          init: () => [],
          apply: (tr, passages) => (tr.getMeta(key) as CommentedPassage[] | undefined) ?? passages,
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
                  class: 'comment-mark',
                  'data-comment-thread': passage.threadId,
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
