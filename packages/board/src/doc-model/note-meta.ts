/**
 * What Stip writes into a note's `meta` (tldraw keeps `meta` as free JSON): who wrote it, for
 * which organisation, and the silent round it was written in. The client writes it when a note
 * is created; the report, "wie wordt gehoord" and the server read it through `noteAuthor`.
 */
export interface NoteAuthorMeta {
  authorId: string
  authorName: string
  organisation: string
  silentRoundId?: string
}

/** The author meta of a note's `meta`, or null for notes made before ownership existed. */
export function noteAuthor(meta: Readonly<Record<string, unknown>>): NoteAuthorMeta | null {
  const { authorId, authorName, organisation, silentRoundId } = meta
  if (typeof authorId !== 'string' || typeof organisation !== 'string') return null
  return {
    authorId,
    authorName: typeof authorName === 'string' ? authorName : '',
    organisation,
    ...(typeof silentRoundId === 'string' ? { silentRoundId } : {}),
  }
}
