import { Box, type Editor } from 'tldraw'

const MARGIN = 120

/**
 * Where a new frame of `w` × `h` can go without covering anything on the page: beside
 * `anchor`, moved right past whatever is in the way until the spot is clear.
 */
export function freeSpotBeside(editor: Editor, anchor: Box, w: number, h: number) {
  const taken = editor
    .getCurrentPageShapes()
    .filter((shape) => shape.parentId === editor.getCurrentPageId())
    .map((shape) => editor.getShapePageBounds(shape))
    .filter((box): box is Box => box !== undefined)
  const spot = new Box(anchor.maxX + MARGIN, anchor.y, w, h)
  for (;;) {
    const blocking = taken.filter((box) => box.collides(spot.clone().expandBy(MARGIN / 2)))
    if (blocking.length === 0) return { x: spot.x, y: spot.y }
    spot.x = Math.max(...blocking.map((box) => box.maxX)) + MARGIN
  }
}
