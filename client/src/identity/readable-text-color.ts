/** WCAG 2.x relative luminance of one sRGB channel given as 0–255. */
function channelLuminance(value: number): number {
  const c = value / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/** Parses `#rgb` or `#rrggbb`; null for anything else (a colour we cannot judge). */
export function parseHexColor(color: string): [number, number, number] | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())
  if (!match) return null
  const hex =
    (match[1] as string).length === 3
      ? [...(match[1] as string)].map((c) => c + c).join('')
      : (match[1] as string)
  return [0, 2, 4].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)) as [
    number,
    number,
    number,
  ]
}

/** WCAG relative luminance (0 = black, 1 = white) of a hex colour. */
export function relativeLuminance(color: string): number {
  const rgb = parseHexColor(color)
  if (!rgb) throw new Error(`not a hex colour: ${color}`)
  const [r, g, b] = rgb.map(channelLuminance) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG contrast ratio between two hex colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ]
  return (light + 0.05) / (dark + 0.05)
}

export const DARK_TEXT = '#000000'
export const LIGHT_TEXT = '#ffffff'

/**
 * Black or white, whichever contrasts more with `background`. Organisation colours are chosen
 * by people (a light yellow is allowed), so text on them cannot assume white stays readable.
 * Any colour has at least 4.58:1 against one of the two. An unparseable colour gets black.
 */
export function readableTextColor(background: string): typeof DARK_TEXT | typeof LIGHT_TEXT {
  if (!parseHexColor(background)) return DARK_TEXT
  return contrastRatio(background, DARK_TEXT) >= contrastRatio(background, LIGHT_TEXT)
    ? DARK_TEXT
    : LIGHT_TEXT
}
