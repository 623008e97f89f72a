import * as Y from 'yjs'
import { UpdateAuthorizer } from '../auth/authorize-update'
import type { Backplane, BoardChannel, Revocation } from '../backplane/backplane'
import type { Config } from '../config'
import type { Logger } from '../logger'
import type { Metrics } from '../metrics'
import type { BoardStore, StoredBoard } from '../store/board-store'
import { type BoardEvent, observeBoardEvents } from './board-events'
import { routeOf, type UpdateOrigin } from './origins'
import { Room } from './room'
import { RoomPersistence } from './room-persistence'
import type { UpdateWriter } from './update-writer'

/** The settings a live board uses. */
export type LiveBoardOptions = Pick<
  Config,
  'maxBufferedBytes' | 'maxBoardBytes' | 'compactAfterUpdates'
> & {
  /** Told of consequential changes made through the document (the audit log listens). */
  onBoardEvent?: (boardId: string, event: BoardEvent) => void
}

export interface LiveBoardDeps {
  store: BoardStore
  writer: UpdateWriter
  backplane: Backplane
  options: LiveBoardOptions
  metrics: Metrics
  log: Logger
  /** Another instance deleted the board or renewed one of its links. */
  onRevocation(revocation: Revocation): void
  /** Runs between reading the stored board and building its document (sync rule S11). */
  onStored?(stored: StoredBoard): Promise<void>
}

/**
 * A board in memory on this instance, and the path of every change to it:
 *
 *   session frame -> Room.receive -> UpdateAuthorizer (auth/) -> Y.applyUpdate
 *     -> handleUpdate (below): store it and publish it, as its origin says (origins.ts)
 *     -> RoomPersistence -> UpdateWriter (group commit) -> BoardStore
 *   and the room broadcasts it to its other sessions.
 */
export class LiveBoard {
  private constructor(
    readonly room: Room,
    readonly persistence: RoomPersistence,
    readonly channel: BoardChannel,
    private readonly authorizer: UpdateAuthorizer,
    /** The state vector of what the store held, before other instances added to it. */
    readonly storedStateVector: Uint8Array,
  ) {}

  /** Assembles a board from its stored snapshot and updates, and joins the backplane. */
  static async load(boardId: string, deps: LiveBoardDeps): Promise<LiveBoard> {
    const { store, options, log } = deps
    const started = performance.now()
    const stored = await store.loadBoard(boardId)
    await deps.onStored?.(stored)
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
    const storedStateVector = Y.encodeStateVector(doc)
    const persistence = new RoomPersistence(boardId, store, deps.writer, {
      compactAfterUpdates: options.compactAfterUpdates,
      snapshot: () => Y.encodeStateAsUpdate(doc),
      loggedUpdates: stored.updates.length,
      lastSeq: stored.lastSeq,
      log,
    })
    const authorizer = new UpdateAuthorizer(doc)
    const onBoardEvent = options.onBoardEvent
    if (onBoardEvent) observeBoardEvents(doc, (event) => onBoardEvent(boardId, event))
    let channel: BoardChannel | null = null
    const handleUpdate = (update: Uint8Array, origin: UpdateOrigin | null) => {
      const route = routeOf(origin)
      if (route.store) persistence.enqueue(update)
      if (route.publish) channel?.publishUpdate(update)
    }
    const room = new Room(boardId, doc, {
      maxBufferedBytes: options.maxBufferedBytes,
      maxBoardBytes: options.maxBoardBytes,
      // A board stored as one snapshot is already its full encoding.
      fullState: stored.updates.length === 0 && stored.snapshot ? stored.snapshot : undefined,
      authorize: (session, update) => authorizer.refusal(session.role, update),
      log,
      onUpdate: handleUpdate,
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
      onRevocation: deps.onRevocation,
    })
    log.debug(
      { boardId, ms: Math.round(performance.now() - started), updates: stored.updates.length },
      'board loaded',
    )
    return new LiveBoard(room, persistence, channel, authorizer, storedStateVector)
  }

  get doc(): Y.Doc {
    return this.room.doc
  }

  /** Stops relaying and broadcasting, stores what is left and folds the log into a snapshot. */
  async unload(): Promise<void> {
    await this.channel.leave()
    this.room.destroy()
    this.authorizer.stop()
    await this.persistence.flushAndCompact()
    this.room.doc.destroy()
  }

  /** Closes every connection and forgets the board without storing more: it was deleted. */
  async drop(code: number, reason: string): Promise<void> {
    this.persistence.abandon()
    this.room.closeAll(code, reason)
    this.room.destroy()
    this.authorizer.stop()
    await this.channel.leave()
    this.room.doc.destroy()
  }
}
