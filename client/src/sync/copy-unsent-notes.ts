import { createKeyValueContainer } from '@stip/board/record-container'
import type * as Y from 'yjs'

const isNote = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  (value as { typeName?: unknown }).typeName === 'shape' &&
  (value as { type?: unknown }).type === 'note'

/**
 * Copies the notes `from` holds and `to` lacks into `to`. After the server refused a copy,
 * `from` is that refused copy (it already merged the server's state, deletions included) and
 * `to` the fresh one from the server: the notes only `from` has were written here and never
 * stored, so the person keeps them while the refused change itself stays behind.
 */
export function copyUnsentNotes(from: Y.Doc, to: Y.Doc): number {
  const source = createKeyValueContainer(from)
  const target = createKeyValueContainer(to)
  const unsent = source.entries().filter(([id, value]) => isNote(value) && !target.has(id))
  if (unsent.length === 0) return 0
  to.transact(() => {
    for (const [id, note] of unsent) target.set(id, note as Record<string, unknown>)
  })
  return unsent.length
}
