import { WS_PATH } from '@stip/protocol'
import { markBoardLoad } from '../board/load-marks'
import { type BoardConnection, createBoardConnection, sameOriginWsBase } from './board-connection'

interface Shared {
  connection: BoardConnection
  users: number
}

const open = new Map<string, Shared>()

/**
 * The board's connection, shared by everyone who holds it; closed when the last one lets go.
 *
 * The board page takes it as soon as it opens, so the document travels and decodes while the
 * canvas code (most of the bundle) downloads and a newcomer fills in the join form; the board
 * screen then takes the same connection instead of starting over.
 */
export function acquireBoardConnection(
  boardId: string,
  token: string | null,
): { connection: BoardConnection; release(): void } {
  const key = `${boardId}#${token ?? ''}`
  let shared = open.get(key)
  if (!shared) {
    shared = {
      connection: createBoardConnection({
        boardId,
        token,
        wsBase: sameOriginWsBase(window.location, WS_PATH),
      }),
      users: 0,
    }
    open.set(key, shared)
    markBoardLoad('connection-created')
    void shared.connection.ready.then(() => markBoardLoad('doc-ready'))
  }
  shared.users++
  const held = shared
  let released = false
  return {
    connection: held.connection,
    release() {
      if (released) return
      released = true
      held.users--
      if (held.users > 0) return
      open.delete(key)
      held.connection.destroy()
    },
  }
}
