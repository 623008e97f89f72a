import { randomBytes } from 'node:crypto'
import type { Role } from '@stip/protocol'
import { generateToken, hashToken } from '../auth/tokens'
import type { BoardRecord, BoardStore } from '../store/board-store'

export type NewBoardTokens = Record<'facilitator' | 'editor' | 'viewer', string>

/**
 * Stores a new board with fresh links (kept hashed) and its first document update, made by
 * `firstUpdate` for the board's id. Returns the board and the links' tokens, which exist in
 * clear only in this answer.
 */
export async function storeNewBoard(
  store: BoardStore,
  fields: Pick<BoardRecord, 'title' | 'template' | 'organisations'>,
  firstUpdate: Uint8Array | ((board: BoardRecord) => Uint8Array),
): Promise<{ board: BoardRecord; tokens: NewBoardTokens }> {
  const board: BoardRecord = {
    id: randomBytes(9).toString('base64url'),
    ...fields,
    createdAt: Date.now(),
  }
  const tokens: NewBoardTokens = {
    facilitator: generateToken(),
    editor: generateToken(),
    viewer: generateToken(),
  }
  await store.createBoard(
    board,
    Object.entries(tokens).map(([role, token]) => ({
      role: role as Role,
      hash: hashToken(token),
    })),
  )
  await store.appendUpdates(board.id, [
    typeof firstUpdate === 'function' ? firstUpdate(board) : firstUpdate,
  ])
  return { board, tokens }
}
