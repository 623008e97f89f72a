import type { Role } from '@stip/protocol'

/**
 * How instances that hold the same board tell each other about it. In one process there is
 * nobody to tell (LocalBackplane); with REDIS_URL, Redis pub/sub carries updates, presence and
 * revocations between instances (redis-backplane.ts).
 *
 * Relayed updates enter a room's doc with BACKPLANE_ORIGIN (sync/origins.ts), so the room
 * broadcasts them to its own sessions but neither stores them again (the instance that
 * received them from a client did) nor publishes them back.
 */

/** What ends connections to a board on every instance that holds some (auth rule A7). */
export type Revocation =
  | { kind: 'board-deleted' }
  | { kind: 'link-renewed'; role: Role }
  | { kind: 'signing-link-renewed'; organisationId: string }

/** What a board gives the backplane: where relayed data goes, and its state for catch-up. */
export interface BoardPeerHandlers {
  applyUpdate(update: Uint8Array): void
  applyAwareness(update: Uint8Array): void
  /** Everything this instance has that a peer with `stateVector` lacks. */
  diffSince(stateVector: Uint8Array): Uint8Array
  stateVector(): Uint8Array
  /** Presence of this instance's own sessions, or null when it has none. */
  localAwareness(): Uint8Array | null
  /** Another instance deleted the board or renewed one of its links. */
  onRevocation(revocation: Revocation): void
}

export interface BoardChannel {
  publishUpdate(update: Uint8Array): void
  publishAwareness(update: Uint8Array): void
  leave(): Promise<void>
}

export interface BackplaneStatus {
  kind: 'local' | 'redis'
  ok: boolean
}

export interface Backplane {
  /** Starts relaying one board; asks peers for what they hold of it. */
  join(boardId: string, handlers: BoardPeerHandlers): Promise<BoardChannel>
  /** Tells every other instance holding the board; resolves once the message is out. */
  announce(boardId: string, revocation: Revocation): Promise<void>
  status(): BackplaneStatus
  close(): Promise<void>
}

/** The single-instance backplane: nothing to relay. */
export function createLocalBackplane(): Backplane {
  const channel: BoardChannel = {
    publishUpdate() {},
    publishAwareness() {},
    async leave() {},
  }
  return {
    async join() {
      return channel
    },
    async announce() {},
    status: () => ({ kind: 'local', ok: true }),
    async close() {},
  }
}
