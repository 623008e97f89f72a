import { apiFetch, apiJson, boardPath } from './http'

/*
 * What the server keeps out of the shared board until the facilitator reveals it: each
 * person's dots and the notes of a silent round (server/src/http/sealed-api.ts). A person
 * is known by the secret their browser sends in `Stip-Participant`.
 */

/** Who asks: the link's token and this browser's secret on the board. */
export interface SealedAccess {
  boardId: string
  token: string
  secret: string
}

const as = (access: SealedAccess) => ({
  token: access.token,
  headers: { 'stip-participant': access.secret },
})

const dotsOf = (body: { dots?: unknown }): string[] =>
  Array.isArray(body.dots) ? body.dots.filter((id): id is string => typeof id === 'string') : []

const ballotUrl = (access: SealedAccess, voteId: string) =>
  `${boardPath(access.boardId)}/votes/${encodeURIComponent(voteId)}/ballot`

/** This person's dots in a vote (none before their first). */
export async function fetchBallot(access: SealedAccess, voteId: string): Promise<string[]> {
  return dotsOf(await apiJson(ballotUrl(access, voteId), as(access)))
}

/** Replaces this person's dots; the server checks the vote is open, the budget and the frame. */
export async function putBallot(
  access: SealedAccess,
  voteId: string,
  organisation: string,
  dots: readonly string[],
): Promise<string[]> {
  const json = { organisation, dots }
  return dotsOf(await apiJson(ballotUrl(access, voteId), { ...as(access), method: 'PUT', json }))
}

/** The facilitator reveals or closes the vote; the server then writes the counts. */
export async function settleVote(
  access: SealedAccess,
  voteId: string,
  phase: 'revealed' | 'closed',
): Promise<void> {
  const url = `${boardPath(access.boardId)}/votes/${encodeURIComponent(voteId)}/phase`
  await apiFetch(url, { ...as(access), method: 'POST', json: { phase } })
}

const silentUrl = (access: SealedAccess, rest: string) =>
  `${boardPath(access.boardId)}/silent-round/${rest}`

/** The author's own notes of the running silent round (to show them again after a reload). */
export async function fetchOwnSilentNotes(
  access: SealedAccess,
): Promise<{ roundId: string | null; notes: unknown[] }> {
  const body = await apiJson<{ roundId?: unknown; notes?: unknown }>(
    silentUrl(access, 'notes'),
    as(access),
  )
  return {
    roundId: typeof body.roundId === 'string' ? body.roundId : null,
    notes: Array.isArray(body.notes) ? body.notes : [],
  }
}

/** Keeps (or updates) one of the author's silent-round notes with the server. */
export async function putSilentNote(
  access: SealedAccess,
  noteId: string,
  record: unknown,
): Promise<void> {
  const url = silentUrl(access, `notes/${encodeURIComponent(noteId)}`)
  await apiFetch(url, { ...as(access), method: 'PUT', json: { record } })
}

export async function deleteSilentNote(access: SealedAccess, noteId: string): Promise<void> {
  const url = silentUrl(access, `notes/${encodeURIComponent(noteId)}`)
  await apiFetch(url, { ...as(access), method: 'DELETE' })
}

/** The facilitator ends the silent round: the server puts every kept note on the board. */
export async function revealSilentRound(access: SealedAccess): Promise<number> {
  const url = silentUrl(access, 'reveal')
  const body = await apiJson<{ revealed?: unknown }>(url, { ...as(access), method: 'POST' })
  return typeof body.revealed === 'number' ? body.revealed : 0
}
