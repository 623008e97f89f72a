import { ORGANISATION_PALETTE, organisationColor } from '../identity/organisation-color'

/** One row of the start form's organisation list; `key` keeps React rows stable while editing. */
export interface OrganisationDraft {
  key: string
  name: string
  color: string
}

/**
 * A colour for a new organisation: the one its name would get anyway (so a participant who
 * types it elsewhere sees the same colour), unless another row already has it; then the first
 * palette colour still free.
 */
export function colorForNewOrganisation(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((color) => color.toLowerCase()))
  const preferred = organisationColor(name)
  if (!used.has(preferred.toLowerCase())) return preferred
  return ORGANISATION_PALETTE.find((color) => !used.has(color.toLowerCase())) ?? preferred
}

/** What the API receives: blank rows dropped, names trimmed, duplicates (by name) once. */
export function organisationsForRequest(
  drafts: readonly OrganisationDraft[],
): { name: string; color: string }[] {
  const seen = new Set<string>()
  return drafts.flatMap((draft) => {
    const name = draft.name.trim()
    const key = name.toLowerCase()
    if (!name || seen.has(key)) return []
    seen.add(key)
    return [{ name, color: draft.color }]
  })
}
