import { laneLabelHeight } from '@stip/templates'
import { Box, type Editor, type TLShapeId } from 'tldraw'

/** Room kept clear around a placed note, and inside the lane's edge. */
const GAP = 16
const PADDING = 24
/** How far apart the tried spots are; small enough to use a crowded lane's gaps. */
const STEP = 20

/**
 * Where a note of `size` can go inside a werkvorm's section (its lane) without covering
 * anything: the first clear spot in reading order below the lane's heading and question.
 * `ignore` is the note being moved, which must not count as in its own way. Returns the note's
 * top-left in page coordinates; in a full lane, the top-left of the free area (the note still
 * lands in the section, over another one).
 */
export function freeNoteSpot(
  editor: Editor,
  laneId: TLShapeId,
  size: { w: number; h: number },
  ignore?: TLShapeId,
): { x: number; y: number } | null {
  const lane = editor.getShape(laneId)
  const area = lane && editor.getShapePageBounds(lane)
  if (!lane || !area) return null
  const label = (editor.getShapeUtil(lane).getText(lane) ?? '').split('\n')
  const top = area.y + Math.min(laneLabelHeight(area.w, label), area.h / 2)
  const skip = new Set<TLShapeId>([laneId, ...editor.getShapeAncestors(lane).map((s) => s.id)])
  if (ignore) skip.add(ignore)
  const obstacles = editor
    .getCurrentPageShapes()
    .filter((shape) => !skip.has(shape.id))
    .map((shape) => editor.getShapePageBounds(shape))
    .filter((box): box is Box => box?.collides(area) === true)
  const spot = new Box(0, 0, size.w, size.h)
  for (let y = top; y + size.h <= area.maxY - PADDING; y += STEP) {
    for (let x = area.x + PADDING; x + size.w <= area.maxX - PADDING; x += STEP) {
      spot.x = x
      spot.y = y
      const room = spot.clone().expandBy(GAP)
      if (!obstacles.some((box) => box.collides(room))) return { x, y }
    }
  }
  return { x: area.x + PADDING, y: Math.min(top, area.maxY - size.h / 2) }
}
