import { type Editor, type TLShapeId, useEditor, useValue } from 'tldraw'

export type NoteCorner = 'top-right' | 'bottom-left'

export interface ScreenPoint {
  left: number
  top: number
}

/*
 * How many note positions the overlays have read, per editor. A browser test reads it through
 * the test handle: dragging one note must not make the overlays place every note again.
 */
const readings = new WeakMap<Editor, number>()

export function noteAnchorReadings(editor: Editor): number {
  return readings.get(editor) ?? 0
}

/**
 * Where a corner of a note is on screen now, for a badge drawn in front of the canvas (it
 * follows pan and zoom). Null for a note off screen, or shown narrower than `minWidth`
 * pixels: a badge would cover the whole note. Read inside a computed, it follows that one
 * note's bounds and the camera.
 */
export function noteAnchor(
  editor: Editor,
  id: TLShapeId,
  corner: NoteCorner,
  minWidth: number,
): ScreenPoint | null {
  readings.set(editor, noteAnchorReadings(editor) + 1)
  const bounds = editor.getShapePageBounds(id)
  if (!bounds || bounds.w * editor.getZoomLevel() < minWidth) return null
  if (!editor.getViewportPageBounds().collides(bounds)) return null
  const point = editor.pageToViewport(
    corner === 'top-right'
      ? { x: bounds.maxX, y: bounds.minY }
      : { x: bounds.minX, y: bounds.maxY },
  )
  return { left: point.x, top: point.y }
}

/** `noteAnchor` for each of `ids`; notes without an anchor are left out. */
export function useNoteAnchors(
  ids: readonly string[],
  corner: NoteCorner,
  minWidth: number,
): Map<string, ScreenPoint> {
  const editor = useEditor()
  return useValue('stip note anchors', () => {
    const anchors = new Map<string, ScreenPoint>()
    for (const id of ids) {
      const anchor = noteAnchor(editor, id as TLShapeId, corner, minWidth)
      if (anchor) anchors.set(id, anchor)
    }
    return anchors
  }, [editor, ids.join(' '), corner, minWidth])
}
