/*
 * Wie wordt gehoord: per section of the board, how many notes each organisation wrote and
 * how many dots those notes received, so a partner that stayed silent stands out.
 */

export interface PlacedNote {
  id: string
  /** The author's organisation from the note's meta; null for notes without an author. */
  organisation: string | null
  sectionKey: string
  sectionLabel: string
}

export interface HeardRow {
  organisation: string
  notes: number
  votes: number
  /** No note from this organisation here. */
  silent: boolean
}

export interface HeardSection {
  key: string
  label: string
  rows: HeardRow[]
}

export interface Heard {
  sections: HeardSection[]
  totals: HeardRow[]
}

const normalise = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ')

/**
 * Organisations are the board's own, in its order, then any other organisation that wrote a
 * note (spelled as first seen). Sections keep the order of `sectionOrder`, then first seen.
 */
export function aggregateHeard(
  notes: readonly PlacedNote[],
  votes: ReadonlyMap<string, number>,
  boardOrganisations: readonly string[],
  sectionOrder: readonly { key: string; label: string }[] = [],
): Heard {
  const organisations = new Map<string, string>()
  for (const name of boardOrganisations) {
    if (!organisations.has(normalise(name))) organisations.set(normalise(name), name)
  }
  for (const note of notes) {
    if (note.organisation && !organisations.has(normalise(note.organisation))) {
      organisations.set(normalise(note.organisation), note.organisation)
    }
  }
  const sections = new Map<string, { label: string; counts: Map<string, HeardRow> }>()
  const emptyCounts = () =>
    new Map(
      [...organisations].map(([key, organisation]) => [
        key,
        { organisation, notes: 0, votes: 0, silent: true },
      ]),
    )
  for (const { key, label } of sectionOrder) sections.set(key, { label, counts: emptyCounts() })
  for (const note of notes) {
    let section = sections.get(note.sectionKey)
    if (!section) {
      section = { label: note.sectionLabel, counts: emptyCounts() }
      sections.set(note.sectionKey, section)
    }
    if (!note.organisation) continue
    const row = section.counts.get(normalise(note.organisation))
    if (!row) continue
    row.notes += 1
    row.votes += votes.get(note.id) ?? 0
    row.silent = false
  }
  const totals = emptyCounts()
  const result: HeardSection[] = []
  for (const [key, { label, counts }] of sections) {
    for (const [orgKey, row] of counts) {
      const total = totals.get(orgKey)
      if (!total) continue
      total.notes += row.notes
      total.votes += row.votes
      total.silent = total.notes === 0
    }
    result.push({ key, label, rows: [...counts.values()] })
  }
  return { sections: result, totals: [...totals.values()] }
}
