import { Box, type Editor } from 'tldraw'

/** Space between notes placed side by side, in page units at scale 1. */
const GAP = 20
/** Spots tried to the right before the note goes in the middle anyway. */
const MAX_STEPS = 40

/**
 * Where a new square note of `size` goes: in the middle of the view, or else the first spot to
 * its right that no note covers. Pressing Shift+N three times makes three notes in a row, not
 * three notes on top of each other that look like one.
 */
export function freeNoteSpot(
  editor: Editor,
  size: number,
  scale: number,
): { x: number; y: number } {
  const center = editor.getViewportPageBounds().center
  const notes = editor
    .getCurrentPageShapes()
    .filter((shape) => shape.type === 'note')
    .map((shape) => editor.getShapePageBounds(shape))
    .filter((bounds): bounds is Box => bounds !== undefined)
  const middle = { x: center.x - size / 2, y: center.y - size / 2 }
  for (let step = 0; step < MAX_STEPS; step++) {
    const spot = new Box(middle.x + step * (size + GAP * scale), middle.y, size, size)
    if (!notes.some((bounds) => bounds.collides(spot))) return { x: spot.x, y: spot.y }
  }
  return middle
}
