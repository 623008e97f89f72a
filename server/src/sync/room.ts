import { CloseCode, Limits, MessageType } from '@stip/protocol'
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { Config } from '../config'
import { type DecodedUpdate, decodeIncomingUpdate } from './incoming-update'
import {
  type AwarenessEntry,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  readAwarenessEntries,
  writeAwarenessEntries,
} from './messages'
import {
  BACKPLANE_ORIGIN,
  connectionOrigin,
  originOf,
  routeOf,
  SERVER_ORIGIN,
  sessionOf,
  type UpdateOrigin,
} from './origins'
import { type Scheduler, systemScheduler } from './scheduler'
import { ProtocolError, type Session } from './session'

/**
 * One board in memory: its Y.Doc, its awareness and the sessions connected to it.
 *
 * The room is pure: bytes come in through receive(), bytes go out through Session.send().
 * Broadcasts are coalesced without a fixed tick (SPEC.md, S9): a change is sent once the
 * current event-loop turn has handled its input, merged with every other change that arrived
 * while that send was pending. An idle room thus sends at once; a busy one, whose turns read
 * many frames, merges them and sends one frame per session instead of one per update.
 */
export type RoomOptions = Pick<Config, 'maxBufferedBytes'> & {
  /** Largest encoded size the board may grow to; updates past it are refused (4413). */
  maxBoardBytes?: number
  maxAwarenessStateBytes?: number
  scheduler?: Scheduler
  log?: RoomLog
  /**
   * Called for every change the doc accepts, before it is broadcast, with where it came from
   * (origins.ts): the hook that stores and publishes it.
   */
  onUpdate?: (update: Uint8Array, origin: UpdateOrigin | null) => void
  /** Why a session may not apply an update (null: allowed): the role check (auth/). */
  authorize?: (session: Session, update: DecodedUpdate) => string | null
  /** The doc's whole state as one update when already at hand (a snapshot just loaded). */
  fullState?: Uint8Array
  /** Called with each presence change made here (not relayed ones): the backplane hook. */
  onAwareness?: (update: Uint8Array) => void
  /** Called once per frame sent, with its size: the metrics hook. */
  onSend?: (bytes: number) => void
  /** Called when the room closes a session, with the close code: the metrics hook. */
  onClose?: (code: number) => void
}

export interface RoomLog {
  warn(details: object, message: string): void
}

interface SessionState {
  /** Awareness client ids this session has published, removed for everyone when it leaves. */
  awarenessIds: Set<number>
  /** The transaction origin of this session's changes. */
  origin: UpdateOrigin
  /**
   * The largest sync answer sent to it: a big board's state takes a while to read, and is
   * shared with every session that asked alike, so it counts on top of the buffer limit.
   */
  answerBytes: number
}

interface PendingUpdate {
  update: Uint8Array
  origin: Session | null
}

/** Past this many distinct senders in one batch, everyone gets the same frame (echoes are no-ops). */
const MAX_SENDERS_EXCLUDED_PER_BATCH = 3

/** Answers to non-empty state vectors kept until the doc changes (reconnects often ask alike). */
const CACHED_ANSWERS = 4

export class Room {
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  private readonly sessions = new Map<Session, SessionState>()
  private readonly awarenessOwners = new Map<number, Session>()
  private pendingUpdates: PendingUpdate[] = []
  private pendingAwareness = new Set<number>()
  /** Set while a send is pending: what arrives meanwhile joins it. */
  private cancelFlush: (() => void) | null = null
  private readonly scheduler: Scheduler
  private readonly maxAwarenessStateBytes: number
  /** Upper bound of the doc's encoded size: exact after a measurement, plus updates since. */
  private sizeBound: number
  /**
   * The whole doc encoded once, for every new client (empty state vector) until the doc
   * changes: a workshop where thirty people join at once costs one encoding, not thirty.
   */
  private fullState: Uint8Array | null
  /**
   * Sync step 2 frames by the state vector they answer, until the doc changes. Every session
   * that asks alike is sent the same bytes, so sessions that do not read hold references to one
   * buffer instead of a copy each (SPEC.md, sync rule S6).
   */
  private answers = new Map<string, Uint8Array>()

  constructor(
    readonly boardId: string,
    doc: Y.Doc,
    private readonly options: RoomOptions,
  ) {
    this.doc = doc
    this.scheduler = options.scheduler ?? systemScheduler
    this.maxAwarenessStateBytes = options.maxAwarenessStateBytes ?? Limits.maxAwarenessStateBytes
    this.fullState = options.fullState ?? Y.encodeStateAsUpdate(doc)
    this.sizeBound = this.fullState.length
    this.awareness = new awarenessProtocol.Awareness(doc)
    // The server is not a participant: it publishes no presence of its own.
    this.awareness.setLocalState(null)
    doc.on('update', this.handleDocUpdate)
    this.awareness.on('update', this.handleAwarenessUpdate)
  }

  get sessionCount(): number {
    return this.sessions.size
  }

  /** Adds a session and starts the sync handshake (server step 1, then known presence). */
  join(session: Session): void {
    this.sessions.set(session, {
      awarenessIds: new Set(),
      origin: connectionOrigin(session),
      answerBytes: 0,
    })
    this.send(session, encodeSyncStep1(this.doc))
    const states = this.awareness.getStates()
    if (states.size > 0) {
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])
      this.send(session, encodeAwareness(update))
    }
  }

  /** Handles one frame from a session; a bad frame closes that session only. */
  receive(session: Session, data: Uint8Array): void {
    if (!this.sessions.has(session)) return
    try {
      this.handleMessage(session, data)
    } catch (error) {
      const code = error instanceof ProtocolError ? error.closeCode : CloseCode.invalidData
      const reason = error instanceof Error ? error.message : 'invalid message'
      this.options.log?.warn(
        { boardId: this.boardId, session: session.id, code, reason },
        'closing session after bad frame',
      )
      this.disconnect(session, code, reason)
    }
  }

  /** Removes a session (its socket closed) and withdraws its presence for everyone. */
  leave(session: Session): void {
    const state = this.sessions.get(session)
    if (!state) return
    this.sessions.delete(session)
    const ids = [...state.awarenessIds]
    for (const id of ids) this.awarenessOwners.delete(id)
    awarenessProtocol.removeAwarenessStates(this.awareness, ids, SERVER_ORIGIN)
  }

  /** Closes one session from the server side. */
  disconnect(session: Session, code: number, reason: string): void {
    if (!this.sessions.has(session)) return
    this.leave(session)
    this.options.onClose?.(code)
    session.close(code, reason.slice(0, 120))
  }

  /** Closes every session, e.g. with 1001 on shutdown, after sending what is pending. */
  closeAll(code: number, reason: string): void {
    this.flush()
    for (const session of [...this.sessions.keys()]) this.disconnect(session, code, reason)
  }

  /** Sends pending broadcasts now and stops listening; the doc stays usable for a final snapshot. */
  destroy(): void {
    this.flush()
    this.doc.off('update', this.handleDocUpdate)
    this.awareness.off('update', this.handleAwarenessUpdate)
    this.awareness.destroy()
  }

  /** Applies an update relayed by another instance: broadcast here, not stored again. */
  applyRelayedUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, BACKPLANE_ORIGIN)
  }

  /** Applies presence relayed by another instance. */
  applyRelayedAwareness(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, BACKPLANE_ORIGIN)
  }

  /** The presence of this instance's own sessions, for a peer that asks. */
  localAwareness(): Uint8Array | null {
    const ids = [...this.awarenessOwners.keys()].filter((id) => this.awareness.getStates().has(id))
    return ids.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) : null
  }

  private handleMessage(session: Session, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.sync:
        this.handleSync(session, decoder)
        break
      case MessageType.awareness:
        this.handleAwareness(session, decoding.readVarUint8Array(decoder))
        break
      case MessageType.queryAwareness: {
        const ids = [...this.awareness.getStates().keys()]
        this.send(
          session,
          encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)),
        )
        break
      }
      default:
        throw new ProtocolError(CloseCode.invalidData, `unknown message type ${type}`)
    }
    if (decoding.hasContent(decoder)) {
      throw new ProtocolError(CloseCode.invalidData, 'trailing bytes after message')
    }
  }

  private handleSync(session: Session, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder)
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder)
      // Judged before encoding: a session that stopped reading gets no new answer to hold.
      if (this.isSlowConsumer(session)) return
      const answer = this.answerTo(stateVector)
      const state = this.sessions.get(session)!
      state.answerBytes = Math.max(state.answerBytes, answer.length)
      this.send(session, answer)
    } else if (
      syncType === syncProtocol.messageYjsSyncStep2 ||
      syncType === syncProtocol.messageYjsUpdate
    ) {
      const update = decoding.readVarUint8Array(decoder)
      // Decoded whole before applying, so a malformed update is refused and never stored; the
      // decoding is judged, then applied without parsing the bytes again.
      const incoming = decodeIncomingUpdate(update)
      const refusal = this.options.authorize?.(session, incoming.decoded)
      if (refusal) throw new ProtocolError(CloseCode.forbidden, refusal)
      if (incoming.decoded.structs.length > 0) this.checkSize(update.length)
      incoming.applyTo(this.doc, this.sessions.get(session)!.origin)
      this.sizeBound += update.length
    } else {
      throw new ProtocolError(CloseCode.invalidData, `unknown sync message ${syncType}`)
    }
  }

  /** The sync step 2 frame for a state vector, shared with every session that asks alike. */
  private answerTo(stateVector: Uint8Array): Uint8Array {
    const key = Buffer.from(stateVector).toString('base64')
    const cached = this.answers.get(key)
    if (cached) return cached
    const isEmpty = stateVector.length === 1 && stateVector[0] === 0
    let update: Uint8Array
    if (isEmpty) {
      this.fullState ??= Y.encodeStateAsUpdate(this.doc)
      update = this.fullState
    } else {
      update = Y.encodeStateAsUpdate(this.doc, stateVector)
    }
    const frame = encodeSyncStep2(update)
    if (this.answers.size >= CACHED_ANSWERS) {
      this.answers.delete(this.answers.keys().next().value!)
    }
    this.answers.set(key, frame)
    return frame
  }

  private checkSize(incoming: number): void {
    const max = this.options.maxBoardBytes
    if (max === undefined || this.sizeBound + incoming <= max) return
    // The bound overestimates (updates overlap, deletions shrink the doc): measure before refusing.
    this.fullState ??= Y.encodeStateAsUpdate(this.doc)
    this.sizeBound = this.fullState.length
    if (this.sizeBound + incoming > max) {
      throw new ProtocolError(CloseCode.boardTooLarge, 'the board has reached its size limit')
    }
  }

  /** Closes every session matching `predicate`, e.g. those of a rotated token. */
  disconnectWhere(predicate: (session: Session) => boolean, code: number, reason: string): void {
    for (const session of [...this.sessions.keys()]) {
      if (predicate(session)) this.disconnect(session, code, reason)
    }
  }

  private handleAwareness(session: Session, update: Uint8Array): void {
    const entries = readAwarenessEntries(update)
    const own: AwarenessEntry[] = []
    for (const entry of entries) {
      if (Buffer.byteLength(entry.stateJson, 'utf8') > this.maxAwarenessStateBytes) {
        throw new ProtocolError(CloseCode.messageTooBig, 'awareness state too large')
      }
      const owner = this.awarenessOwners.get(entry.clientId)
      // A session may speak only for the presence it introduced; others' entries are ignored.
      if (owner && owner !== session) continue
      own.push(entry)
    }
    if (own.length === 0) return
    const accepted = own.length === entries.length ? update : writeAwarenessEntries(own)
    awarenessProtocol.applyAwarenessUpdate(
      this.awareness,
      accepted,
      this.sessions.get(session)!.origin,
    )
  }

  private readonly handleDocUpdate = (update: Uint8Array, transactionOrigin: unknown): void => {
    this.fullState = null
    if (this.answers.size > 0) this.answers = new Map()
    const origin = originOf(transactionOrigin)
    this.options.onUpdate?.(update, origin)
    this.pendingUpdates.push({ update, origin: this.liveSession(sessionOf(origin)) })
    this.scheduleFlush()
  }

  private readonly handleAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    transactionOrigin: unknown,
  ): void => {
    const origin = originOf(transactionOrigin)
    const session = this.liveSession(sessionOf(origin))
    const state = session ? this.sessions.get(session) : undefined
    for (const id of [...changes.added, ...changes.updated]) {
      if (state && session) {
        state.awarenessIds.add(id)
        this.awarenessOwners.set(id, session)
      }
      this.pendingAwareness.add(id)
    }
    for (const id of changes.removed) {
      state?.awarenessIds.delete(id)
      this.pendingAwareness.add(id)
    }
    if (routeOf(origin).publish && this.options.onAwareness) {
      const changed = [...changes.added, ...changes.updated, ...changes.removed]
      this.options.onAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed))
    }
    this.scheduleFlush()
  }

  private liveSession(session: Session | null): Session | null {
    return session && this.sessions.has(session) ? session : null
  }

  /**
   * Sends once the input of this event-loop turn is handled (setImmediate): frames that were
   * read together, because they piled up while the process was busy, go out merged.
   */
  private scheduleFlush(): void {
    this.cancelFlush ??= this.scheduler.defer(() => this.flush(), 0)
  }

  /** Sends everything pending: one merged update frame and one awareness frame. */
  flush(): void {
    this.cancelFlush?.()
    this.cancelFlush = null
    const pending = this.pendingUpdates
    this.pendingUpdates = []
    if (pending.length > 0) this.broadcastUpdates(pending)
    if (this.pendingAwareness.size > 0) {
      const ids = [...this.pendingAwareness]
      this.pendingAwareness = new Set()
      const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids))
      for (const session of [...this.sessions.keys()]) this.send(session, frame)
    }
  }

  private broadcastUpdates(pending: PendingUpdate[]): void {
    const merged =
      pending.length === 1 ? pending[0]!.update : Y.mergeUpdates(pending.map((p) => p.update))
    const toAll = encodeUpdate(merged)
    const senders = new Set(pending.map((p) => p.origin).filter((s): s is Session => s !== null))
    const excludeSenders = senders.size <= MAX_SENDERS_EXCLUDED_PER_BATCH
    for (const session of [...this.sessions.keys()]) {
      if (!excludeSenders || !senders.has(session)) {
        this.send(session, toAll)
        continue
      }
      const others = pending.filter((p) => p.origin !== session).map((p) => p.update)
      if (others.length > 0) {
        this.send(session, encodeUpdate(others.length === 1 ? others[0]! : Y.mergeUpdates(others)))
      }
    }
  }

  /**
   * A session whose unsent bytes passed the limit (plus the board's state it was sent) is
   * closed instead of being sent more (4408): a client that stops reading costs the server at
   * most the limit and one frame beyond the shared state.
   */
  private isSlowConsumer(session: Session): boolean {
    const allowance = this.options.maxBufferedBytes + (this.sessions.get(session)?.answerBytes ?? 0)
    if (session.bufferedAmount() <= allowance) return false
    this.disconnect(session, CloseCode.slowConsumer, 'slow consumer: send buffer full')
    return true
  }

  private send(session: Session, frame: Uint8Array): void {
    if (!this.sessions.has(session) || this.isSlowConsumer(session)) return
    try {
      session.send(frame)
      this.options.onSend?.(frame.length)
    } catch (error) {
      this.options.log?.warn({ boardId: this.boardId, session: session.id, error }, 'send failed')
      this.disconnect(session, CloseCode.internalError, 'send failed')
    }
  }
}
