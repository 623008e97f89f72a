import { isClusterFrame } from '@stip/templates'
import type { Editor, TLFrameShape } from 'tldraw'

/**
 * The werkvorm a vote would run on: the one selected frame, or the frame around the one
 * selected shape (a note inside it). Locked titles and lanes cannot be selected, so clicking a
 * note is as good as clicking the werkvorm's name. A cluster is part of its werkvorm: clicking
 * it or a note in it picks the werkvorm around it.
 */
export function selectedWerkvorm(editor: Editor): { id: string; name: string } | null {
  const selected = editor.getOnlySelectedShape()
  if (!selected) return null
  const isWerkvorm = (shape: { type: string; meta?: unknown }) =>
    shape.type === 'frame' && !isClusterFrame(shape)
  const frame = isWerkvorm(selected) ? selected : editor.findShapeAncestor(selected, isWerkvorm)
  if (!frame) return null
  return { id: frame.id, name: (frame as TLFrameShape).props.name }
}
