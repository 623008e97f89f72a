/**
 * What a room knows of a connection: enough to send, close and see backpressure.
 * The websocket adapter implements it; tests implement it with plain objects.
 */
import type { Role } from '@stip/protocol'

export interface Session {
  readonly id: string
  /** What the session's token allows; the room refuses updates the role may not make. */
  readonly role: Role
  /** Set when the session came in through an organisation's signing link: that organisation. */
  readonly signsFor?: string
  send(message: Uint8Array): void
  close(code: number, reason: string): void
  /** Bytes accepted by send() and not yet written to the network. */
  bufferedAmount(): number
}

/** An error that ends one connection with a specific close code. */
export class ProtocolError extends Error {
  constructor(
    readonly closeCode: number,
    message: string,
  ) {
    super(message)
  }
}
