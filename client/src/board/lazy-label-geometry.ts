import {
  type Box,
  Geometry2d,
  type Geometry2dFilters,
  Group2d,
  type Vec,
  type VecLike,
} from 'tldraw'

/**
 * A label's hit area whose size is measured the first time something asks about it.
 *
 * tldraw's note and geo shapes measure their label in the DOM to build their geometry, yet
 * the label never counts towards the shape's bounds (`excludeFromShapeBounds`): the spatial
 * index, culling and selection bounds only need the outer shape, whose height already sits
 * in the record (`growY`). Opening a board built geometry for every shape and so measured
 * every label, on screen or not (about 1.2 s for 2,000 shapes). Deferred, a label is measured
 * when a pointer, a text edit or an export actually needs it.
 */
class LazyLabel2d extends Geometry2d {
  private measured: Geometry2d | undefined

  constructor(
    private readonly measure: () => Geometry2d,
    isEmptyLabel: boolean,
  ) {
    super({
      isFilled: true,
      isClosed: true,
      isLabel: true,
      excludeFromShapeBounds: true,
      isEmptyLabel,
    })
  }

  private get label(): Geometry2d {
    this.measured ??= this.measure()
    return this.measured
  }

  override getVertices(filters: Geometry2dFilters): Vec[] {
    return this.label.getVertices(filters)
  }
  override nearestPoint(point: VecLike, filters?: Geometry2dFilters): Vec {
    return this.label.nearestPoint(point, filters)
  }
  override hitTestPoint(point: VecLike, margin?: number, hitInside?: boolean): boolean {
    return this.label.hitTestPoint(point, margin, hitInside)
  }
  override hitTestLineSegment(A: VecLike, B: VecLike, distance?: number): boolean {
    return this.label.hitTestLineSegment(A, B, distance)
  }
  override distanceToPoint(point: VecLike, hitInside?: boolean): number {
    return this.label.distanceToPoint(point, hitInside)
  }
  override getBounds(): Box {
    return this.label.getBounds()
  }
  override getSvgPathData(first: boolean): string {
    return this.label.getSvgPathData(first)
  }
}

/**
 * The shape's geometry with its label measured only on demand. `outline` builds the geometry
 * with a stand-in label size (its label part is dropped); `full` builds it with the real one.
 */
export function withLazyLabel(outline: () => Group2d, full: () => Group2d): Group2d {
  const shapeParts = outline()
  const parts = shapeParts.children.filter((child) => !child.isLabel)
  const placeholder = shapeParts.children.find((child) => child.isLabel)
  if (!placeholder || parts.length === 0) return full()
  const label = new LazyLabel2d(() => {
    const measured = full().children.find((child) => child.isLabel)
    if (!measured) throw new Error('the shape geometry lost its label')
    return measured
  }, placeholder.isEmptyLabel)
  return new Group2d({ children: [...parts, label, ...shapeParts.ignoredChildren] })
}
