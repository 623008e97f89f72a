import { MessageType } from '@stip/protocol'
import * as syncProtocol from 'y-protocols/sync'

/**
 * How long a board that is read from the store waits, before it builds its document, for the
 * connections that wait for it to send their first frame (sync rule S11). Their sync step 1
 * is normally on its way: a client sends it as soon as its socket opens.
 */
export const COLD_ANSWER_WAIT_MS = 10

/** A client's sync step 1 with an empty state vector: it has nothing of the board yet. */
export function isFreshSyncStep1(frame: Uint8Array): boolean {
  return (
    frame.length === 4 &&
    frame[0] === MessageType.sync &&
    frame[1] === syncProtocol.messageYjsSyncStep1 &&
    frame[2] === 1 && // the state vector's length in bytes
    frame[3] === 0 // ... and its entry count
  )
}

/**
 * The connections of a loading board that have not sent a frame yet. `settled` resolves once
 * each has (or has closed), or after `ms`, whichever comes first.
 */
export class FirstFrames {
  private waiting = 0
  private wake: (() => void) | null = null

  /** Counts a connection; call the returned function on its first frame or when it closes. */
  expect(): () => void {
    this.waiting++
    let arrived = false
    return () => {
      if (arrived) return
      arrived = true
      this.waiting--
      if (this.waiting === 0) this.wake?.()
    }
  }

  settled(ms: number): Promise<void> {
    if (this.waiting === 0) return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.wake = null
        resolve()
      }
      const timer = setTimeout(done, ms)
      this.wake = done
    })
  }
}
