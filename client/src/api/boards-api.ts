import { ROLES, type Role, TEMPLATE_IDS, type TemplateId } from '@stip/protocol'
import { ApiError, apiFetch, apiJson, boardPath } from './http'

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
  /** The UI language: the board's werkvorm, page name and manifesto start in it. */
  locale?: 'nl' | 'en'
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
  /** For the facilitator when the server deletes unopened boards (RETENTION_DAYS). */
  retention?: BoardRetention
}

/** When the board will be deleted if nobody opens it before; `warning` once that is near. */
export interface BoardRetention {
  days: number
  deleteAfter: number
  warning: boolean
}

/** What an asset upload answers: `src` is a relative URL on Stip's own origin. */
export interface UploadedAsset {
  id: string
  src: string
  mimeType: string
}

/** `POST /api/boards`: the links carry their token in the fragment. */
export function createBoard(
  input: CreateBoardInput,
  fetchImpl: typeof fetch = fetch,
  creationKey?: { header: string; key: string },
): Promise<CreatedBoard> {
  return apiJson<CreatedBoard>('/api/boards', {
    method: 'POST',
    json: input,
    fetchImpl,
    headers: creationKey ? { [creationKey.header]: creationKey.key } : undefined,
  })
}

/** `GET /api/boards/:id` with the link's token: title, organisations and what this link may do. */
export async function fetchBoardInfo(
  boardId: string,
  token: string,
  fetchImpl: typeof fetch = fetch,
): Promise<BoardInfo> {
  const body = await apiJson<Record<string, unknown>>(boardPath(boardId), { token, fetchImpl })
  if (typeof body.title !== 'string' || !ROLES.includes(body.role as Role)) {
    throw new ApiError('failed', 'unexpected answer from /api/boards/:id')
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
    retention: parseRetention(body.retention),
  }
}

function parseRetention(value: unknown): BoardRetention | undefined {
  const { days, deleteAfter, warning } = (value ?? {}) as Record<string, unknown>
  if (typeof days !== 'number' || typeof deleteAfter !== 'number') return undefined
  return { days, deleteAfter, warning: warning === true }
}

/** `GET /api/boards/:id/audit?format=…` with the facilitator's token: the audit log as a file. */
export async function downloadAuditLog(
  boardId: string,
  token: string,
  format: 'csv' | 'json',
  fetchImpl: typeof fetch = fetch,
): Promise<Blob> {
  const response = await apiFetch(`${boardPath(boardId)}/audit?format=${format}`, {
    token,
    fetchImpl,
  })
  return response.blob()
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
  const body = await apiJson<{ link?: unknown }>(`${boardPath(boardId)}/links/${role}`, {
    method: 'POST',
    token: facilitatorToken,
    fetchImpl,
  })
  if (typeof body.link !== 'string') {
    throw new ApiError('failed', 'unexpected answer from the link renewal')
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
  const headers: Record<string, string> = {}
  if (file.type) headers['content-type'] = file.type
  // Header values must be ASCII; the server cleans the name further.
  if (file.name) headers['x-file-name'] = file.name.replace(/[^\x20-\x7e]/g, '_').slice(0, 100)
  const body = await apiJson<Partial<UploadedAsset>>(`${boardPath(boardId)}/assets`, {
    method: 'POST',
    token,
    headers,
    body: file,
    ...options,
  })
  if (typeof body.src !== 'string' || !body.src.startsWith('/api/boards/')) {
    throw new ApiError('failed', 'unexpected answer from the asset upload')
  }
  return { id: String(body.id ?? ''), src: body.src, mimeType: String(body.mimeType ?? '') }
}

/** `GET /api/boards/:id/export.json` with the facilitator's token: everything of the board. */
export async function downloadBoardExport(
  boardId: string,
  facilitatorToken: string,
  fetchImpl: typeof fetch = fetch,
): Promise<Blob> {
  const response = await apiFetch(`${boardPath(boardId)}/export.json`, {
    token: facilitatorToken,
    fetchImpl,
  })
  return response.blob()
}

/** `DELETE /api/boards/:id` with the facilitator's token: the board and all its data are gone. */
export async function deleteBoard(
  boardId: string,
  facilitatorToken: string,
  fetchImpl: typeof fetch = fetch,
): Promise<void> {
  await apiFetch(boardPath(boardId), { method: 'DELETE', token: facilitatorToken, fetchImpl })
}
