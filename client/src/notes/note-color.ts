import { organisationNoteColor } from '@stip/templates'
import type { TLDefaultColorStyle } from 'tldraw'

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

/** The named tldraw note colour for an organisation colour (a `#rrggbb` string). */
export function noteColourFor(hex: string): NoteColour {
  return organisationNoteColor(hex)
}
