import { Box, type Editor } from 'tldraw'

/** Room around the content when the board opens, in screen pixels. */
const INSET_PX = 48
/**
 * Below this zoom notes are too small to read and a large board would draw all its shapes at
 * once; a board that does not fit opens on its top-left part at this zoom instead.
 */
const SMALLEST_OPENING_ZOOM = 0.25

/**
 * Opens the board on its content: all of it in view if it fits between 25 % and 100 %, else
 * its top-left part at 25 %. Without this a new board showed only the top-left corner of its
 * werkvorm at 100 %. An empty board keeps tldraw's default view.
 */
export function showBoardContent(editor: Editor): void {
  const content = editor.getCurrentPageBounds()
  if (!content) return
  const viewport = editor.getViewportScreenBounds()
  const fit = Math.min(
    (viewport.w - INSET_PX * 2) / content.w,
    (viewport.h - INSET_PX * 2) / content.h,
  )
  if (fit >= SMALLEST_OPENING_ZOOM) {
    editor.zoomToBounds(content, { targetZoom: 1, inset: INSET_PX })
    return
  }
  const inset = INSET_PX / SMALLEST_OPENING_ZOOM
  const visible = new Box(
    content.x - inset,
    content.y - inset,
    viewport.w / SMALLEST_OPENING_ZOOM,
    viewport.h / SMALLEST_OPENING_ZOOM,
  )
  editor.zoomToBounds(visible, { inset: 0 })
}
