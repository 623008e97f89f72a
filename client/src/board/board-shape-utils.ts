import {
  type Editor,
  EmbedShapeUtil,
  GeoShapeUtil,
  getDisplayValues,
  NoteShapeUtil,
  type TLGeoShape,
  type TLNoteShape,
  type TLRichText,
  type TLShape,
} from 'tldraw'
import { createBatchedLabelMeasure } from './batched-label-measure'
import { createLabelSizeCache, type LabelSizeCache, labelSizeKey } from './label-size-cache'

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
 * The content-keyed cache, measuring many missing labels in one batch (a board opening).
 * `measureField` names tldraw's private one-shape measuring method; if an upgrade renames
 * it, labels are measured one by one as before.
 */
function batchedLabelCache<Shape extends TLShape, Size>(
  util: NoteShapeUtil | GeoShapeUtil,
  type: Shape['type'],
  measureField: string,
  keyOf: (shape: Shape) => string,
): LabelSizeCache<Shape, Size> {
  const cache = createLabelSizeCache<Shape, Size>(keyOf, LABEL_SIZE_LIMIT)
  const measure = (util as unknown as Record<string, unknown>)[measureField]
  if (typeof measure !== 'function') return cache
  const batch = createBatchedLabelMeasure<Shape, Size>({
    editor: util.editor,
    isCandidate: (record): record is Shape =>
      isShapeOfType<Shape>(record, type) && hasLabel(record),
    isCached: (shape) => cache.has(shape),
    measure: (shape) => measure.call(util, shape) as Size,
    remember: (shape, size) => cache.set(shape, size),
  })
  return {
    get(shape, measureOne) {
      if (!cache.has(shape)) batch.beforeMiss()
      return cache.get(shape, measureOne)
    },
  }
}

function isShapeOfType<Shape extends TLShape>(record: unknown, type: string): record is Shape {
  const candidate = record as Partial<TLShape> | null
  return candidate?.typeName === 'shape' && candidate.type === type
}

/** tldraw measures no empty label (its `isEmptyRichText`, which it does not export). */
function hasLabel(shape: TLShape): boolean {
  const richText = (shape.props as { richText?: TLRichText }).richText
  const blocks = (richText?.content ?? []) as Array<{ content?: unknown[] }>
  if (blocks.length === 0) return false
  return blocks.length > 1 || (blocks[0]?.content?.length ?? 0) > 0
}

/**
 * A sticky note whose label size is cached by what `measureNoteLabelSize` reads: the rich
 * text and the display values for font family, font size, line height, padding and the
 * note's fixed width and height. Position, rotation, parent, colour and scale (applied after
 * measuring) do not take part, so moving a note never measures it again.
 */
export class BoardNoteShapeUtil extends NoteShapeUtil {
  constructor(editor: Editor) {
    super(editor)
    replaceLabelCache(
      this,
      '_labelSizesForNoteCache',
      batchedLabelCache(this, 'note', 'measureNoteLabelSize', (shape: TLNoteShape) => {
        const dv = getDisplayValues(this, shape)
        return labelSizeKey(shape.props.richText, [
          dv.labelFontFamily,
          dv.labelFontSize,
          dv.labelLineHeight,
          dv.labelPadding,
          dv.noteWidth,
          dv.noteHeight,
        ])
      }),
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
  constructor(editor: Editor) {
    super(editor)
    replaceLabelCache(
      this,
      '_labelSizesForGeoCache',
      batchedLabelCache(this, 'geo', 'measureUnscaledLabelSize', (shape: TLGeoShape) => {
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
      }),
    )
  }
}

/**
 * Shape utils that replace tldraw's defaults of the same type. Embeds are iframes to third
 * parties (YouTube, Figma, …); Stip promises no request leaves its own origin, so no URL
 * becomes an embed. Notes and geo shapes cache label sizes across record versions (see
 * above). Each keeps tldraw's type, props and migrations, so the schema is unchanged and
 * a store made with `defaultShapeUtils` fits an editor made with these.
 */
export const boardShapeUtils = [
  EmbedShapeUtil.configure({ embedDefinitions: [] }),
  BoardNoteShapeUtil,
  BoardGeoShapeUtil,
]
