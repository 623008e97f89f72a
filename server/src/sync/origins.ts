import type { Session } from './session'

/**
 * Where a change to a board's document came from: the transaction origin of every change the
 * server applies to a room's doc (SPEC.md, sync rule S4). Yjs hands the origin to every update
 * and awareness listener, so the one decision below travels with the change itself.
 */
export type UpdateOrigin =
  /** Sent by a client over this instance's websocket. */
  | { readonly kind: 'connection'; readonly session: Session }
  /** Relayed by another instance over the backplane; that instance stored it. */
  | { readonly kind: 'backplane' }
  /** Made by the server itself: a signature, revealed votes, a silent round's notes. */
  | { readonly kind: 'server' }
  /** A named version restored as a new change by the facilitator. */
  | { readonly kind: 'restore' }

export const BACKPLANE_ORIGIN: UpdateOrigin = { kind: 'backplane' }
export const SERVER_ORIGIN: UpdateOrigin = { kind: 'server' }
export const RESTORE_ORIGIN: UpdateOrigin = { kind: 'restore' }

export function connectionOrigin(session: Session): UpdateOrigin {
  return { kind: 'connection', session }
}

const KINDS = new Set(['connection', 'backplane', 'server', 'restore'])

/** The origin of a change, or null for one applied outside the room (loading the stored doc). */
export function originOf(transactionOrigin: unknown): UpdateOrigin | null {
  const kind = (transactionOrigin as { kind?: unknown } | null)?.kind
  return typeof kind === 'string' && KINDS.has(kind) ? (transactionOrigin as UpdateOrigin) : null
}

/** The session a change came from, so the room does not echo it back. */
export function sessionOf(origin: UpdateOrigin | null): Session | null {
  return origin?.kind === 'connection' ? origin.session : null
}

/**
 * What this instance does with a change besides sending it to its own sessions: store it and
 * publish it to the other instances, unless another instance relayed it (that one stored it,
 * and publishing it again would echo it around the backplane).
 */
export function routeOf(origin: UpdateOrigin | null): { store: boolean; publish: boolean } {
  const relayed = origin?.kind === 'backplane'
  return { store: !relayed, publish: !relayed }
}
