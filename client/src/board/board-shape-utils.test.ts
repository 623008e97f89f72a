import {
  createShapeId,
  DEFAULT_THEME,
  defaultShapeUtils,
  type Editor,
  type TLGeoShape,
  type TLNoteShape,
  toRichText,
} from 'tldraw'
import { describe, expect, it } from 'vitest'
import { BoardGeoShapeUtil, BoardNoteShapeUtil, boardShapeUtils } from './board-shape-utils'
import type { LabelSizeCache } from './label-size-cache'
import { PATTERN_DEF_KEY, patternLevel, withLazyPatternFill } from './lazy-pattern-fill'

// Label keys read only the theme and colour mode from the editor; measuring itself needs a
// DOM, so these tests hand the cache a counting measure instead of tldraw's.
const editor = {
  getCurrentTheme: () => DEFAULT_THEME,
  getColorMode: () => 'light',
} as unknown as Editor

/** The private field tldraw 5.4.2 reads label sizes from; failing here means tldraw renamed it. */
function labelCacheOf<Shape>(util: object, field: string): LabelSizeCache<Shape, number> {
  const cache = (util as Record<string, LabelSizeCache<Shape, number> | undefined>)[field]
  if (!cache) throw new Error(`tldraw no longer has ${field}`)
  return cache
}

function shapeBase(x: number) {
  return {
    id: createShapeId('s1'),
    typeName: 'shape' as const,
    x,
    y: 0,
    rotation: 0,
    index: 'a1' as TLNoteShape['index'],
    parentId: 'page:page' as TLNoteShape['parentId'],
    isLocked: false,
    opacity: 1,
    meta: {},
  }
}

describe('board shape utils', () => {
  it('does not measure a sticky note again when it only moved', () => {
    const util = new BoardNoteShapeUtil(editor)
    const cache = labelCacheOf<TLNoteShape>(util, '_labelSizesForNoteCache')
    const note: TLNoteShape = {
      ...shapeBase(0),
      type: 'note',
      props: { ...util.getDefaultProps(), richText: toRichText('Idee 1') },
    }
    let measured = 0
    const measure = () => ++measured
    cache.get(note, measure)
    cache.get({ ...note, x: 240, y: 480, rotation: 1, props: { ...note.props } }, measure)
    cache.get({ ...note, props: { ...note.props, color: 'red', scale: 2 } }, measure)
    expect(measured).toBe(1)
    cache.get({ ...note, props: { ...note.props, richText: toRichText('Idee 2') } }, measure)
    cache.get({ ...note, props: { ...note.props, size: 'xl' } }, measure)
    cache.get({ ...note, props: { ...note.props, font: 'mono' } }, measure)
    expect(measured).toBe(4)
  })

  it('measures a geo label again only when its text, style or wrapping width changed', () => {
    const util = new BoardGeoShapeUtil(editor)
    const cache = labelCacheOf<TLGeoShape>(util, '_labelSizesForGeoCache')
    const geo: TLGeoShape = {
      ...shapeBase(0),
      type: 'geo',
      props: { ...util.getDefaultProps(), w: 200, h: 100, richText: toRichText('Idee 2') },
    }
    let measured = 0
    const measure = () => ++measured
    cache.get(geo, measure)
    cache.get({ ...geo, x: 240, props: { ...geo.props, h: 300, align: 'start' } }, measure)
    expect(measured).toBe(1)
    cache.get({ ...geo, props: { ...geo.props, w: 300 } }, measure)
    cache.get({ ...geo, props: { ...geo.props, scale: 2 } }, measure)
    cache.get({ ...geo, props: { ...geo.props, size: 's' } }, measure)
    cache.get({ ...geo, props: { ...geo.props, richText: toRichText('Idee 3') } }, measure)
    expect(measured).toBe(5)
  })

  it("leaves no util on the board with tldraw's own pattern def, which draws every tile at once", () => {
    // The editor's utils: tldraw's defaults, each replaced by the board's util of its type.
    const utils = [
      ...defaultShapeUtils.filter((d) => !boardShapeUtils.some((b) => b.type === d.type)),
      ...boardShapeUtils,
    ].map((Util) => new Util(editor))
    const [lazy] = withLazyPatternFill([{ key: PATTERN_DEF_KEY, component: () => null }])
    const patternDefs = utils.flatMap((util) =>
      util.getCanvasSvgDefs().filter((def) => def.key === PATTERN_DEF_KEY),
    )
    // Geo, draw and arrow shapes offer it; a tldraw upgrade may add more, never tldraw's own.
    expect(patternDefs.length).toBeGreaterThanOrEqual(3)
    for (const def of patternDefs) expect(def.component).toBe(lazy?.component)
  })

  it("picks tldraw's pattern level for a zoom: the power of two at or above it", () => {
    expect([0.05, 0.5, 1, 1.5, 2, 3, 4, 8, 160].map(patternLevel)).toEqual([
      0, 0, 0, 1, 1, 2, 2, 3, 8,
    ])
  })
})
