import { getRecordsArray } from '@stip/board/doc-layout'
import { decodeStoredRecord } from '@stip/board/record-container'
import type * as Y from 'yjs'

/**
 * Looks up tldraw records of a live doc by id, parsing only the ones asked for (a board holds
 * thousands; a ballot names a few notes).
 */
export class BoardRecords {
  private readonly raw = new Map<string, unknown>()

  constructor(doc: Y.Doc) {
    for (const entry of getRecordsArray(doc).toArray()) this.raw.set(entry.key, entry.val)
  }

  has(id: string): boolean {
    return this.raw.has(id)
  }

  get(id: string): Record<string, unknown> | null {
    const value = decodeStoredRecord(this.raw.get(id))
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null
  }

  /** Whether `id` is a note placed (at any depth) inside the shape `ancestorId`. */
  isNoteInside(id: string, ancestorId: string): boolean {
    const note = this.get(id)
    if (note?.typeName !== 'shape' || note.type !== 'note') return false
    let parentId = note.parentId
    for (let depth = 0; typeof parentId === 'string' && depth < 100; depth++) {
      if (parentId === ancestorId) return true
      parentId = this.get(parentId)?.parentId
    }
    return false
  }
}
