/*
 * Where boxes go when notes are tidied: left to right in rows ("shelves") inside an area, a
 * gap between any two, a new row when the next box would cross the area's right edge or when
 * a band (one organisation, say) ends. When the rows do not fit the area's height, every box
 * is scaled down by the same factor until they do, so nothing overlaps and nothing leaves the
 * section. Pure geometry in page coordinates; the editor code applies it.
 */

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

export interface Box {
  id: string
  w: number
  h: number
}

export interface Placed {
  id: string
  x: number
  y: number
  w: number
  h: number
}

export interface ShelfLayout {
  placed: Placed[]
  /** The factor every box was scaled by (1 when everything fits as it is). */
  scale: number
  /** Whether the boxes fit inside the area (false only when even the smallest scale did not). */
  fits: boolean
}

export const GAP = 24
const MIN_SCALE = 0.3

/** Lays out `bands` (each starting on a new row) inside `area`, largest scale that fits. */
export function shelfLayout(
  area: Rect,
  bands: readonly (readonly Box[])[],
  gap = GAP,
): ShelfLayout {
  const nonEmpty = bands.filter((band) => band.length > 0)
  let scale = 1
  for (;;) {
    const placed = placeAt(area, nonEmpty, scale, gap)
    const fits = placed !== null
    if (fits || scale <= MIN_SCALE) {
      return { placed: placed ?? placeAt(area, nonEmpty, scale, gap, true)!, scale, fits }
    }
    scale = Math.max(MIN_SCALE, Math.round((scale - 0.05) * 100) / 100)
  }
}

/** Rows at one scale, or null when they cross the area's bottom (unless `overflow`). */
function placeAt(
  area: Rect,
  bands: readonly (readonly Box[])[],
  scale: number,
  gap: number,
  overflow = false,
): Placed[] | null {
  const placed: Placed[] = []
  let y = area.y
  for (const band of bands) {
    let x = area.x
    let rowHeight = 0
    for (const box of band) {
      const w = box.w * scale
      const h = box.h * scale
      if (w > area.w && !overflow) return null
      if (x > area.x && x + w > area.x + area.w) {
        y += rowHeight + gap
        x = area.x
        rowHeight = 0
      }
      placed.push({ id: box.id, x, y, w, h })
      x += w + gap
      rowHeight = Math.max(rowHeight, h)
    }
    y += rowHeight + gap
  }
  const bottom = y - gap
  if (!overflow && bottom > area.y + area.h) return null
  return placed
}

/** Whether any two rectangles overlap (touching edges do not count). */
export function anyOverlap(rects: readonly Rect[]): boolean {
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i]!
      const b = rects[j]!
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) return true
    }
  }
  return false
}

/** Whether `inner` lies inside `outer`. */
export function inside(inner: Rect, outer: Rect, tolerance = 0.5): boolean {
  return (
    inner.x >= outer.x - tolerance &&
    inner.y >= outer.y - tolerance &&
    inner.x + inner.w <= outer.x + outer.w + tolerance &&
    inner.y + inner.h <= outer.y + outer.h + tolerance
  )
}
