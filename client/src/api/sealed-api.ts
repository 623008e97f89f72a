import { BoardApiError } from './boards-api'

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

const boardPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`

async function request(
  access: SealedAccess,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<unknown> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${access.token}`,
    'stip-participant': access.secret,
    accept: 'application/json',
  }
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`${boardPath(access.boardId)}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null
    const message = typeof body?.error === 'string' ? body.error : `HTTP ${response.status}`
    const kind = response.status === 401 || response.status === 403 ? 'unauthorized' : 'failed'
    throw new BoardApiError(kind, message, response.status)
  }
  if (response.status === 204) return null
  return response.json()
}

const dotsOf = (body: unknown): string[] => {
  const dots = (body as { dots?: unknown } | null)?.dots
  return Array.isArray(dots) ? dots.filter((id): id is string => typeof id === 'string') : []
}

const ballotPath = (voteId: string) => `/votes/${encodeURIComponent(voteId)}/ballot`

/** This person's dots in a vote (none before their first). */
export async function fetchBallot(access: SealedAccess, voteId: string): Promise<string[]> {
  return dotsOf(await request(access, ballotPath(voteId)))
}

/** Replaces this person's dots; the server checks the vote is open, the budget and the frame. */
export async function putBallot(
  access: SealedAccess,
  voteId: string,
  organisation: string,
  dots: readonly string[],
): Promise<string[]> {
  const body = { organisation, dots }
  return dotsOf(await request(access, ballotPath(voteId), { method: 'PUT', body }))
}

/** The facilitator reveals or closes the vote; the server then writes the counts. */
export async function settleVote(
  access: SealedAccess,
  voteId: string,
  phase: 'revealed' | 'closed',
): Promise<void> {
  await request(access, `/votes/${encodeURIComponent(voteId)}/phase`, {
    method: 'POST',
    body: { phase },
  })
}

/** The author's own notes of the running silent round (to show them again after a reload). */
export async function fetchOwnSilentNotes(
  access: SealedAccess,
): Promise<{ roundId: string | null; notes: unknown[] }> {
  const body = (await request(access, '/silent-round/notes')) as {
    roundId?: unknown
    notes?: unknown
  } | null
  return {
    roundId: typeof body?.roundId === 'string' ? body.roundId : null,
    notes: Array.isArray(body?.notes) ? body.notes : [],
  }
}

const notePath = (noteId: string) => `/silent-round/notes/${encodeURIComponent(noteId)}`

/** Keeps (or updates) one of the author's silent-round notes with the server. */
export async function putSilentNote(
  access: SealedAccess,
  noteId: string,
  record: unknown,
): Promise<void> {
  await request(access, notePath(noteId), { method: 'PUT', body: { record } })
}

export async function deleteSilentNote(access: SealedAccess, noteId: string): Promise<void> {
  await request(access, notePath(noteId), { method: 'DELETE' })
}

/** The facilitator ends the silent round: the server puts every kept note on the board. */
export async function revealSilentRound(access: SealedAccess): Promise<number> {
  const body = (await request(access, '/silent-round/reveal', { method: 'POST' })) as {
    revealed?: unknown
  } | null
  return typeof body?.revealed === 'number' ? body.revealed : 0
}
