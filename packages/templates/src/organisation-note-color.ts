import type { TLDefaultColorStyle } from '@tldraw/tlschema'

/**
 * Distinct, calm colours that stay readable as white text on a badge and as a cursor on the
 * light canvas. Order matters: changing it recolours every organisation.
 */
export const ORGANISATION_PALETTE = [
  '#1f6feb', // blauw
  '#c2410c', // oranje
  '#15803d', // groen
  '#9333ea', // paars
  '#be123c', // rood
  '#0e7490', // petrol
  '#a16207', // oker
  '#4338ca', // indigo
  '#be185d', // roze
  '#3f6212', // olijf
  '#7c2d12', // bruin
  '#475569', // leisteen
] as const

export type NoteColor = Exclude<TLDefaultColorStyle, 'white'>

/** tldraw 5.4.2's light-theme `solid` colours, which an organisation's own colour is measured against. */
export const TLDRAW_SOLID_COLORS: Record<NoteColor, string> = {
  black: '#1d1d1d',
  grey: '#9fa8b2',
  'light-violet': '#e085f4',
  violet: '#ae3ec9',
  blue: '#4465e9',
  'light-blue': '#4ba1f1',
  yellow: '#f1ac4b',
  orange: '#e16919',
  green: '#099268',
  'light-green': '#4cb05e',
  'light-red': '#f87777',
  red: '#e03131',
}

/** In ORGANISATION_PALETTE's order: blauw, oranje, groen, paars, rood, petrol, oker, indigo, roze, olijf, bruin, leisteen. */
const PALETTE_NOTE_COLORS: readonly NoteColor[] = [
  'blue',
  'orange',
  'green',
  'violet',
  'red',
  'light-blue',
  'yellow',
  'light-violet',
  'light-red',
  'light-green',
  // Brown has no named match; 'black' notes are tldraw's pale yellow, the one left over.
  'black',
  'grey',
]

function rgb(hex: string): [number, number, number] | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim())
  if (!match?.[1]) return null
  const n = Number.parseInt(match[1], 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

/**
 * The named tldraw colour for an organisation's `#rrggbb`: its notes, its lane in a werkvorm
 * and its legend all take this one, so an organisation looks the same everywhere on the board.
 * Stip's own palette gets a fixed, hand-picked colour each (all different, so twelve
 * organisations stay apart); any other colour goes to the nearest by RGB distance.
 */
export function organisationNoteColor(hex: string): NoteColor {
  const key = hex.trim().toLowerCase()
  const fixed = PALETTE_NOTE_COLORS[(ORGANISATION_PALETTE as readonly string[]).indexOf(key)]
  if (fixed) return fixed
  const target = rgb(key)
  if (!target) return 'black'
  let best: NoteColor = 'black'
  let bestDistance = Number.POSITIVE_INFINITY
  for (const [name, solid] of Object.entries(TLDRAW_SOLID_COLORS)) {
    const candidate = rgb(solid)
    if (!candidate) continue
    const distance = candidate.reduce((sum, c, i) => sum + (c - (target[i] ?? 0)) ** 2, 0)
    if (distance < bestDistance) {
      bestDistance = distance
      best = name as NoteColor
    }
  }
  return best
}
