import {
  ArrowShapeUtil,
  DrawShapeUtil,
  type Editor,
  EmbedShapeUtil,
  FrameShapeUtil,
  GeoShapeUtil,
  type Group2d,
  getDisplayValues,
  NoteShapeUtil,
  type TLEditStartInfo,
  type TLFrameShape,
  type TLGeoShape,
  type TLNoteShape,
  type TLShapeUtilCanvasSvgDef,
} from 'tldraw'
import { withOrganisationStrip } from '../notes/organisation-strip'
import { keepWordsWhole, type NoteLabelSize } from './keep-words-whole'
import { createLabelSizeCache, type LabelSizeCache, labelSizeKey } from './label-size-cache'
import { withLazyLabel } from './lazy-label-geometry'
import { withLazyPatternFill } from './lazy-pattern-fill'
import { RenderWhenVisible } from './render-when-visible'

/**
 * Measured label sizes kept per editor. One entry per distinct label (text, style, width),
 * not per shape, so a few thousand covers a large board; past that the least recently used go.
 */
const LABEL_SIZE_LIMIT = 5_000

/**
 * tldraw 5.4.2 caches label sizes in a private field keyed by record object
 * (`NoteShapeUtil._labelSizesForNoteCache`, `GeoShapeUtil._labelSizesForGeoCache`) and reads
 * it from private methods, so a subclass cannot override those methods in TypeScript. The
 * field is swapped instead; tldraw keeps its own lookup order around it (e.g. the geo
 * util's batch cache during resizes is still consulted first). If a tldraw upgrade renames
 * the field, shapes stay correct but slow, and `board-shape-utils.test.ts` fails.
 */
function replaceLabelCache<Item, Size>(
  util: object,
  field: string,
  cache: LabelSizeCache<Item, Size>,
): void {
  if (!(field in util)) return
  Object.defineProperty(util, field, { value: cache, writable: true, configurable: true })
}

/**
 * A content-keyed label cache that can also answer with a stand-in size, without measuring,
 * while the shape's outline is built (see lazy-label-geometry.ts).
 */
function outlineAwareLabelCache<Shape, Size>(keyOf: (shape: Shape) => string, standIn: Size) {
  const cache = createLabelSizeCache<Shape, Size>(keyOf, LABEL_SIZE_LIMIT)
  let outlineOnly = false
  const labels: LabelSizeCache<Shape, Size> = {
    get: (shape, measure) => (outlineOnly ? standIn : cache.get(shape, measure)),
  }
  return {
    labels,
    /** Runs `build` with every label size answered by the stand-in. */
    outline<T>(build: () => T): T {
      outlineOnly = true
      try {
        return build()
      } finally {
        outlineOnly = false
      }
    },
  }
}

/**
 * A sticky note whose label size is cached by what `measureNoteLabelSize` reads: the rich
 * text and the display values for font family, font size, line height, padding and the
 * note's fixed width and height. Position, rotation, parent, colour and scale (applied after
 * measuring) do not take part, so moving a note never measures it again.
 */
export class BoardNoteShapeUtil extends NoteShapeUtil {
  private readonly labelSizes = outlineAwareLabelCache(
    (shape: TLNoteShape) => {
      const dv = getDisplayValues(this, shape)
      return labelSizeKey(shape.props.richText, [
        dv.labelFontFamily,
        dv.labelFontSize,
        dv.labelLineHeight,
        dv.labelPadding,
        dv.noteWidth,
        dv.noteHeight,
      ])
    },
    { labelHeight: 0, labelWidth: 0, fontSizeAdjustment: 1 },
  )

  constructor(editor: Editor) {
    super(editor)
    const labels = this.labelSizes.labels
    replaceLabelCache<TLNoteShape, NoteLabelSize>(this, '_labelSizesForNoteCache', {
      get: (shape, measure) => labels.get(shape, (s) => keepWordsWhole(this, s, measure(s))),
    })
  }

  override getGeometry(shape: TLNoteShape): Group2d {
    return withLazyLabel(
      () => this.labelSizes.outline(() => super.getGeometry(shape)),
      () => super.getGeometry(shape),
    )
  }

  /**
   * Drawn once first on screen (see render-when-visible.tsx), with the organisation's exact
   * colour as a strip on top; the fill is tldraw's nearest named one.
   */
  override component(shape: TLNoteShape) {
    return (
      <RenderWhenVisible
        editor={this.editor}
        shapeId={shape.id}
        render={() => withOrganisationStrip(this.editor, shape, super.component(shape))}
      />
    )
  }
}

/**
 * A geo shape whose label size is cached by what `measureUnscaledLabelSize` reads: the rich
 * text, the display values for font family, font size, line height, minimum width, extra
 * padding and padding, and the shape's `w` and `scale` (they set the wrapping width). Height,
 * alignment and position only place the measured label, so they are not part of the key.
 */
export class BoardGeoShapeUtil extends GeoShapeUtil {
  private readonly labelSizes = outlineAwareLabelCache(
    (shape: TLGeoShape) => {
      const dv = getDisplayValues(this, shape)
      return labelSizeKey(shape.props.richText, [
        dv.labelFontFamily,
        dv.labelFontSize,
        dv.labelLineHeight,
        dv.labelMinWidth,
        dv.labelExtraPadding,
        dv.labelPadding,
        shape.props.w,
        shape.props.scale,
      ])
    },
    { w: 0, h: 0 },
  )

  constructor(editor: Editor) {
    super(editor)
    replaceLabelCache(this, '_labelSizesForGeoCache', this.labelSizes.labels)
  }

  override getGeometry(shape: TLGeoShape): Group2d {
    return withLazyLabel(
      () => this.labelSizes.outline(() => super.getGeometry(shape)),
      () => super.getGeometry(shape),
    )
  }

  override component(shape: TLGeoShape) {
    return (
      <RenderWhenVisible
        editor={this.editor}
        shapeId={shape.id}
        render={() => super.component(shape)}
      />
    )
  }

  override getCanvasSvgDefs(): TLShapeUtilCanvasSvgDef[] {
    return withLazyPatternFill(super.getCanvasSvgDefs())
  }
}

/** Draw and arrow shapes share the geo shape's hatched fill; see lazy-pattern-fill.tsx. */
export class BoardDrawShapeUtil extends DrawShapeUtil {
  override getCanvasSvgDefs(): TLShapeUtilCanvasSvgDef[] {
    return withLazyPatternFill(super.getCanvasSvgDefs())
  }
}

export class BoardArrowShapeUtil extends ArrowShapeUtil {
  override getCanvasSvgDefs(): TLShapeUtilCanvasSvgDef[] {
    return withLazyPatternFill(super.getCanvasSvgDefs())
  }
}

/**
 * A werkvorm's frame locked by the facilitator (meta.stipLocked, see werkvormen/template-lock)
 * stays selectable, so a vote can start on it, but offers no handles to resize, rotate or
 * rename it: the lock holds it still anyway, and a handle that does nothing only confuses.
 */
export class BoardFrameShapeUtil extends FrameShapeUtil {
  override canResize(shape: TLFrameShape): boolean {
    return shape.meta.stipLocked !== true && super.canResize(shape)
  }
  override hideResizeHandles(shape: TLFrameShape): boolean {
    return shape.meta.stipLocked === true || super.hideResizeHandles(shape)
  }
  override hideRotateHandle(shape: TLFrameShape): boolean {
    return shape.meta.stipLocked === true || super.hideRotateHandle(shape)
  }
  override canEdit(shape: TLFrameShape, info: TLEditStartInfo): boolean {
    return shape.meta.stipLocked !== true && super.canEdit(shape, info)
  }
}

/**
 * Shape utils that replace tldraw's defaults of the same type. Embeds are iframes to third
 * parties (YouTube, Figma, …); Stip promises no request leaves its own origin, so no URL
 * becomes an embed. Notes and geo shapes cache label sizes across record versions (see
 * above). Geo, draw and arrow shapes draw their hatch tiles only when a zoom needs them.
 * Each keeps tldraw's type, props and migrations, so the schema is unchanged and a store
 * made with `defaultShapeUtils` fits an editor made with these.
 */
export const boardShapeUtils = [
  EmbedShapeUtil.configure({ embedDefinitions: [] }),
  BoardNoteShapeUtil,
  BoardGeoShapeUtil,
  BoardFrameShapeUtil,
  BoardDrawShapeUtil,
  BoardArrowShapeUtil,
]
