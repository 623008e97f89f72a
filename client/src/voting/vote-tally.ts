/*
 * Dot voting, one person's side: their dots in a vote as an array of note ids (a dot is an
 * entry; several on one note are allowed). The server keeps them and counts them all.
 */

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
