import { rememberBoardToken } from '../api/stored-links'
import { tokenFromHash } from './parse-route'

type AddressBar = Pick<Location, 'pathname' | 'search' | 'hash'>
type History = Pick<globalThis.History, 'replaceState' | 'state'>
type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/**
 * Takes a board link's token out of the address bar once read, into storage for that board,
 * so projected screens, screenshots, browser history and third-party scripts (tldraw's licence
 * beacon sends `location.href`) never see it. `replaceState` rewrites the current history entry,
 * so no entry keeps the token. When storage is refused the token stays: a reload must still open
 * the board.
 */
export function moveTokenOutOfAddress(
  boardId: string,
  address: AddressBar = window.location,
  history: History = window.history,
  storage?: TokenStorage,
): void {
  const token = tokenFromHash(address.hash)
  if (!token) return
  if (!rememberBoardToken(boardId, token, storage)) return
  history.replaceState(history.state, '', `${address.pathname}${address.search}`)
}
