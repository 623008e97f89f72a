import { ROLES, type Role } from '@stip/protocol'

export interface CreatedBoard {
  id: string
  title: string
  links: Record<Role, string>
}

export interface BoardInfo {
  id: string
  title: string
  role: Role
}

/** Why a board request failed, in terms the UI can word: no access, or anything else. */
export class BoardApiError extends Error {
  constructor(
    readonly kind: 'unauthorized' | 'not-found' | 'failed',
    message: string,
  ) {
    super(message)
    this.name = 'BoardApiError'
  }
}

async function errorFrom(response: Response): Promise<BoardApiError> {
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null
  const message = typeof body?.error === 'string' ? body.error : `HTTP ${response.status}`
  if (response.status === 401 || response.status === 403)
    return new BoardApiError('unauthorized', message)
  if (response.status === 404) return new BoardApiError('not-found', message)
  return new BoardApiError('failed', message)
}

/** `POST /api/boards`: the links carry their token in the fragment. */
export async function createBoard(
  title: string,
  fetchImpl: typeof fetch = fetch,
): Promise<CreatedBoard> {
  const response = await fetchImpl('/api/boards', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (response.status !== 201) throw await errorFrom(response)
  return (await response.json()) as CreatedBoard
}

/** `GET /api/boards/:id` with the link's token: title and what this link may do. */
export async function fetchBoardInfo(
  boardId: string,
  token: string,
  fetchImpl: typeof fetch = fetch,
): Promise<BoardInfo> {
  const response = await fetchImpl(`/api/boards/${encodeURIComponent(boardId)}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  })
  if (!response.ok) throw await errorFrom(response)
  const body = (await response.json()) as Partial<BoardInfo>
  if (typeof body.title !== 'string' || !ROLES.includes(body.role as Role)) {
    throw new BoardApiError('failed', 'unexpected answer from /api/boards/:id')
  }
  return { id: boardId, title: body.title, role: body.role as Role }
}
