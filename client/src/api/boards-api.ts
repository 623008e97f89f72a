import { ROLES, type Role, TEMPLATE_IDS, type TemplateId } from '@stip/protocol'

export interface CreatedBoard {
  id: string
  title: string
  links: Record<Role, string>
}

export interface NewOrganisation {
  name: string
  color?: string
}

export interface CreateBoardInput {
  title: string
  template?: TemplateId
  organisations?: NewOrganisation[]
}

/** A partner organisation as the server stores it; its colour marks its people on the board. */
export interface BoardOrganisation {
  id: string
  name: string
  color: string
}

export interface BoardInfo {
  id: string
  title: string
  role: Role
  template: TemplateId | null
  organisations: BoardOrganisation[]
  /** Present when the link is an organisation's signing link (manifesto signing). */
  signsFor?: { organisationId: string; organisationName: string }
}

/** What an asset upload answers: `src` is a relative URL on Stip's own origin. */
export interface UploadedAsset {
  id: string
  src: string
  mimeType: string
}

/** Why a board request failed, in terms the UI can word: no access, or anything else. */
export class BoardApiError extends Error {
  constructor(
    readonly kind: 'unauthorized' | 'not-found' | 'failed',
    message: string,
    /** The HTTP status, 0 when the request never got an answer. */
    readonly status = 0,
  ) {
    super(message)
    this.name = 'BoardApiError'
  }
}

async function errorFrom(response: Response): Promise<BoardApiError> {
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null
  const message = typeof body?.error === 'string' ? body.error : `HTTP ${response.status}`
  if (response.status === 401 || response.status === 403)
    return new BoardApiError('unauthorized', message, response.status)
  if (response.status === 404) return new BoardApiError('not-found', message, response.status)
  return new BoardApiError('failed', message, response.status)
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const boardPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`

/** `POST /api/boards`: the links carry their token in the fragment. */
export async function createBoard(
  input: CreateBoardInput,
  fetchImpl: typeof fetch = fetch,
): Promise<CreatedBoard> {
  const response = await fetchImpl('/api/boards', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(input),
  })
  if (response.status !== 201) throw await errorFrom(response)
  return (await response.json()) as CreatedBoard
}

/** `GET /api/boards/:id` with the link's token: title, organisations and what this link may do. */
export async function fetchBoardInfo(
  boardId: string,
  token: string,
  fetchImpl: typeof fetch = fetch,
): Promise<BoardInfo> {
  const response = await fetchImpl(boardPath(boardId), {
    headers: { ...bearer(token), accept: 'application/json' },
  })
  if (!response.ok) throw await errorFrom(response)
  const body = (await response.json()) as Record<string, unknown>
  if (typeof body.title !== 'string' || !ROLES.includes(body.role as Role)) {
    throw new BoardApiError('failed', 'unexpected answer from /api/boards/:id')
  }
  return {
    id: boardId,
    title: body.title,
    role: body.role as Role,
    template: TEMPLATE_IDS.includes(body.template as TemplateId)
      ? (body.template as TemplateId)
      : null,
    organisations: parseOrganisations(body.organisations),
    signsFor: parseSignsFor(body.signsFor),
  }
}

function parseSignsFor(value: unknown): BoardInfo['signsFor'] {
  const { organisationId, organisationName } = (value ?? {}) as Record<string, unknown>
  if (typeof organisationId !== 'string' || typeof organisationName !== 'string') return undefined
  return { organisationId, organisationName }
}

/** Keeps only well-formed organisations: the list is shown to people and drives colours. */
export function parseOrganisations(value: unknown): BoardOrganisation[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((item: unknown) => {
    const { id, name, color } = (item ?? {}) as Record<string, unknown>
    if (typeof name !== 'string' || !name.trim()) return []
    return [
      {
        id: typeof id === 'string' ? id : name,
        name,
        color: typeof color === 'string' && /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#475569',
      },
    ]
  })
}

/**
 * `POST /api/boards/:id/links/:role` with the facilitator's token: a fresh editor or viewer
 * link; everyone connected through the old one is disconnected by the server.
 */
export async function renewLink(
  boardId: string,
  role: Exclude<Role, 'facilitator'>,
  facilitatorToken: string,
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  const response = await fetchImpl(`${boardPath(boardId)}/links/${role}`, {
    method: 'POST',
    headers: { ...bearer(facilitatorToken), accept: 'application/json' },
  })
  if (!response.ok) throw await errorFrom(response)
  const body = (await response.json()) as { link?: unknown }
  if (typeof body.link !== 'string') {
    throw new BoardApiError('failed', 'unexpected answer from the link renewal')
  }
  return body.link
}

/** `POST /api/boards/:id/assets`: the raw file as body; the server sniffs the type itself. */
export async function uploadAsset(
  boardId: string,
  token: string,
  file: Blob & { name?: string },
  options: { signal?: AbortSignal; fetchImpl?: typeof fetch } = {},
): Promise<UploadedAsset> {
  const fetchImpl = options.fetchImpl ?? fetch
  const headers: Record<string, string> = { ...bearer(token), accept: 'application/json' }
  if (file.type) headers['content-type'] = file.type
  // Header values must be ASCII; the server cleans the name further.
  if (file.name) headers['x-file-name'] = file.name.replace(/[^\x20-\x7e]/g, '_').slice(0, 100)
  const response = await fetchImpl(`${boardPath(boardId)}/assets`, {
    method: 'POST',
    headers,
    body: file,
    signal: options.signal,
  })
  if (response.status !== 201) throw await errorFrom(response)
  const body = (await response.json()) as Partial<UploadedAsset>
  if (typeof body.src !== 'string' || !body.src.startsWith('/api/boards/')) {
    throw new BoardApiError('failed', 'unexpected answer from the asset upload')
  }
  return { id: String(body.id ?? ''), src: body.src, mimeType: String(body.mimeType ?? '') }
}

/** `GET /api/boards/:id/export.json` with the facilitator's token: everything of the board. */
export async function downloadBoardExport(
  boardId: string,
  facilitatorToken: string,
  fetchImpl: typeof fetch = fetch,
): Promise<Blob> {
  const response = await fetchImpl(`${boardPath(boardId)}/export.json`, {
    headers: { ...bearer(facilitatorToken), accept: 'application/json' },
  })
  if (!response.ok) throw await errorFrom(response)
  return response.blob()
}

/** `DELETE /api/boards/:id` with the facilitator's token: the board and all its data are gone. */
export async function deleteBoard(
  boardId: string,
  facilitatorToken: string,
  fetchImpl: typeof fetch = fetch,
): Promise<void> {
  const response = await fetchImpl(boardPath(boardId), {
    method: 'DELETE',
    headers: { ...bearer(facilitatorToken), accept: 'application/json' },
  })
  if (response.status !== 204) throw await errorFrom(response)
}
