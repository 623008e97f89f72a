import { readTemplateMeta } from '@stip/templates'
import type { Editor } from 'tldraw'
import { templateShapesOf } from '../board/template-shapes'

/**
 * Moves the camera onto one step (lane) of the "Ambities 2040" werkvorm; false when the board
 * has no such lane (yet: records may still be arriving). Reads only the werkvorm parts: a
 * follow-up session calls it on every change until the lane is there.
 */
export function showAbcdStep(editor: Editor, sectionKey: string, animate = true): boolean {
  const lane = templateShapesOf(editor).find((shape) => {
    const meta = readTemplateMeta(shape)
    return (
      meta?.stipPart === 'lane' &&
      meta.stipTemplate === 'ambities-2040' &&
      meta.stipSection === sectionKey
    )
  })
  const bounds = lane ? editor.getShapePageBounds(lane) : undefined
  if (!bounds) return false
  editor.zoomToBounds(bounds, { inset: 48, ...(animate ? { animation: { duration: 300 } } : {}) })
  return true
}
