import type { Role } from '@stip/protocol'
import type { BoardStore } from '../store/board-store'
import type { AddressCounter } from './address-counter'
import { organisationForSigningToken, roleForToken } from './tokens'

export type AccessResult =
  /** `signsFor`: the token is an organisation's signing link, which opens the board as editor. */
  | { ok: true; role: Role; signsFor?: { organisationId: string } }
  | { ok: false; reason: 'unauthorized' | 'too-many-failures' }

/**
 * Decides what a presented token may do on a board. Unknown boards and wrong tokens answer
 * the same, so a caller learns nothing about which boards exist; an address that keeps
 * guessing is refused for the rest of the minute.
 */
export function createBoardAccess(store: BoardStore, failures: AddressCounter) {
  return async function access(
    boardId: string,
    token: string | undefined,
    address: string,
  ): Promise<AccessResult> {
    if (failures.isOver(address)) return { ok: false, reason: 'too-many-failures' }
    const role = roleForToken(await store.listTokens(boardId), token)
    if (role) return { ok: true, role }
    const organisationId = organisationForSigningToken(
      await store.listSigningTokens(boardId),
      token,
    )
    if (organisationId) return { ok: true, role: 'editor', signsFor: { organisationId } }
    failures.add(address)
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
