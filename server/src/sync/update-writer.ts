import type { BoardStore } from '../store/board-store'
import { type Scheduler, systemScheduler } from './scheduler'

export interface UpdateWriterOptions {
  /** Group-commit window: an update reaches the store at most this long after it arrived. */
  groupCommitMs: number
  scheduler?: Scheduler
  log?: { error(details: object, message: string): void }
  onWrite?: (seconds: number, updates: number) => void
}

/** Retry delay after a failed store write; the updates stay queued meanwhile. */
const RETRY_AFTER_MS = 1000

/**
 * Group commit across every board of the process: the updates all rooms receive within one
 * window go down in a single store transaction, so fifty quiet rooms cost one commit per
 * window, not fifty. Writes are serialised, so each board's log keeps the order in which its
 * room applied the updates. A failed write keeps the updates queued and retries.
 */
export class UpdateWriter {
  private pending = new Map<string, Uint8Array[]>()
  private cancelTimer: (() => void) | null = null
  private chain: Promise<void> = Promise.resolve()
  /** The seq of the last update written per board, for compaction (until forgotten). */
  private readonly lastSeqs = new Map<string, number>()
  private readonly scheduler: Scheduler

  constructor(
    private readonly store: BoardStore,
    private readonly options: UpdateWriterOptions,
  ) {
    this.scheduler = options.scheduler ?? systemScheduler
  }

  /** The seq of the last update of a board this writer wrote, if any since it was forgotten. */
  lastSeqOf(boardId: string): number | undefined {
    return this.lastSeqs.get(boardId)
  }

  /** Forgets a board that left memory. */
  forget(boardId: string): void {
    this.lastSeqs.delete(boardId)
  }

  enqueue(boardId: string, update: Uint8Array): void {
    const queue = this.pending.get(boardId)
    if (queue) queue.push(update)
    else this.pending.set(boardId, [update])
    this.schedule(this.options.groupCommitMs)
  }

  /** Drops what is queued for a board that is being deleted. */
  discard(boardId: string): void {
    this.pending.delete(boardId)
    this.lastSeqs.delete(boardId)
  }

  /** Writes everything queued so far, for every board; resolves when it is in the store. */
  flush(): Promise<void> {
    this.cancelTimer?.()
    this.cancelTimer = null
    if (this.pending.size > 0) {
      const batch = this.pending
      this.pending = new Map()
      this.chain = this.chain.then(() => this.write(batch))
    }
    return this.chain
  }

  /** Resolves when the writes started so far have ended (without starting one). */
  idle(): Promise<void> {
    return this.chain
  }

  private schedule(ms: number): void {
    this.cancelTimer ??= this.scheduler.defer(() => {
      this.cancelTimer = null
      void this.flush()
    }, ms)
  }

  private async write(batch: Map<string, Uint8Array[]>): Promise<void> {
    const started = performance.now()
    let lastSeqs: Map<string, number>
    try {
      lastSeqs = await this.store.appendBatch(batch)
    } catch (error) {
      const updates = [...batch.values()].reduce((sum, list) => sum + list.length, 0)
      this.options.log?.error(
        { error, boards: batch.size, updates },
        'store write failed; retrying',
      )
      for (const [boardId, updatesOfBoard] of batch) {
        this.pending.set(boardId, updatesOfBoard.concat(this.pending.get(boardId) ?? []))
      }
      this.schedule(RETRY_AFTER_MS)
      return
    }
    let written = 0
    for (const list of batch.values()) written += list.length
    this.options.onWrite?.((performance.now() - started) / 1000, written)
    for (const [boardId, lastSeq] of lastSeqs) this.lastSeqs.set(boardId, lastSeq)
  }
}
