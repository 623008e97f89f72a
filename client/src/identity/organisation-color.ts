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

/** The same organisation name (ignoring case and spacing) always gets the same colour. */
export function organisationColor(organisation: string): string {
  const key = organisation.trim().toLowerCase().replace(/\s+/g, ' ')
  // FNV-1a: tiny, stable across browsers and releases, spreads short strings well.
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return ORGANISATION_PALETTE[hash % ORGANISATION_PALETTE.length] as string
}
