/**
 * What the load generator and the sync timer need from one simulated participant, whatever
 * the server speaks: the y-websocket protocol (Stip, the reference), Hocuspocus's own
 * protocol, or tldraw sync. Each protocol has its real client behind this interface
 * (`WebsocketProvider`, `HocuspocusProvider`, `TLSyncClient`).
 */

/** Which client a server needs. */
export type ClientProtocol = 'y-websocket' | 'hocuspocus' | 'tldraw'

/** The stamp an edit carries: send time, sequence number, sender's server instance. */
export interface EditStamp {
  /** Send time, `performance.timeOrigin + performance.now()` (one clock for all threads). */
  t: number
  n: number
  s: number
  /**
   * The sender's first sequence number sent inside the measured window (0 before it): a
   * receiver that sees n jump from a to b counts only b - max(a, w - 1) as delivered in the
   * window, so edits merged with warm-up ones are not counted twice.
   */
  w: number
}

/** Reads a stamp back from a record (Yjs) or a shape's meta (tldraw). */
export function stampOf(value: unknown): EditStamp | null {
  const v = value as { t?: unknown; n?: unknown; s?: unknown; w?: unknown } | undefined
  if (typeof v?.t !== 'number' || typeof v.n !== 'number') return null
  return {
    t: v.t,
    n: v.n,
    s: typeof v.s === 'number' ? v.s : 0,
    w: typeof v.w === 'number' ? v.w : 0,
  }
}

export interface ConnectOptions {
  wsBase: string
  room: string
  params: Record<string, string>
  /** A stable name for this participant (its own record's key). */
  key: string
  /** Called when another participant's edit lands in this client's document or store. */
  onRemoteEdit?(key: string, stamp: EditStamp, receivedAt: number): void
  /**
   * tldraw only: called when a message with another participant's edit reaches this client's
   * socket, before the client's own frame throttle applies it to the store.
   */
  onWireEdit?(key: string, stamp: EditStamp, receivedAt: number): void
  onDisconnect?(): void
}

export interface BoardConnection {
  /** Resolves once the first sync with the server is complete (the board is loaded). */
  synced: Promise<void>
  /** Edits this participant's own record: a moved shape carrying `stamp`, padded to about `bytes`. */
  edit(stamp: EditStamp, bytes: number): void
  /** Writes board records `indexes` (~`bytes` each) in one transaction, as a paste would. */
  putBoardRecords(indexes: number[], bytes: number): void
  /** Board records (from `putBoardRecords`) this client holds. */
  boardRecordCount(): number
  /** Participants' own records this client holds. */
  editRecordCount(): number
  /** Sequence number of every participant record this client holds, in one comparable string. */
  digest(): string
  close(): void
}

export const SYNC_TIMEOUT_MS = 60_000

/** Resolves when `subscribe`'s callback fires, or rejects after `timeoutMs`. */
export function waitFor(
  what: string,
  timeoutMs: number,
  subscribe: (done: () => void) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not happen in time`)), timeoutMs)
    subscribe(() => {
      clearTimeout(timer)
      resolve()
    })
  })
}
