import { Box, type Editor } from 'tldraw'

/** Room around the content when the board opens, in screen pixels. */
const INSET_PX = 48
/**
 * tldraw's own controls lie over the canvas: the page menu top left (and a werkvorm's title
 * sits just above its frame), the toolbar at the bottom. The content is fitted between them.
 */
const TOP_CLEARANCE_PX = 64
const BOTTOM_CLEARANCE_PX = 72
/** A phone's toolbar takes two rows (tools and the style/undo row). */
const PHONE_BOTTOM_CLEARANCE_PX = 128
const PHONE_SIDE_INSET_PX = 12
/** Narrower than this, the viewport is a phone's. */
const PHONE_WIDTH_PX = 700
/** A board that fits at this zoom or closer opens whole: a werkvorm is seen at once. */
const SMALLEST_FITTING_ZOOM = 0.3
/**
 * On a phone a werkvorm (1,000 to 1,900 units wide) only fits far out; it still opens whole,
 * so people see where to write and zoom in with their fingers, unless even this is too small.
 */
const PHONE_SMALLEST_FITTING_ZOOM = 0.1
/**
 * A larger board opens on its top-left part at this zoom: notes stay readable, and a board of
 * thousands of notes does not draw them all before anyone can work (2,000 shapes: interactive
 * in 1.8 s at 100 %, 2.5 s at 25 %).
 */
const LARGE_BOARD_ZOOM = 0.5

/**
 * Opens the board on its content: all of it in view, clear of tldraw's page menu and toolbar, if
 * it fits at 30 % or closer (10 % on a phone; never past 100 %), else its top-left part at 50 %.
 * Without this a new board showed only the top-left corner of its werkvorm at 100 %. An empty
 * board keeps tldraw's default view.
 */
export function showBoardContent(editor: Editor): void {
  const content = editor.getCurrentPageBounds()
  if (!content) return
  const viewport = editor.getViewportScreenBounds()
  const phone = viewport.w < PHONE_WIDTH_PX
  const side = phone ? PHONE_SIDE_INSET_PX : INSET_PX
  const top = TOP_CLEARANCE_PX
  const bottom = phone ? PHONE_BOTTOM_CLEARANCE_PX : BOTTOM_CLEARANCE_PX
  const room = { w: viewport.w - side * 2, h: viewport.h - top - bottom }
  const fit = Math.min(room.w / content.w, room.h / content.h, 1)
  if (fit >= (phone ? PHONE_SMALLEST_FITTING_ZOOM : SMALLEST_FITTING_ZOOM)) {
    // Centred in the room between the controls; the camera puts page point p at (p + c) * z.
    const left = side + (room.w - content.w * fit) / 2
    const upper = top + (room.h - content.h * fit) / 2
    editor.setCamera({ x: left / fit - content.x, y: upper / fit - content.y, z: fit })
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
