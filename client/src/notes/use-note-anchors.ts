import { type TLShapeId, useEditor, useValue } from 'tldraw'

export type NoteCorner = 'top-right' | 'bottom-left'

export interface ScreenPoint {
  left: number
  top: number
}

/**
 * Where a corner of each note is on screen now, for badges drawn in front of the canvas (they
 * follow pan and zoom). Notes off screen, or shown narrower than `minWidth` pixels, get none:
 * a badge would cover the whole note.
 */
export function useNoteAnchors(
  ids: readonly string[],
  corner: NoteCorner,
  minWidth: number,
): Map<string, ScreenPoint> {
  const editor = useEditor()
  return useValue('stip note anchors', () => {
    const anchors = new Map<string, ScreenPoint>()
    const viewport = editor.getViewportPageBounds()
    const zoom = editor.getZoomLevel()
    for (const id of ids) {
      const bounds = editor.getShapePageBounds(id as TLShapeId)
      if (!bounds || !viewport.collides(bounds) || bounds.w * zoom < minWidth) continue
      const point = editor.pageToViewport(
        corner === 'top-right'
          ? { x: bounds.maxX, y: bounds.minY }
          : { x: bounds.minX, y: bounds.maxY },
      )
      anchors.set(id, { left: point.x, top: point.y })
    }
    return anchors
  }, [editor, ids.join(' '), corner, minWidth])
}
