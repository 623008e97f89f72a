import type { PassageSelection } from '@stip/manifesto'
import type { EditorState } from '@tiptap/pm/state'

/** A selection in the manifesto editor that can be amended, with the text it covers. */
export type SelectedPassage = PassageSelection & { text: string }

/**
 * The editor's selection as a passage: the child indexes from the document down to the one
 * textblock holding it (the same indexes lead through the Y fragment y-prosemirror keeps), and
 * the offsets inside that block. null for an empty selection or one spanning blocks.
 */
export function selectedPassage(state: EditorState): SelectedPassage | null {
  const { $from, $to, empty } = state.selection
  if (empty || !$from.sameParent($to) || !$from.parent.isTextblock) return null
  const path: number[] = []
  for (let depth = 0; depth < $from.depth; depth++) path.push($from.index(depth))
  const text = state.doc.textBetween($from.pos, $to.pos)
  if (text.trim() === '') return null
  return { path, from: $from.parentOffset, to: $to.parentOffset, text }
}
