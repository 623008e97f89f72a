import { CloseCode, WS_PATH } from '@stip/protocol'
import { markBoardLoad } from '../board/load-marks'
import {
  type BoardConnection,
  createBoardConnection,
  type Refusal,
  sameOriginWsBase,
} from './board-connection'
import { copyUnsentNotes } from './copy-unsent-notes'

/** What happened when the server refused this browser's copy of the board. */
export interface RecoveryNotice {
  code: number
  reason: string
  /** The same refusal came back soon after a fresh start: we stopped trying by ourselves. */
  stopped: boolean
}

type Holder = (connection: BoardConnection, notice: RecoveryNotice) => void

interface Shared {
  connection: BoardConnection
  users: number
  holders: Set<Holder>
  /** When the server last refused a copy, for telling a repeat from a one-off. */
  refusedAt: number[]
  /** The last recovery, for holders that arrive after it (the board screen mounts late). */
  notice: RecoveryNotice | null
  stopRefused: () => void
}

/** Refusals within this window count as a repeat; after MAX_FRESH_STARTS we stop and say so. */
const REPEAT_WINDOW_MS = 60_000
const MAX_FRESH_STARTS = 3

const open = new Map<string, Shared>()

function connect(boardId: string, token: string | null): BoardConnection {
  return createBoardConnection({
    boardId,
    token,
    wsBase: sameOriginWsBase(window.location, WS_PATH),
  })
}

/**
 * The board's connection, shared by everyone who holds it; closed when the last one lets go.
 *
 * The board page takes it as soon as it opens, so the document travels and decodes while the
 * canvas code (most of the bundle) downloads and a newcomer fills in the join form; the board
 * screen then takes the same connection instead of starting over.
 *
 * When the server refuses what this browser's copy holds (4403, 4413) the copy would be refused
 * again on every reconnect: nobody may be locked out by it, so the offline copy is deleted and
 * a fresh connection loads the board from the server (notes never stored are carried over);
 * holders get it through `onReplaced`.
 */
export function acquireBoardConnection(
  boardId: string,
  token: string | null,
): {
  connection: BoardConnection
  notice: RecoveryNotice | null
  release(): void
  onReplaced(holder: Holder): () => void
} {
  const key = `${boardId}#${token ?? ''}`
  let shared = open.get(key)
  if (!shared) {
    const connection = connect(boardId, token)
    const fresh: Shared = {
      connection,
      users: 0,
      holders: new Set(),
      refusedAt: [],
      notice: null,
      stopRefused: () => {},
    }
    watchRefusals(fresh, boardId, token)
    shared = fresh
    open.set(key, shared)
    markBoardLoad('connection-created')
    void connection.ready.then(() => markBoardLoad('doc-ready'))
  }
  shared.users++
  const held = shared
  let released = false
  return {
    connection: held.connection,
    notice: held.notice,
    onReplaced(holder) {
      held.holders.add(holder)
      return () => held.holders.delete(holder)
    },
    release() {
      if (released) return
      released = true
      held.users--
      if (held.users > 0) return
      open.delete(key)
      held.stopRefused()
      held.connection.destroy()
    },
  }
}

function watchRefusals(shared: Shared, boardId: string, token: string | null): void {
  shared.stopRefused = shared.connection.onRefused((refusal) => {
    void startFresh(shared, boardId, token, refusal)
  })
}

async function startFresh(
  shared: Shared,
  boardId: string,
  token: string | null,
  refusal: Refusal,
): Promise<void> {
  const now = Date.now()
  shared.refusedAt = [...shared.refusedAt.filter((at) => now - at < REPEAT_WINDOW_MS), now]
  const stopped = shared.refusedAt.length > MAX_FRESH_STARTS
  console.warn('stip: the server refused this browser’s copy of the board', refusal)
  const old = shared.connection
  shared.stopRefused()
  // The old doc still holds the refused change: it must not reach the fresh doc through the
  // tab-to-tab channel y-websocket keeps open while the old provider lives.
  old.provider.disconnectBc()
  // The refused change lives in the offline copy too: without deleting it, a reload would
  // send it again. What the server has comes back with the fresh connection.
  await old.discardLocalCopy().catch((error: unknown) => {
    console.warn('stip: could not delete the offline copy of the board', error)
  })
  const connection = connect(boardId, token)
  if (stopped) connection.provider.disconnect()
  shared.connection = connection
  watchRefusals(shared, boardId, token)
  const notice: RecoveryNotice = { code: refusal.code, reason: refusal.reason, stopped }
  shared.notice = notice
  for (const holder of shared.holders) holder(connection, notice)
  // Notes written here that the server never stored come along, once we know what it has;
  // not after a repeat (they might be what is refused) nor when the board is full.
  const salvage = shared.refusedAt.length === 1 && refusal.code === CloseCode.forbidden
  void connection.ready.then(() => {
    if (salvage && connection.provider.synced) copyUnsentNotes(old.doc, connection.doc)
    // The editor lets go of the old doc once the holders moved on; only then is it destroyed.
    setTimeout(() => old.destroy(), 0)
  })
}
