import type { TLDefaultColorStyle } from '@tldraw/tlschema'

/** tldraw's light-theme solid colours (5.4); an organisation's hex colour maps to the nearest. */
const PALETTE: Array<[TLDefaultColorStyle, number, number, number]> = [
  ['violet', 0xae, 0x3e, 0xc9],
  ['light-violet', 0xe0, 0x85, 0xf4],
  ['blue', 0x44, 0x65, 0xe9],
  ['light-blue', 0x4b, 0xa1, 0xf1],
  ['yellow', 0xf1, 0xac, 0x4b],
  ['orange', 0xe1, 0x69, 0x19],
  ['green', 0x09, 0x92, 0x68],
  ['light-green', 0x4c, 0xb0, 0x5e],
  ['light-red', 0xf8, 0x77, 0x77],
  ['red', 0xe0, 0x31, 0x31],
  ['grey', 0x9f, 0xa8, 0xb2],
  ['black', 0x1d, 0x1d, 0x1d],
]

/** The tldraw colour closest to `#rrggbb` (by a weighted RGB distance); grey for anything else. */
export function nearestColor(hex: string): TLDefaultColorStyle {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!match) return 'grey'
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => Number.parseInt(part!, 16)) as [
    number,
    number,
    number,
  ]
  let best: TLDefaultColorStyle = 'grey'
  let bestDistance = Number.POSITIVE_INFINITY
  for (const [name, pr, pg, pb] of PALETTE) {
    const distance = 2 * (r - pr) ** 2 + 4 * (g - pg) ** 2 + 3 * (b - pb) ** 2
    if (distance < bestDistance) {
      best = name
      bestDistance = distance
    }
  }
  return best
}
