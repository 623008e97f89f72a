import type { Role } from '@stip/protocol'
import type { RateLimit } from '../limits/rate-limit'
import type { BoardStore } from '../store/board-store'
import { organisationForSigningToken, roleForToken } from './tokens'

export type AccessResult =
  /** `signsFor`: the token is an organisation's signing link, which opens the board as editor. */
  | { ok: true; role: Role; signsFor?: { organisationId: string } }
  | { ok: false; reason: 'unauthorized' | 'too-many-failures' }

/**
 * Decides what a presented token may do on a board. Unknown boards and wrong tokens answer
 * the same, so a caller learns nothing about which boards exist. The token is checked first:
 * a valid link is never refused because others behind the same address guessed wrong; only
 * wrong tokens count, and an address past the limit gets 429 for them until its window ends.
 */
export function createBoardAccess(store: BoardStore, failures: RateLimit) {
  return async function access(
    boardId: string,
    token: string | undefined,
    address: string,
  ): Promise<AccessResult> {
    const role = roleForToken(await store.listTokens(boardId), token)
    if (role) return { ok: true, role }
    const organisationId = organisationForSigningToken(
      await store.listSigningTokens(boardId),
      token,
    )
    if (organisationId) return { ok: true, role: 'editor', signsFor: { organisationId } }
    if (await failures.isOver(address)) return { ok: false, reason: 'too-many-failures' }
    await failures.add(address)
    return { ok: false, reason: 'unauthorized' }
  }
}

export type BoardAccess = ReturnType<typeof createBoardAccess>

/** Same origin (the request's own Host) or one of the configured extra origins. */
export function isOriginAllowed(
  origin: string,
  host: string | undefined,
  allowed: string[],
): boolean {
  let parsed: URL
  try {
    parsed = new URL(origin)
  } catch {
    return false
  }
  if (host !== undefined && parsed.host === host) return true
  return allowed.includes(parsed.origin)
}
