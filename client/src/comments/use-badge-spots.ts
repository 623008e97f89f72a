import { type TLShapeId, useEditor, useValue } from 'tldraw'

export interface BadgeSpot {
  left: number
  top: number
}

/**
 * Where each listed shape's badge goes on screen now: a note's top-left corner, a frame's
 * top-right one (its name sits at the left). Only these shapes are read, never the whole
 * page; one hidden on this device, off screen, or shown narrower than 40 px gets none.
 */
export function useBadgeSpots(ids: readonly string[]): Map<string, BadgeSpot> {
  const editor = useEditor()
  const json = useValue('stip comment badge spots', () => {
    const spots: Array<[string, BadgeSpot]> = []
    const viewport = editor.getViewportPageBounds()
    const zoom = editor.getZoomLevel()
    for (const id of ids) {
      const shape = editor.getShape(id as TLShapeId)
      if (!shape || editor.isShapeHidden(shape)) continue
      const bounds = editor.getShapePageBounds(shape)
      if (!bounds || !viewport.collides(bounds) || bounds.w * zoom < 40) continue
      const corner = shape.type === 'frame' ? { x: bounds.maxX, y: bounds.minY } : bounds.point
      const point = editor.pageToViewport(corner)
      spots.push([id, { left: Math.round(point.x), top: Math.round(point.y) }])
    }
    return JSON.stringify(spots)
  }, [editor, ids.join(' ')])
  return new Map(JSON.parse(json) as Array<[string, BadgeSpot]>)
}
