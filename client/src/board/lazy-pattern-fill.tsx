import { useEffect, useRef, useState } from 'react'
import {
  DefaultFontStyle,
  type Editor,
  suffixSafeId,
  type TLShapeUtilCanvasSvgDef,
  tlenv,
  useColorMode,
  useEditor,
  useSharedSafeId,
  useValue,
} from 'tldraw'

/**
 * tldraw's hatched ("pattern") fill, with its tiles drawn when a zoom level first needs them.
 *
 * tldraw 5.4 draws every tile a shape could ever need when the canvas mounts: one per zoom
 * level up to max zoom ÷ min zoom (8 ÷ 0.05 = 160, so nine levels up to a 2,048-pixel square
 * times the device pixel ratio), in both colour modes, each encoded to a PNG. That cost a
 * board ~350 ms of main thread in the first second of every load (V8 profile of a 2,000-shape
 * load), with or without a hatched shape on it, and on a phone at ratio 3 a 6,144-pixel canvas.
 * At zoom 1 a shape needs only the 8-pixel tile.
 *
 * This def keeps tldraw's pattern ids (`useSharedSafeId('hash_pattern')` + theme + level, what
 * tldraw's `PatternFill` refers to) and every level's element, so each reference resolves; a
 * level shows tldraw's plain background pixel until its tile is drawn. Tiles are drawn for the
 * levels in use: the view's zoom times each scale a hatched shape on the page has.
 */
export const PATTERN_DEF_KEY = `${DefaultFontStyle.id}:pattern`

/** The shape utils' canvas defs, with tldraw's pattern def replaced by the lazy one. */
export function withLazyPatternFill(defs: TLShapeUtilCanvasSvgDef[]): TLShapeUtilCanvasSvgDef[] {
  return defs.map((def) =>
    def.key === PATTERN_DEF_KEY ? { key: def.key, component: LazyPatternFillDef } : def,
  )
}

/** tldraw's tile: 8 page units. */
const TILE_SIZE = 8
/** tldraw's zoom steps run from 0.05 to 8; a shape drawn at 1/0.05 scale may be seen at 8. */
const MAX_EFFECTIVE_ZOOM = 8 / 0.05
/** tldraw's plain pixels, shown until a level's tile is drawn. */
const PLACEHOLDER_COLOUR = { light: '#f8f9fa', dark: '#212529' } as const

type ColourMode = keyof typeof PLACEHOLDER_COLOUR

/** tldraw's level of detail for a zoom: the power of two at or above it (0 for zoom ≤ 1). */
export function patternLevel(zoom: number): number {
  return Math.ceil(Math.log2(Math.max(1, zoom)))
}

const LEVELS = Array.from({ length: patternLevel(MAX_EFFECTIVE_ZOOM) + 1 }, (_, level) => level)

/**
 * The levels the page shows now: the view's zoom, times every scale of a hatched shape on the
 * current page (tldraw's dynamic size mode and scale-resizing give shapes a scale ≠ 1).
 */
export function patternLevelsInUse(editor: Editor): number[] {
  const zoom = editor.getEfficientZoomLevel()
  const levels = new Set([patternLevel(zoom)])
  for (const shape of editor.getCurrentPageShapes()) {
    const props = shape.props as { fill?: string; scale?: number }
    if (props.fill === 'pattern' && props.scale !== undefined && props.scale !== 1) {
      levels.add(patternLevel(zoom * props.scale))
    }
  }
  return [...levels].sort((a, b) => a - b)
}

function LazyPatternFillDef() {
  const editor = useEditor()
  const baseId = useSharedSafeId('hash_pattern')
  const mode = useColorMode()
  const dpr = useValue('devicePixelRatio', () => editor.getInstanceState().devicePixelRatio, [
    editor,
  ])
  const inUse = useValue('pattern levels in use', () => patternLevelsInUse(editor).join(','), [
    editor,
  ])
  const tiles = usePatternTiles(editor, mode, dpr, inUse)
  const containerRef = useRef<SVGGElement>(null)

  // tldraw's Safari fix: Safari repaints a pattern whose image changed only after a relayout.
  useEffect(() => {
    if (!tlenv.isSafari || tiles.size === 0) return
    const htmlLayer = containerRef.current?.closest<HTMLElement>('.tl-html-layer')
    if (!htmlLayer) return
    editor.timers.requestAnimationFrame(() => {
      htmlLayer.style.display = 'none'
      editor.timers.requestAnimationFrame(() => {
        htmlLayer.style.display = ''
      })
    })
  }, [editor, tiles])

  const placeholders = placeholderPixels()
  return (
    <g ref={containerRef}>
      {(['light', 'dark'] as const).flatMap((theme) =>
        LEVELS.map((level) => {
          const id = suffixSafeId(baseId, `${theme}_${level}`)
          const url = tiles.get(tileKey(theme, level, dpr)) ?? placeholders[theme]
          return (
            <pattern
              key={id}
              id={id}
              width={TILE_SIZE}
              height={TILE_SIZE}
              patternUnits="userSpaceOnUse"
            >
              <image href={url} width={TILE_SIZE} height={TILE_SIZE} />
            </pattern>
          )
        }),
      )}
    </g>
  )
}

function tileKey(theme: ColourMode, level: number, dpr: number): string {
  return `${theme}_${level}_${dpr}`
}

/** Object URLs of the tiles drawn so far, by tileKey; drawn for the levels in use. */
function usePatternTiles(
  editor: Editor,
  mode: ColourMode,
  dpr: number,
  inUse: string,
): ReadonlyMap<string, string> {
  const [tiles, setTiles] = useState<ReadonlyMap<string, string>>(new Map())
  const drawn = useRef(new Map<string, Promise<string | null>>())
  const mounted = useRef(true)

  useEffect(() => {
    const solid = editor.getCurrentTheme().colors[mode].solid
    for (const level of inUse.split(',').map(Number)) {
      const key = tileKey(mode, level, dpr)
      if (drawn.current.has(key)) continue
      const tile = drawTile(level, dpr, solid)
      drawn.current.set(key, tile)
      tile.then((url) => {
        if (url === null) drawn.current.delete(key)
        else if (mounted.current) setTiles((before) => new Map(before).set(key, url))
        else URL.revokeObjectURL(url)
      })
    }
  }, [editor, mode, dpr, inUse])

  useEffect(() => {
    mounted.current = true
    const all = drawn.current
    return () => {
      mounted.current = false
      for (const tile of all.values()) {
        tile.then((url) => url !== null && URL.revokeObjectURL(url))
      }
      all.clear()
    }
  }, [])

  return tiles
}

/** tldraw's hatch: the solid colour with three diagonal strokes cut out, as a PNG object URL. */
function drawTile(level: number, dpr: number, solid: string): Promise<string | null> {
  const zoom = 2 ** level
  const size = TILE_SIZE * zoom * dpr
  const canvas = document.createElement('canvas')
  canvas.width = size
  canvas.height = size
  const ctx = canvas.getContext('2d')
  if (!ctx) return Promise.resolve(null)
  ctx.fillStyle = solid
  ctx.fillRect(0, 0, size, size)
  ctx.globalCompositeOperation = 'destination-out'
  ctx.lineCap = 'round'
  ctx.lineWidth = 1.25 * zoom * dpr
  const step = TILE_SIZE / 12
  const at = (v: number) => v * step * zoom * dpr
  ctx.beginPath()
  for (const [x1, y1, x2, y2] of [
    [1, 3, 3, 1],
    [5, 7, 7, 5],
    [9, 11, 11, 9],
  ] as const) {
    ctx.moveTo(at(x1), at(y1))
    ctx.lineTo(at(x2), at(y2))
  }
  ctx.stroke()
  return new Promise((resolve) =>
    canvas.toBlob((blob) => resolve(blob ? URL.createObjectURL(blob) : null)),
  )
}

let placeholders: Record<ColourMode, string> | undefined

function placeholderPixels(): Record<ColourMode, string> {
  placeholders ??= {
    light: onePixel(PLACEHOLDER_COLOUR.light),
    dark: onePixel(PLACEHOLDER_COLOUR.dark),
  }
  return placeholders
}

function onePixel(colour: string): string {
  const canvas = document.createElement('canvas')
  canvas.width = 1
  canvas.height = 1
  const ctx = canvas.getContext('2d')
  if (!ctx) return ''
  ctx.fillStyle = colour
  ctx.fillRect(0, 0, 1, 1)
  return canvas.toDataURL()
}
