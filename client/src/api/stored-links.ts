import { ROLES, type Role } from '@stip/protocol'

/** The share links of one board as this browser knows them; a role is missing when never seen. */
export type StoredLinks = Partial<Record<Role, string>>

type LinkStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

const linksKey = (boardId: string) => `stip.links.${boardId}`
const welcomeKey = (boardId: string) => `stip.shareWelcome.${boardId}`
const tokenKey = (boardId: string) => `stip.token.${boardId}`

/**
 * The token this browser last opened the board with: the link opened last wins (a facilitator
 * who then opens an editor link on the same browser is an editor there). Null when none.
 */
export function boardToken(boardId: string, storage?: LinkStorage): string | null {
  try {
    const token = (storage ?? localStorage).getItem(tokenKey(boardId))
    return token ? token : null
  } catch {
    return null
  }
}

/**
 * Keeps a board's token so it can leave the address bar; false when the browser refuses
 * storage (then the address keeps it, or a reload would lose the board).
 */
export function rememberBoardToken(boardId: string, token: string, storage?: LinkStorage): boolean {
  try {
    const target = storage ?? localStorage
    target.setItem(tokenKey(boardId), token)
    return target.getItem(tokenKey(boardId)) === token
  } catch {
    return false
  }
}

/** The share link of a token, as the server hands them out: the secret rides in the fragment. */
export function boardLink(origin: string, boardId: string, token: string): string {
  return `${origin}/b/${encodeURIComponent(boardId)}#token=${encodeURIComponent(token)}`
}

/**
 * The links a facilitator got when creating a board live only in that browser: the server
 * keeps hashes, so nobody (not even the server) can show them again later.
 */
export function loadLinks(storage: LinkStorage, boardId: string): StoredLinks {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(linksKey(boardId)) ?? '{}')
    if (typeof parsed !== 'object' || parsed === null) return {}
    const links: StoredLinks = {}
    for (const role of ROLES) {
      const value = (parsed as Record<string, unknown>)[role]
      if (typeof value === 'string' && isBoardLink(value, boardId)) links[role] = value
    }
    return links
  } catch {
    return {}
  }
}

export function saveLinks(storage: LinkStorage, boardId: string, links: StoredLinks): void {
  try {
    storage.setItem(linksKey(boardId), JSON.stringify({ ...loadLinks(storage, boardId), ...links }))
  } catch {
    // Blocked storage: the dialog still shows the links it has in memory for this visit.
  }
}

/** Marks a just-created board so its share dialog opens once on arrival. */
export function requestShareWelcome(storage: LinkStorage, boardId: string): void {
  try {
    storage.setItem(welcomeKey(boardId), '1')
  } catch {
    // Without storage the facilitator opens "Delen" themselves.
  }
}

/** True once after `requestShareWelcome`; clears the mark. */
export function takeShareWelcome(storage: LinkStorage, boardId: string): boolean {
  try {
    if (storage.getItem(welcomeKey(boardId)) !== '1') return false
    storage.removeItem(welcomeKey(boardId))
    return true
  } catch {
    return false
  }
}

/** Only links to this very board with a token are kept; anything else in storage is ignored. */
function isBoardLink(value: string, boardId: string): boolean {
  try {
    const url = new URL(value)
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.pathname === `/b/${boardId}` &&
      url.hash.startsWith('#token=')
    )
  } catch {
    return false
  }
}

/** Forgets everything this browser kept of a board's links, e.g. after deleting it. */
export function forgetLinks(storage: LinkStorage, boardId: string): void {
  try {
    storage.removeItem(linksKey(boardId))
    storage.removeItem(welcomeKey(boardId))
    storage.removeItem(tokenKey(boardId))
  } catch {
    // Nothing was stored.
  }
}
