import { getRecordsArray, type StoredRecord } from '@stip/board/doc-layout'
import { decodeStoredRecord } from '@stip/board/record-container'
import { isLockedTemplatePart } from '@stip/templates'
import type * as Y from 'yjs'

/**
 * The locked werkvorm shapes of one board doc, kept current by observing its records, so the
 * role check can tell in constant time whether an update touches one (auth rule A5).
 */
export class LockedShapes {
  private readonly locked = new Map<string, unknown>()
  private readonly records: Y.Array<StoredRecord>

  constructor(doc: Y.Doc) {
    this.records = getRecordsArray(doc)
    for (const entry of this.records.toArray()) this.take(entry)
    this.records.observe(this.handleChange)
  }

  /** The locked shape's record as stored, or undefined when `id` is not a locked shape. */
  get(id: string): unknown {
    return this.locked.get(id)
  }

  stop(): void {
    this.records.unobserve(this.handleChange)
  }

  private readonly handleChange = (event: Y.YArrayEvent<StoredRecord>): void => {
    // Setting a record appends its new entry and deletes the old one: deletions go first.
    for (const item of event.changes.deleted) {
      for (const entry of item.content.getContent() as StoredRecord[]) {
        if (typeof entry?.key === 'string') this.locked.delete(entry.key)
      }
    }
    for (const item of event.changes.added) {
      if (item.deleted) continue
      for (const entry of item.content.getContent() as StoredRecord[]) this.take(entry)
    }
  }

  private take(entry: StoredRecord | null): void {
    if (typeof entry?.key !== 'string') return
    // Cheap test first: only template shapes carry `stip` meta.
    if (typeof entry.val === 'string' && !entry.val.includes('"stipPart"')) {
      this.locked.delete(entry.key)
      return
    }
    const record = decodeStoredRecord(entry.val)
    if (isLockedTemplatePart(record)) this.locked.set(entry.key, record)
    else this.locked.delete(entry.key)
  }
}
