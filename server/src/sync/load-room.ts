import * as Y from 'yjs'
import { refuseUpdate } from '../auth/authorize-update'
import { BACKPLANE_ORIGIN, type Backplane, type BoardChannel } from '../backplane/backplane'
import type { Logger } from '../logger'
import type { Metrics } from '../metrics'
import type { BoardStore } from '../store/board-store'
import { Room } from './room'
import { RoomPersistence } from './room-persistence'
import type { RoomRegistryOptions } from './room-registry'
import type { UpdateWriter } from './update-writer'

/** A board in memory: its room, what persists it, and its channel to the other instances. */
export interface LoadedRoom {
  room: Room
  persistence: RoomPersistence
  channel: BoardChannel
}

export interface LoadRoomDeps {
  store: BoardStore
  writer: UpdateWriter
  backplane: Backplane
  options: RoomRegistryOptions
  metrics: Metrics
  log: Logger
  /** Another instance deleted the board. */
  onDeleted(): void
}

/**
 * Assembles a board's room: the document from its stored snapshot and updates, persistence of
 * every new local update, and the backplane channel that relays updates and presence.
 */
export async function loadRoom(boardId: string, deps: LoadRoomDeps): Promise<LoadedRoom> {
  const { store, options, log } = deps
  const started = performance.now()
  const stored = await store.loadBoard(boardId)
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const update of [stored.snapshot, ...stored.updates]) {
      if (!update) continue
      try {
        Y.applyUpdate(doc, update)
      } catch (error) {
        // A stored update that cannot be read must not keep the rest of the board away.
        log.error({ boardId, error }, 'skipping unreadable stored update')
      }
    }
  })
  const persistence = new RoomPersistence(
    boardId,
    store,
    deps.writer,
    {
      compactAfterUpdates: options.compactAfterUpdates,
      snapshot: () => Y.encodeStateAsUpdate(doc),
      log,
    },
    { lastSeq: stored.lastSeq, loggedUpdates: stored.updates.length },
  )
  let channel: BoardChannel | null = null
  const room = new Room(boardId, doc, {
    broadcastTickMs: options.broadcastTickMs,
    maxBufferedBytes: options.maxBufferedBytes,
    maxBoardBytes: options.maxBoardBytes,
    // A board stored as one snapshot is already its full encoding.
    fullState: stored.updates.length === 0 && stored.snapshot ? stored.snapshot : undefined,
    refuseUpdate: (session, update, roomDoc) => refuseUpdate(session.role, update, roomDoc),
    log,
    onUpdate: (update, origin) => {
      // Relayed updates were stored by the instance their author is connected to.
      if (origin === BACKPLANE_ORIGIN) return
      persistence.enqueue(update)
      channel?.publishUpdate(update)
    },
    onAwareness: (update) => channel?.publishAwareness(update),
    onSend: (bytes) => {
      deps.metrics.messagesOut.inc()
      deps.metrics.bytesOut.inc(bytes)
    },
    onClose: (code) => deps.metrics.connectionsClosed.inc({ code: String(code) }),
  })
  channel = await deps.backplane.join(boardId, {
    applyUpdate: (update) => room.applyRelayedUpdate(update),
    applyAwareness: (update) => room.applyRelayedAwareness(update),
    diffSince: (stateVector) => Y.encodeStateAsUpdate(doc, stateVector),
    stateVector: () => Y.encodeStateVector(doc),
    localAwareness: () => room.localAwareness(),
    onDeleted: deps.onDeleted,
  })
  log.debug(
    { boardId, ms: Math.round(performance.now() - started), updates: stored.updates.length },
    'board loaded',
  )
  return { room, persistence, channel }
}
