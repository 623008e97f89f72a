// The palette lives with the templates: a werkvorm's lanes take the same colours (see there).
// Its own module, not the package's index: the index brings tldraw's schema into the first
// script every page loads, before the board's connection can start.
import { ORGANISATION_PALETTE } from '@stip/templates/organisation-note-color'

export { ORGANISATION_PALETTE }

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
