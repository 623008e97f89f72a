import { CloseCode } from '@stip/protocol'
import * as Y from 'yjs'
import type { Backplane, Revocation } from '../backplane/backplane'
import type { Config } from '../config'
import type { Logger } from '../logger'
import type { Metrics } from '../metrics'
import type { BoardStore } from '../store/board-store'
import { ColdAnswers, isFreshSyncStep1, isSyncStep1 } from './cold-answer'
import { LiveBoard, type LiveBoardOptions } from './live-board'
import { encodeSyncStep1For } from './messages'
import { SERVER_ORIGIN, type UpdateOrigin } from './origins'
import type { Room } from './room'
import type { Session } from './session'
import { UpdateWriter } from './update-writer'

export type RoomRegistryOptions = LiveBoardOptions &
  Pick<Config, 'groupCommitMs' | 'maxEarlyFrames' | 'roomIdleMs' | 'maxConnectionsPerBoard'>

interface RoomEntry {
  ready: Promise<LiveBoard>
  connections: number
  cancelIdle: (() => void) | null
  /** Set while the room is being flushed and dropped; new connections wait for it. */
  unloading: Promise<void> | null
  /** Answers fresh clients from the stored snapshot while the board loads (S11). */
  cold: ColdAnswers
}

/** What the websocket adapter holds for one connection. */
export interface Connection {
  receive(data: Uint8Array): void
  /** The socket closed (by either side). */
  closed(): void
}

/**
 * The lifecycle of rooms: load a board on its first connection, keep it while anyone is
 * connected, flush and compact it and drop it from memory when the last one has left.
 */
export class RoomRegistry {
  private readonly entries = new Map<string, RoomEntry>()
  private readonly log: Logger
  private readonly writer: UpdateWriter

  constructor(
    private readonly store: BoardStore,
    private readonly backplane: Backplane,
    private readonly options: RoomRegistryOptions,
    private readonly metrics: Metrics,
    logger: Logger,
  ) {
    this.log = logger.child({ module: 'rooms' })
    this.writer = new UpdateWriter(store, {
      groupCommitMs: options.groupCommitMs,
      log: this.log,
      onWrite: (seconds, updates) => {
        metrics.storeWriteSeconds.observe(seconds)
        metrics.storeWriteUpdates.inc(updates)
      },
    })
  }

  get openRooms(): number {
    return this.entries.size
  }

  /**
   * Attaches a session to its board. Frames that arrive while the board loads are kept
   * (up to a cap) and handled in order once it is ready.
   */
  connect(boardId: string, session: Session): Connection {
    const current = this.entries.get(boardId)
    if (
      current &&
      !current.unloading &&
      current.connections >= this.options.maxConnectionsPerBoard
    ) {
      session.close(CloseCode.tooMany, 'this board has the maximum number of connections')
      return { receive() {}, closed() {} }
    }
    const early: Uint8Array[] = []
    let room: Room | null = null
    let open = true
    let released = false
    let answeredCold = false
    const entry = this.acquire(boardId)
    const firstFrame = entry.cold.expect()
    entry.ready.then(
      (loaded) => {
        if (!open) return
        room = loaded.room
        room.join(session)
        // Sent the stored snapshot while the board was built (S11): now what it gained since.
        if (answeredCold) room.receive(session, encodeSyncStep1For(loaded.storedStateVector))
        for (const frame of early.splice(0)) room.receive(session, frame)
      },
      (error) => {
        this.log.error({ boardId, error }, 'board failed to load')
        if (open) session.close(CloseCode.internalError, 'board failed to load')
      },
    )
    return {
      receive: (data) => {
        firstFrame()
        if (room) return room.receive(session, data)
        if (!answeredCold && isFreshSyncStep1(data)) {
          const position = early.length
          answeredCold = entry.cold.take({
            send: (frame) => this.sendColdAnswer(session, frame),
            fallBack: () => {
              answeredCold = false
              early.splice(position, 0, data)
            },
          })
          if (answeredCold) return
        } else if (isSyncStep1(data)) {
          entry.cold.need()
        }
        if (early.length >= this.options.maxEarlyFrames) {
          open = false
          session.close(CloseCode.policyViolation, 'too many frames before the board loaded')
          return
        }
        early.push(data)
      },
      closed: () => {
        firstFrame()
        if (released) return
        released = true
        open = false
        room?.leave(session)
        this.release(boardId, entry)
      },
    }
  }

  /** Sends a fresh client the stored snapshot, before the room exists (S11). */
  private sendColdAnswer(session: Session, frame: Uint8Array): void {
    try {
      session.send(frame)
      this.metrics.messagesOut.inc()
      this.metrics.bytesOut.inc(frame.length)
    } catch (error) {
      this.log.warn({ session: session.id, error }, 'send failed')
      session.close(CloseCode.internalError, 'send failed')
    }
  }

  /**
   * Ends the connections a renewed link or a deleted board no longer admits, here and on every
   * other instance; resolves once the others were told (auth rule A7).
   */
  async revoke(boardId: string, revocation: Revocation): Promise<void> {
    await this.revokeHere(boardId, revocation)
    await this.backplane.announce(boardId, revocation)
  }

  private async revokeHere(boardId: string, revocation: Revocation): Promise<void> {
    if (revocation.kind === 'board-deleted') {
      return this.dropBoard(boardId, CloseCode.unauthorized, 'this board was deleted')
    }
    const entry = this.entries.get(boardId)
    const loaded = await entry?.ready.catch(() => null)
    if (revocation.kind === 'link-renewed') {
      loaded?.room.disconnectWhere(
        (session) => session.role === revocation.role && session.signsFor === undefined,
        CloseCode.unauthorized,
        'this link was renewed',
      )
    } else {
      loaded?.room.disconnectWhere(
        (session) => session.signsFor === revocation.organisationId,
        CloseCode.unauthorized,
        'this signing link was renewed',
      )
    }
  }

  /** The board's document as it is now: the live one when loaded here, else from the store. */
  async readDocument(boardId: string): Promise<Y.Doc> {
    const entry = this.entries.get(boardId)
    const loaded = entry && !entry.unloading ? await entry.ready.catch(() => null) : null
    const doc = new Y.Doc()
    if (loaded) {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(loaded.room.doc))
      return doc
    }
    const stored = await this.store.loadBoard(boardId)
    for (const update of [stored.snapshot, ...stored.updates])
      if (update) Y.applyUpdate(doc, update)
    return doc
  }

  /**
   * Reads the LIVE board without copying it (loading it if needed): `read` must not keep the
   * doc or change it. For checks that need the current state, e.g. whether a vote is open.
   */
  async inspectDocument<T>(boardId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const entry = this.acquire(boardId)
    try {
      return read((await entry.ready).doc)
    } finally {
      this.release(boardId, entry)
    }
  }

  /**
   * Changes the LIVE board as the server itself (signing, restoring a version): loads the room
   * if needed, runs `change` in one transaction with `origin`, and resolves with its result
   * once the change is stored. The room persists it, broadcasts it to every session and
   * publishes it to the backplane like any other update; no role check applies to it.
   */
  async changeDocument<T>(
    boardId: string,
    change: (doc: Y.Doc) => T,
    origin: UpdateOrigin = SERVER_ORIGIN,
  ): Promise<T> {
    const entry = this.acquire(boardId)
    try {
      const { room, persistence } = await entry.ready
      let result: T | undefined
      room.doc.transact(() => {
        result = change(room.doc)
      }, origin)
      await persistence.flush()
      return result as T
    } finally {
      this.release(boardId, entry)
    }
  }

  /**
   * Removes a board with everything it holds. Its tokens go first, so nobody connects while
   * the room closes; what was still queued for it is dropped, and a second sweep removes
   * anything a write in flight put back.
   */
  async deleteBoard(boardId: string): Promise<void> {
    await this.store.deleteBoard(boardId)
    await this.revoke(boardId, { kind: 'board-deleted' })
  }

  /**
   * Forgets a deleted board here: closes its connections, drops its room and queued writes,
   * then removes from the store whatever this instance wrote meanwhile.
   */
  private async dropBoard(boardId: string, code: number, reason: string): Promise<void> {
    const entry = this.entries.get(boardId)
    if (entry) {
      entry.cancelIdle?.()
      const loaded = await entry.ready.catch(() => null)
      await loaded?.drop(code, reason)
      if (this.entries.get(boardId) === entry) this.entries.delete(boardId)
      this.metrics.roomsOpen.set(this.entries.size)
    }
    this.writer.discard(boardId)
    await this.writer.flush()
    await this.store.deleteBoard(boardId)
  }

  /** Closes every connection with `code`, then flushes and unloads every room. */
  async closeAll(code: number = CloseCode.goingAway): Promise<void> {
    const unloads = [...this.entries].map(async ([boardId, entry]) => {
      entry.cancelIdle?.()
      if (entry.unloading) return entry.unloading
      const loaded = await entry.ready.catch(() => null)
      loaded?.room.closeAll(code, 'server shutting down')
      return this.unload(boardId, entry)
    })
    await Promise.all(unloads)
  }

  private acquire(boardId: string): RoomEntry {
    const existing = this.entries.get(boardId)
    if (existing && !existing.unloading) {
      existing.connections++
      existing.cancelIdle?.()
      existing.cancelIdle = null
      return existing
    }
    const previousUnload = existing?.unloading ?? Promise.resolve()
    const entry: RoomEntry = {
      ready: previousUnload.then(() =>
        this.load(boardId, entry).catch((error: unknown) => {
          entry.cold.close()
          // Forget a board that failed to load, so the next connection tries again.
          if (this.entries.get(boardId) === entry) this.entries.delete(boardId)
          this.metrics.roomsOpen.set(this.entries.size)
          throw error
        }),
      ),
      connections: 1,
      cancelIdle: null,
      unloading: null,
      cold: new ColdAnswers(),
    }
    this.entries.set(boardId, entry)
    this.metrics.roomsOpen.set(this.entries.size)
    return entry
  }

  private release(boardId: string, entry: RoomEntry): void {
    entry.connections--
    if (entry.connections > 0 || entry.unloading) return
    const timer = setTimeout(() => {
      entry.cancelIdle = null
      void this.unload(boardId, entry)
    }, this.options.roomIdleMs)
    entry.cancelIdle = () => clearTimeout(timer)
  }

  private load(boardId: string, entry: RoomEntry): Promise<LiveBoard> {
    return LiveBoard.load(boardId, {
      store: this.store,
      writer: this.writer,
      backplane: this.backplane,
      options: this.options,
      metrics: this.metrics,
      log: this.log,
      onRevocation: (revocation) => {
        this.revokeHere(boardId, revocation).catch((error: unknown) =>
          this.log.error({ boardId, error, revocation }, 'a revocation failed'),
        )
      },
      onStored: (stored) => entry.cold.stored(stored),
    })
  }

  private unload(boardId: string, entry: RoomEntry): Promise<void> {
    entry.unloading = (async () => {
      const loaded = await entry.ready.catch(() => null)
      await loaded?.unload()
      if (this.entries.get(boardId) === entry) this.entries.delete(boardId)
      this.metrics.roomsOpen.set(this.entries.size)
      this.log.debug({ boardId }, 'board unloaded')
    })()
    return entry.unloading
  }
}
