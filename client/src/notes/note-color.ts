import type { TLDefaultColorStyle } from 'tldraw'
import { ORGANISATION_PALETTE } from '../identity/organisation-color'

/*
 * tldraw notes take only named colours, so an organisation's colour is mapped to one of them.
 * Stip's own palette gets a fixed, hand-picked colour each (all different, so twelve
 * organisations stay apart); a colour the facilitator typed in goes to the nearest named
 * colour by RGB distance. Either way the same organisation colour always gives the same note.
 */

/** tldraw 5.4.2's light-theme `solid` (for distance) and `noteFill` (what a note shows). */
export const TLDRAW_NOTE_COLOURS: Record<
  Exclude<TLDefaultColorStyle, 'white'>,
  { solid: string; noteFill: string }
> = {
  black: { solid: '#1d1d1d', noteFill: '#fce19c' },
  grey: { solid: '#9fa8b2', noteFill: '#c0cad3' },
  'light-violet': { solid: '#e085f4', noteFill: '#dfb0f9' },
  violet: { solid: '#ae3ec9', noteFill: '#db91fd' },
  blue: { solid: '#4465e9', noteFill: '#8aa3ff' },
  'light-blue': { solid: '#4ba1f1', noteFill: '#9bc4fd' },
  yellow: { solid: '#f1ac4b', noteFill: '#fed49a' },
  orange: { solid: '#e16919', noteFill: '#faa475' },
  green: { solid: '#099268', noteFill: '#6fc896' },
  'light-green': { solid: '#4cb05e', noteFill: '#98d08a' },
  'light-red': { solid: '#f87777', noteFill: '#f7a5a1' },
  red: { solid: '#e03131', noteFill: '#fc8282' },
}
export type NoteColour = keyof typeof TLDRAW_NOTE_COLOURS

/** In ORGANISATION_PALETTE's order: blauw, oranje, groen, paars, rood, petrol, oker, indigo, roze, olijf, bruin, leisteen. */
const PALETTE_NOTE_COLOURS: readonly NoteColour[] = [
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

/** The named tldraw note colour for an organisation colour (a `#rrggbb` string). */
export function noteColourFor(hex: string): NoteColour {
  const key = hex.trim().toLowerCase()
  const index = (ORGANISATION_PALETTE as readonly string[]).indexOf(key)
  const fixed = PALETTE_NOTE_COLOURS[index]
  if (fixed) return fixed
  const target = rgb(key)
  if (!target) return 'black'
  let best: NoteColour = 'black'
  let bestDistance = Number.POSITIVE_INFINITY
  for (const [name, { solid }] of Object.entries(TLDRAW_NOTE_COLOURS)) {
    const candidate = rgb(solid)
    if (!candidate) continue
    const distance = candidate.reduce((sum, c, i) => sum + (c - (target[i] ?? 0)) ** 2, 0)
    if (distance < bestDistance) {
      bestDistance = distance
      best = name as NoteColour
    }
  }
  return best
}
