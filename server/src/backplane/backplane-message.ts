import { randomBytes } from 'node:crypto'

/**
 * Frames on a board's Redis channel: [kind][16-byte sender instance id][payload].
 * A sync request carries [1 byte: answer with a request too][state vector]; a sync reply
 * carries [16-byte addressee][update].
 */
export const BackplaneKind = {
  update: 1,
  awareness: 2,
  syncRequest: 3,
  syncReply: 4,
  awarenessRequest: 5,
  /** The board was deleted: every instance closes its connections and drops what it holds. */
  deleted: 6,
  /** A link of the board was renewed: the payload is the Revocation as JSON. */
  revoked: 7,
} as const

export type BackplaneKindValue = (typeof BackplaneKind)[keyof typeof BackplaneKind]

export const INSTANCE_ID_BYTES = 16
const HEADER_BYTES = 1 + INSTANCE_ID_BYTES

export function newInstanceId(): Buffer {
  return randomBytes(INSTANCE_ID_BYTES)
}

export function encodeBackplaneMessage(
  kind: BackplaneKindValue,
  sender: Buffer,
  ...parts: Uint8Array[]
): Buffer {
  return Buffer.concat([Buffer.from([kind]), sender, ...parts])
}

export interface BackplaneMessage {
  kind: number
  sender: Buffer
  payload: Buffer
}

/** Splits a frame; returns null for one too short to carry a header. */
export function decodeBackplaneMessage(frame: Buffer): BackplaneMessage | null {
  if (frame.length < HEADER_BYTES) return null
  return {
    kind: frame[0]!,
    sender: frame.subarray(1, HEADER_BYTES),
    payload: frame.subarray(HEADER_BYTES),
  }
}
