import { ApiError, apiJson, boardPath } from './http'

/** One board organisation and whether it has a signing link (the server never reveals it). */
export interface SigningLinkStatus {
  organisationId: string
  organisationName: string
  hasLink: boolean
}

const path = (boardId: string) => `${boardPath(boardId)}/signing-links`

/** `GET /api/boards/:id/signing-links` with the facilitator's token. */
export async function listSigningLinks(
  boardId: string,
  facilitatorToken: string,
  fetchImpl: typeof fetch = fetch,
): Promise<SigningLinkStatus[]> {
  const body = await apiJson<{ organisations?: unknown }>(path(boardId), {
    token: facilitatorToken,
    fetchImpl,
  })
  if (!Array.isArray(body.organisations)) return []
  return body.organisations.flatMap((item: unknown) => {
    const { organisationId, organisationName, hasLink } = (item ?? {}) as Record<string, unknown>
    if (typeof organisationId !== 'string' || typeof organisationName !== 'string') return []
    return [{ organisationId, organisationName, hasLink: hasLink === true }]
  })
}

/**
 * `POST /api/boards/:id/signing-links/:organisationId`: a new signing link for one
 * organisation; the previous one of that organisation stops working at once.
 */
export async function createSigningLink(
  boardId: string,
  organisationId: string,
  facilitatorToken: string,
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  const body = await apiJson<{ link?: unknown }>(
    `${path(boardId)}/${encodeURIComponent(organisationId)}`,
    { method: 'POST', token: facilitatorToken, fetchImpl },
  )
  if (typeof body.link !== 'string')
    throw new ApiError('failed', 'unexpected answer from the signing link')
  return body.link
}

const storageKey = (boardId: string) => `stip-signing-links-${boardId}`

/** Signing links this browser made, per organisation: the server keeps only their hashes. */
export function loadSigningLinks(storage: Storage, boardId: string): Record<string, string> {
  try {
    const parsed = JSON.parse(storage.getItem(storageKey(boardId)) ?? '{}') as unknown
    if (typeof parsed !== 'object' || parsed === null) return {}
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    )
  } catch {
    return {}
  }
}

export function saveSigningLink(
  storage: Storage,
  boardId: string,
  organisationId: string,
  link: string,
): void {
  const links = { ...loadSigningLinks(storage, boardId), [organisationId]: link }
  try {
    storage.setItem(storageKey(boardId), JSON.stringify(links))
  } catch {
    // A full or blocked storage only means the link is not remembered; it was shown already.
  }
}
