/*
 * Dot voting over the votes map: key `<voteId>:<userId>` holds that person's dots in that
 * vote as an array of note ids (a dot is an entry; several on one note are allowed).
 */

export const voteKey = (voteId: string, userId: string) => `${voteId}:${userId}`

/** A person's dots as stored, or none when the value is missing or malformed. */
export function dotsFrom(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []
}

/** Dots on notes that still exist: a dot on a deleted note goes back to its owner. */
export function liveDots(myDots: readonly string[], noteIds: ReadonlySet<string>): string[] {
  return myDots.filter((id) => noteIds.has(id))
}

export function dotsLeft(myDots: readonly string[], dotsPerPerson: number): number {
  return Math.max(0, dotsPerPerson - myDots.length)
}

/** Adds a dot on a note, or returns the same array when no dots are left. */
export function addDot(myDots: readonly string[], noteId: string, dotsPerPerson: number): string[] {
  if (dotsLeft(myDots, dotsPerPerson) === 0) return [...myDots]
  return [...myDots, noteId]
}

/** Takes one dot back from a note (the last one placed there). */
export function removeDot(myDots: readonly string[], noteId: string): string[] {
  const index = myDots.lastIndexOf(noteId)
  if (index < 0) return [...myDots]
  return [...myDots.slice(0, index), ...myDots.slice(index + 1)]
}

/** Dots per note id in one vote, over every person's entry. */
export function tally(
  entries: Iterable<readonly [string, unknown]>,
  voteId: string,
): Map<string, number> {
  const counts = new Map<string, number>()
  const prefix = `${voteId}:`
  for (const [key, value] of entries) {
    if (!key.startsWith(prefix)) continue
    for (const noteId of dotsFrom(value)) counts.set(noteId, (counts.get(noteId) ?? 0) + 1)
  }
  return counts
}

/** Dots per note id over every vote held on the board (for who-is-heard). */
export function tallyAll(entries: Iterable<readonly [string, unknown]>): Map<string, number> {
  const counts = new Map<string, number>()
  for (const [, value] of entries) {
    for (const noteId of dotsFrom(value)) counts.set(noteId, (counts.get(noteId) ?? 0) + 1)
  }
  return counts
}

export interface VoteResult {
  noteId: string
  text: string
  count: number
}

/** Every candidate note with its dots, most first; ties keep the notes' own order. */
export function sortedResults(
  candidates: readonly { id: string; text: string }[],
  counts: ReadonlyMap<string, number>,
): VoteResult[] {
  return candidates
    .map((note, order) => ({
      noteId: note.id,
      text: note.text,
      count: counts.get(note.id) ?? 0,
      order,
    }))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .map(({ order: _order, ...result }) => result)
}

/** The top `n` results with at least one dot; a tie at the cut-off is included whole. */
export function winners(results: readonly VoteResult[], n: number): VoteResult[] {
  const voted = results.filter((result) => result.count > 0)
  const cutoff = voted[Math.max(0, n - 1)]?.count
  if (cutoff === undefined) return voted
  return voted.filter((result, index) => index < n || result.count === cutoff)
}
