import type { BoardStore } from '../store/board-store'
import type { UpdateWriter } from './update-writer'

export interface RoomPersistenceOptions {
  /** Compact the log into a snapshot once it holds this many updates. */
  compactAfterUpdates: number
  /** The whole document as one update, for compaction. */
  snapshot: () => Uint8Array
  log?: { error(details: object, message: string): void }
}

/**
 * One board's side of persistence: its updates go to the process-wide group-commit writer,
 * and once enough are logged the log is folded into a snapshot of the in-memory doc.
 */
export class RoomPersistence {
  private loggedSinceSnapshot: number
  private lastSeq: number
  private compaction: Promise<void> = Promise.resolve()
  private readonly stopListening: () => void

  constructor(
    private readonly boardId: string,
    private readonly store: BoardStore,
    private readonly writer: UpdateWriter,
    private readonly options: RoomPersistenceOptions,
    loaded: { lastSeq: number; loggedUpdates: number },
  ) {
    this.lastSeq = loaded.lastSeq
    this.loggedSinceSnapshot = loaded.loggedUpdates
    this.stopListening = writer.listen(boardId, (lastSeq, updates) => {
      this.lastSeq = lastSeq
      this.loggedSinceSnapshot += updates
      if (this.loggedSinceSnapshot >= this.options.compactAfterUpdates) return this.compact()
    })
  }

  enqueue(update: Uint8Array): void {
    this.writer.enqueue(this.boardId, update)
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
    this.stopListening()
  }

  /** Stops without writing anything more: the board is being deleted. */
  abandon(): void {
    this.stopListening()
  }

  private compact(): Promise<void> {
    this.compaction = this.compaction.then(async () => {
      if (this.loggedSinceSnapshot === 0) return
      // The in-memory doc holds every update written so far, so it covers lastSeq.
      const throughSeq = this.lastSeq
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
