import { BOARD_ID_PATTERN } from '@stip/protocol'

export type Route =
  | { kind: 'start' }
  | { kind: 'board'; boardId: string }
  | { kind: 'invalidBoard' }
  | { kind: 'notFound' }

/** Maps a location's path to one of the client's few pages; no router library needed. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { kind: 'start' }
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
  const token = params.get('token')
  return token ? token : null
}

const ID_ALPHABET = 'abcdefghijkmnopqrstuvwxyz23456789'

/** A fresh, unguessable-enough, URL-safe board id (16 chars, ~80 bits) that matches BOARD_ID_PATTERN. */
export function createBoardId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16))
  let id = ''
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length]
  return id
}
