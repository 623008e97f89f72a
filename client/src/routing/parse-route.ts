import { BOARD_ID_PATTERN, TOKEN_FRAGMENT_KEY } from '@stip/protocol'

export type Route =
  | { kind: 'start' }
  | { kind: 'accessibility' }
  | { kind: 'board'; boardId: string }
  | { kind: 'invalidBoard' }
  | { kind: 'notFound' }

/** The accessibility statement (toegankelijkheidsverklaring); Dutch, as the product is. */
export const ACCESSIBILITY_PATH = '/toegankelijkheid'

/** Maps a location's path to one of the client's few pages; no router library needed. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { kind: 'start' }
  if (pathname === ACCESSIBILITY_PATH || pathname === `${ACCESSIBILITY_PATH}/`) {
    return { kind: 'accessibility' }
  }
  const match = /^\/b\/([^/]*)\/?$/.exec(pathname)
  if (!match) return { kind: 'notFound' }
  let boardId: string
  try {
    boardId = decodeURIComponent(match[1] ?? '')
  } catch {
    return { kind: 'invalidBoard' }
  }
  return BOARD_ID_PATTERN.test(boardId) ? { kind: 'board', boardId } : { kind: 'invalidBoard' }
}

/** Reads `token` from a fragment like `#token=abc`; the fragment never reaches the server's logs. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash)
  const token = params.get(TOKEN_FRAGMENT_KEY)
  return token ? token : null
}
