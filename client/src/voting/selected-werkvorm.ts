import type { Editor, TLFrameShape } from 'tldraw'

/**
 * The werkvorm a vote would run on: the one selected frame, or the frame around the one
 * selected shape (a note inside it). Locked titles and lanes cannot be selected, so clicking a
 * note is as good as clicking the werkvorm's name.
 */
export function selectedWerkvorm(editor: Editor): { id: string; name: string } | null {
  const selected = editor.getOnlySelectedShape()
  if (!selected) return null
  const frame =
    selected.type === 'frame'
      ? selected
      : editor.findShapeAncestor(selected, (parent) => parent.type === 'frame')
  if (!frame) return null
  return { id: frame.id, name: (frame as TLFrameShape).props.name }
}
