import { MessageType } from '@stip/protocol'
import * as syncProtocol from 'y-protocols/sync'
import type { StoredBoard } from '../store/board-store'
import { encodeSyncStep2 } from './messages'

/**
 * The longest a board read from the store waits before it builds its document (sync rule S11):
 * about one round trip, in which the sync step 1 of a client whose socket just opened arrives.
 */
export const COLD_ANSWER_WAIT_MS = 50

/** A client's sync step 1: it waits for what its state vector lacks. */
export function isSyncStep1(frame: Uint8Array): boolean {
  return frame[0] === MessageType.sync && frame[1] === syncProtocol.messageYjsSyncStep1
}

/** A client's sync step 1 with an empty state vector: it has nothing of the board yet. */
export function isFreshSyncStep1(frame: Uint8Array): boolean {
  return (
    frame.length === 4 &&
    isSyncStep1(frame) &&
    frame[2] === 1 && // the state vector's length in bytes
    frame[3] === 0 // ... and its entry count
  )
}

interface HeldClient {
  send(frame: Uint8Array): void
  /** The board could not answer from its snapshot: the room answers this client once built. */
  fallBack(): void
}

/**
 * Answers the fresh clients of a board that is being loaded (sync rule S11). A fresh sync
 * step 1 that comes while the store is read is held; once the store has answered, a board
 * stored as one snapshot sends it to the held clients and to those who ask until the document
 * is built. Building a large board takes tens of milliseconds that a fresh client, which needs
 * only the snapshot, no longer waits for.
 *
 * The build starts once every connection waiting for the board has sent its first frame, as
 * soon as a returning client (one that has part of the board) asks for the rest, or after
 * COLD_ANSWER_WAIT_MS. Other frames (presence, edits) wait for the built room as before (S7).
 */
export class ColdAnswers {
  private state: 'reading' | 'answering' | 'closed' = 'reading'
  private frame: Uint8Array | null = null
  private held: HeldClient[] = []
  private silent = 0
  private needed = false
  private wake: (() => void) | null = null

  /** Counts a connection that has sent nothing yet; call the result on its first frame or close. */
  expect(): () => void {
    this.silent++
    let spoke = false
    return () => {
      if (spoke) return
      spoke = true
      this.silent--
      if (this.silent === 0) this.wake?.()
    }
  }

  /**
   * Takes a fresh client's sync step 1: false when it is too late (the room answers it), true
   * when the client got the snapshot or will get it, or `fallBack` will be called.
   */
  take(client: HeldClient): boolean {
    if (this.state === 'closed') return false
    if (this.state === 'answering') client.send(this.frame!)
    else this.held.push(client)
    return true
  }

  /** A returning client waits for its answer: build now. */
  need(): void {
    this.needed = true
    this.wake?.()
  }

  /** The store has answered; resolves when the board may be built from `stored`. */
  async stored(stored: StoredBoard): Promise<void> {
    if (!stored.snapshot || stored.updates.length > 0) return this.close()
    this.frame = encodeSyncStep2(stored.snapshot)
    this.state = 'answering'
    for (const client of this.held.splice(0)) client.send(this.frame)
    await this.buildTime()
    this.close()
  }

  /** From now on the room answers; clients still held fall back to it. */
  close(): void {
    this.state = 'closed'
    this.frame = null
    for (const client of this.held.splice(0)) client.fallBack()
  }

  private buildTime(): Promise<void> {
    if (this.needed || this.silent === 0) return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.wake = null
        resolve()
      }
      const timer = setTimeout(done, COLD_ANSWER_WAIT_MS)
      this.wake = done
    })
  }
}
