/**
 * The one way the client talks to Stip's HTTP API: every request goes through `apiFetch`,
 * every refusal comes back as an `ApiError` read from the server's `{"error": message}` body
 * (server/src/http/http-error.ts), so the UI words failures from one `kind`.
 */

import { loadParticipant } from '../identity/participant'

export type ApiErrorKind =
  /** 401/403: the link is invalid, renewed, or may not do this. */
  | 'unauthorized'
  | 'not-found'
  /** 409: the state moved on (a stale manifesto hash, a frozen text). */
  | 'conflict'
  /** 413 or 429: too large, too many. */
  | 'limited'
  /** No answer at all: offline, or the server is down. */
  | 'offline'
  | 'failed'

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    /** The HTTP status, 0 when the request never got an answer. */
    readonly status = 0,
    /** The server's stable `code` for quotas and creation rules (docs/operations.md). */
    readonly code?: string,
    /** A 429's Retry-After: the seconds until the server takes the request again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** The link's token, sent as a bearer token. */
  token?: string
  /** Sent as JSON. */
  json?: unknown
  /** Sent as is (an upload). */
  body?: BodyInit
  headers?: Record<string, string>
  signal?: AbortSignal
  fetchImpl?: typeof fetch
}

/** Sends one API request; resolves with the response when it is 2xx, throws `ApiError` otherwise. */
export async function apiFetch(url: string, request: ApiRequest = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers }
  if (request.token) {
    headers.authorization = `Bearer ${request.token}`
    Object.assign(headers, participantHeaders())
  }
  let body = request.body
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(request.json)
  }
  let response: Response
  try {
    response = await (request.fetchImpl ?? fetch)(url, {
      method: request.method ?? 'GET',
      headers,
      body,
      signal: request.signal,
    })
  } catch (error) {
    throw new ApiError('offline', String(error))
  }
  if (!response.ok) throw await apiErrorFrom(response)
  return response
}

/** `apiFetch` and the JSON body of its answer. */
export async function apiJson<T>(url: string, request: ApiRequest = {}): Promise<T> {
  const response = await apiFetch(url, request)
  return (await response.json()) as T
}

async function apiErrorFrom(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    error?: unknown
    code?: unknown
  } | null
  const message = typeof body?.error === 'string' ? body.error : `HTTP ${response.status}`
  const code = typeof body?.code === 'string' ? body.code : undefined
  const retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10)
  return new ApiError(
    kindOf(response.status),
    message,
    response.status,
    code,
    Number.isFinite(retryAfter) ? retryAfter : undefined,
  )
}

function kindOf(status: number): ApiErrorKind {
  if (status === 401 || status === 403) return 'unauthorized'
  if (status === 404) return 'not-found'
  if (status === 409) return 'conflict'
  if (status === 413 || status === 429) return 'limited'
  return 'failed'
}

/**
 * Who is at the keyboard, as they said on joining, for the board's audit log
 * (docs/operations.md): URI-encoded, since headers carry Latin-1 only.
 */
function participantHeaders(): Record<string, string> {
  const participant = typeof localStorage === 'undefined' ? null : loadParticipant(localStorage)
  if (!participant) return {}
  return {
    'stip-participant-name': encodeURIComponent(participant.name),
    'stip-participant-organisation': encodeURIComponent(participant.organisation),
  }
}

/** The path of a board's API, with its id encoded. */
export const boardPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`
