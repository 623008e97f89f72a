import { indexShapes, type Locale, pageRect, type Rect, readTemplateMeta } from '@stip/templates'
import { richTextToPlain } from './note-text'

/*
 * The board as the report draws it, without a browser: frames (werkvormen and the
 * facilitator's own), the werkvormen's lanes with their questions' labels, and the notes in
 * page coordinates, coloured by organisation. One scene, drawn twice: as PDF vector graphics
 * (board-picture-pdf.ts) and as an SVG rendered to PNG for Word (board-picture-png.ts).
 */

export interface SceneNote {
  rect: Rect
  /** The organisation's own colour, or a note yellow for notes without one. */
  color: string
  text: string
}

export interface BoardScene {
  /** Everything drawn; empty boards get a small empty area. */
  bounds: Rect
  frames: Array<{ rect: Rect; name: string }>
  lanes: Array<{ rect: Rect; label: string }>
  notes: SceneNote[]
  legend: Array<{ name: string; color: string }>
  /**
   * Whether notes show their text on the picture. A busy board (more than NOTE_TEXT_LIMIT
   * notes) shows coloured tiles: the text would be too small to read, and setting it costs
   * seconds; every note is written out below the picture anyway.
   */
  noteText: boolean
}

export const NOTE_TEXT_LIMIT = 300

const NOTE_YELLOW = '#f6c453'
const MARGIN = 40

const isHex = (color: string) => /^#[0-9a-f]{6}$/i.test(color)

/**
 * The scene of a board. Notes of a silent round that is still hidden are left out: the
 * picture must not show what the room has not seen yet.
 */
export function buildBoardScene(
  records: Iterable<unknown>,
  organisations: ReadonlyArray<{ name: string; color: string }>,
  locale: Locale,
  hiddenRound: string | null,
): BoardScene {
  const shapes = indexShapes(records)
  const colourOf = new Map(
    organisations.filter((o) => isHex(o.color)).map((o) => [o.name, o.color] as const),
  )
  const scene: Omit<BoardScene, 'bounds' | 'noteText'> = {
    frames: [],
    lanes: [],
    notes: [],
    legend: [],
  }
  const used = new Set<string>()
  for (const shape of shapes.values()) {
    const meta = readTemplateMeta(shape)
    const rect = pageRect(shapes, shape)
    // A record a client wrote badly has no place on the picture.
    if (![rect.x, rect.y, rect.w, rect.h].every(Number.isFinite)) continue
    if (shape.type === 'frame') {
      const name = typeof shape.props.name === 'string' ? shape.props.name : ''
      scene.frames.push({ rect, name })
    } else if (meta?.stipPart === 'lane') {
      scene.lanes.push({ rect, label: meta.stipSectionLabel?.[locale] ?? '' })
    } else if (shape.type === 'note' && meta?.stipPart !== 'example') {
      if (hiddenRound && shape.meta.silentRoundId === hiddenRound) continue
      const organisation =
        typeof shape.meta.organisation === 'string' ? shape.meta.organisation : null
      const color = (organisation && colourOf.get(organisation)) || NOTE_YELLOW
      if (organisation && colourOf.has(organisation)) used.add(organisation)
      scene.notes.push({
        rect,
        color,
        text: richTextToPlain(shape.props.richText).replace(/\s+/g, ' '),
      })
    }
  }
  // Outer frames first, so an inner frame is drawn on top of the one around it.
  scene.frames.sort((a, b) => b.rect.w * b.rect.h - a.rect.w * a.rect.h)
  scene.legend = organisations
    .filter((o) => used.has(o.name))
    .map((o) => ({ name: o.name, color: colourOf.get(o.name)! }))
  const rects = [...scene.frames, ...scene.lanes, ...scene.notes].map((item) => item.rect)
  return { ...scene, bounds: boundsOf(rects), noteText: scene.notes.length <= NOTE_TEXT_LIMIT }
}

function boundsOf(rects: readonly Rect[]): Rect {
  if (rects.length === 0) return { x: 0, y: 0, w: 800, h: 450 }
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const r of rects) {
    minX = Math.min(minX, r.x - MARGIN)
    minY = Math.min(minY, r.y - MARGIN)
    maxX = Math.max(maxX, r.x + r.w + MARGIN)
    maxY = Math.max(maxY, r.y + r.h + MARGIN)
  }
  return { x: minX, y: minY, w: Math.max(1, maxX - minX), h: Math.max(1, maxY - minY) }
}

/** `color` mixed with white: the fill of a note, light enough for dark text on it. */
export function lighten(color: string, amount: number): string {
  if (!isHex(color)) return color
  const channel = (index: number) => {
    const value = Number.parseInt(color.slice(1 + index * 2, 3 + index * 2), 16)
    return Math.round(value + (255 - value) * amount)
      .toString(16)
      .padStart(2, '0')
  }
  return `#${channel(0)}${channel(1)}${channel(2)}`
}
