import type { BoardStore } from '../store/board-store'
import { type Scheduler, systemScheduler } from './scheduler'

export interface RoomPersistenceOptions {
  /** Group-commit window: an update reaches the store at most this long after it arrived. */
  groupCommitMs: number
  /** Compact the log into a snapshot once it holds this many updates. */
  compactAfterUpdates: number
  /** The whole document as one update, for compaction. */
  snapshot: () => Uint8Array
  scheduler?: Scheduler
  log?: { error(details: object, message: string): void }
  onWrite?: (seconds: number, updates: number) => void
}

/** Retry delay after a failed store write; the updates stay queued meanwhile. */
const RETRY_AFTER_MS = 1000

/**
 * Writes one board's updates to the store with group commit: updates that arrive within
 * the window go down in one transaction. Writes are serialised, so the log keeps the order
 * in which the room applied the updates.
 */
export class RoomPersistence {
  private pending: Uint8Array[] = []
  private cancelTimer: (() => void) | null = null
  private chain: Promise<void> = Promise.resolve()
  private loggedSinceSnapshot: number
  private lastSeq: number
  private readonly scheduler: Scheduler

  constructor(
    private readonly boardId: string,
    private readonly store: BoardStore,
    private readonly options: RoomPersistenceOptions,
    loaded: { lastSeq: number; loggedUpdates: number },
  ) {
    this.scheduler = options.scheduler ?? systemScheduler
    this.lastSeq = loaded.lastSeq
    this.loggedSinceSnapshot = loaded.loggedUpdates
  }

  enqueue(update: Uint8Array): void {
    this.pending.push(update)
    this.cancelTimer ??= this.scheduler.defer(() => {
      this.cancelTimer = null
      void this.flush()
    }, this.options.groupCommitMs)
  }

  /** Writes everything queued so far; resolves when it is in the store. */
  flush(): Promise<void> {
    this.cancelTimer?.()
    this.cancelTimer = null
    if (this.pending.length > 0) {
      const batch = this.pending
      this.pending = []
      this.chain = this.chain.then(() => this.write(batch))
    }
    return this.chain
  }

  /** Flushes, then folds the log into a snapshot if anything was logged since the last one. */
  async flushAndCompact(): Promise<void> {
    await this.flush()
    if (this.loggedSinceSnapshot > 0) {
      this.chain = this.chain.then(() => this.compact())
      await this.chain
    }
  }

  private async write(batch: Uint8Array[]): Promise<void> {
    const started = performance.now()
    try {
      this.lastSeq = await this.store.appendUpdates(this.boardId, batch)
    } catch (error) {
      this.options.log?.error(
        { boardId: this.boardId, error, updates: batch.length },
        'store write failed; retrying',
      )
      this.pending = batch.concat(this.pending)
      this.cancelTimer ??= this.scheduler.defer(() => {
        this.cancelTimer = null
        void this.flush()
      }, RETRY_AFTER_MS)
      return
    }
    this.options.onWrite?.((performance.now() - started) / 1000, batch.length)
    this.loggedSinceSnapshot += batch.length
    if (this.loggedSinceSnapshot >= this.options.compactAfterUpdates) await this.compact()
  }

  private async compact(): Promise<void> {
    // The in-memory doc holds every update written so far, so it covers lastSeq.
    const throughSeq = this.lastSeq
    try {
      await this.store.compactBoard(this.boardId, this.options.snapshot(), throughSeq)
      this.loggedSinceSnapshot = 0
    } catch (error) {
      this.options.log?.error(
        { boardId: this.boardId, error },
        'compaction failed; the log is kept',
      )
    }
  }
}
