import { Box, type Editor } from 'tldraw'

/** Room around the content when the board opens, in screen pixels. */
const INSET_PX = 48
/** A board that fits at this zoom or closer opens whole: a werkvorm is seen at once. */
const SMALLEST_FITTING_ZOOM = 0.3
/**
 * A larger board opens on its top-left part at this zoom: notes stay readable, and a board of
 * thousands of notes does not draw them all before anyone can work (2,000 shapes: interactive
 * in 1.8 s at 100 %, 2.5 s at 25 %).
 */
const LARGE_BOARD_ZOOM = 0.5

/**
 * Opens the board on its content: all of it in view if it fits at 30 % or closer (never past
 * 100 %), else its top-left part at 50 %. Without this a new board showed only the top-left
 * corner of its werkvorm at 100 %. An empty board keeps tldraw's default view.
 */
export function showBoardContent(editor: Editor): void {
  const content = editor.getCurrentPageBounds()
  if (!content) return
  const viewport = editor.getViewportScreenBounds()
  const fit = Math.min(
    (viewport.w - INSET_PX * 2) / content.w,
    (viewport.h - INSET_PX * 2) / content.h,
  )
  if (fit >= SMALLEST_FITTING_ZOOM) {
    editor.zoomToBounds(content, { targetZoom: 1, inset: INSET_PX })
    return
  }
  const inset = INSET_PX / LARGE_BOARD_ZOOM
  const visible = new Box(
    content.x - inset,
    content.y - inset,
    viewport.w / LARGE_BOARD_ZOOM,
    viewport.h / LARGE_BOARD_ZOOM,
  )
  editor.zoomToBounds(visible, { inset: 0 })
}
