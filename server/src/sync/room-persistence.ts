import type { BoardStore } from '../store/board-store'
import type { UpdateWriter } from './update-writer'

export interface RoomPersistenceOptions {
  /** Compact the log into a snapshot once it holds this many updates. */
  compactAfterUpdates: number
  /** The whole document as one update, for compaction. */
  snapshot: () => Uint8Array
  /** Updates in the store's log when the board was loaded, and the seq of the last one. */
  loggedUpdates: number
  lastSeq: number
  log?: { error(details: object, message: string): void }
}

/**
 * One board's side of persistence: its updates go to the process-wide group-commit writer,
 * and once enough are logged the log is folded into a snapshot of the in-memory doc.
 */
export class RoomPersistence {
  private loggedSinceSnapshot: number
  private compaction: Promise<void> = Promise.resolve()
  private compactionQueued = false
  private abandoned = false

  constructor(
    private readonly boardId: string,
    private readonly store: BoardStore,
    private readonly writer: UpdateWriter,
    private readonly options: RoomPersistenceOptions,
  ) {
    this.loggedSinceSnapshot = options.loggedUpdates
  }

  enqueue(update: Uint8Array): void {
    if (this.abandoned) return
    this.writer.enqueue(this.boardId, update)
    this.loggedSinceSnapshot++
    if (this.loggedSinceSnapshot >= this.options.compactAfterUpdates) void this.compact()
  }

  /** Resolves when every update enqueued so far is in the store. */
  flush(): Promise<void> {
    return this.writer.flush()
  }

  /** Flushes, folds the log into a snapshot if anything was logged since the last, and stops. */
  async flushAndCompact(): Promise<void> {
    await this.flush()
    if (this.loggedSinceSnapshot > 0) await this.compact()
    await this.compaction
    this.writer.forget(this.boardId)
  }

  /** Stops without writing anything more: the board is being deleted. */
  abandon(): void {
    this.abandoned = true
    this.writer.discard(this.boardId)
  }

  /**
   * Writes what is queued, then replaces the snapshot with the doc as it is right after, which
   * holds every update written so far; one compaction at a time, and at most one waiting.
   */
  private compact(): Promise<void> {
    if (this.compactionQueued) return this.compaction
    this.compactionQueued = true
    this.compaction = this.compaction.then(async () => {
      this.compactionQueued = false
      await this.writer.flush()
      const throughSeq = this.writer.lastSeqOf(this.boardId) ?? this.options.lastSeq
      if (this.abandoned || this.loggedSinceSnapshot === 0) return
      const logged = this.loggedSinceSnapshot
      try {
        await this.store.compactBoard(this.boardId, this.options.snapshot(), throughSeq)
        this.loggedSinceSnapshot -= logged
      } catch (error) {
        this.options.log?.error(
          { boardId: this.boardId, error },
          'compaction failed; the log is kept',
        )
      }
    })
    return this.compaction
  }
}
