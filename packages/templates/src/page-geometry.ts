/** The few fields of a tldraw shape record that page geometry needs. */
export interface ShapeLike {
  id: string
  typeName: string
  type: string
  parentId: string
  x: number
  y: number
  rotation: number
  props: Record<string, unknown>
  meta: Record<string, unknown>
}

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

export function isShapeLike(value: unknown): value is ShapeLike {
  const record = value as Partial<ShapeLike> | null
  return (
    typeof record === 'object' &&
    record !== null &&
    record.typeName === 'shape' &&
    typeof record.id === 'string' &&
    typeof record.type === 'string' &&
    typeof record.parentId === 'string' &&
    Number.isFinite(record.x) &&
    Number.isFinite(record.y)
  )
}

/** Shapes by id, for walking from a shape up through its parent frames. */
export function indexShapes(records: Iterable<unknown>): Map<string, ShapeLike> {
  const shapes = new Map<string, ShapeLike>()
  for (const record of records) {
    if (!isShapeLike(record)) continue
    // A doc can hold anything a client wrote; missing parts read as tldraw's defaults.
    shapes.set(record.id, {
      ...record,
      rotation: Number.isFinite(record.rotation) ? record.rotation : 0,
      props: isObject(record.props) ? record.props : {},
      meta: isObject(record.meta) ? record.meta : {},
    })
  }
  return shapes
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A point in `shape`'s own coordinates, in page coordinates (through every parent's rotation). */
export function toPage(
  shapes: ReadonlyMap<string, ShapeLike>,
  shape: ShapeLike,
  point: { x: number; y: number },
): { x: number; y: number } {
  let current: ShapeLike | undefined = shape
  let { x, y } = point
  // Parents cannot form a cycle in tldraw; the cap guards against a corrupt document.
  for (let depth = 0; current && depth < 100; depth++) {
    const cos = Math.cos(current.rotation ?? 0)
    const sin = Math.sin(current.rotation ?? 0)
    ;[x, y] = [current.x + x * cos - y * sin, current.y + x * sin + y * cos]
    current = shapes.get(current.parentId)
  }
  return { x, y }
}

/** Width and height of a shape from its props (notes are 200 × 200 plus growth, times scale). */
export function shapeSize(shape: ShapeLike): { w: number; h: number } {
  const props = shape.props
  const scale = typeof props.scale === 'number' ? props.scale : 1
  const growY = typeof props.growY === 'number' ? props.growY : 0
  if (shape.type === 'note') return { w: 200 * scale, h: (200 + growY) * scale }
  const w = typeof props.w === 'number' ? props.w : 0
  const h = typeof props.h === 'number' ? props.h : 0
  return { w: w * scale, h: (h + growY) * scale }
}

/** The axis-aligned page rectangle of a shape (templates never rotate their lanes). */
export function pageRect(shapes: ReadonlyMap<string, ShapeLike>, shape: ShapeLike): Rect {
  const size = shapeSize(shape)
  const a = toPage(shapes, shape, { x: 0, y: 0 })
  const b = toPage(shapes, shape, { x: size.w, y: size.h })
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    w: Math.abs(b.x - a.x),
    h: Math.abs(b.y - a.y),
  }
}

export function pageCentre(shapes: ReadonlyMap<string, ShapeLike>, shape: ShapeLike) {
  const size = shapeSize(shape)
  return toPage(shapes, shape, { x: size.w / 2, y: size.h / 2 })
}

export function contains(rect: Rect, point: { x: number; y: number }): boolean {
  return (
    point.x >= rect.x &&
    point.x <= rect.x + rect.w &&
    point.y >= rect.y &&
    point.y <= rect.y + rect.h
  )
}
