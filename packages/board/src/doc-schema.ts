import type { SerializedSchema } from '@tldraw/store'
import type { TLStore } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { getMeta, MetaKey } from './doc-layout'

/**
 * How the records in a board doc relate to the tldraw schema this client runs:
 * - `empty`: no schema recorded yet (new board);
 * - `current`: written with this schema (or one that only adds sequences we do not know);
 * - `older`: needs `migratePersistedRecord(..., 'up')` on load;
 * - `newer`: written by a newer client; this client must not write, or it would corrupt it.
 */
export type DocSchemaStatus =
  | { kind: 'empty' }
  | { kind: 'current'; persisted: SerializedSchema }
  | { kind: 'older'; persisted: SerializedSchema }
  | { kind: 'newer'; persisted: SerializedSchema; reason: string }

export function readDocSchema(doc: Y.Doc): SerializedSchema | undefined {
  const value = getMeta(doc).get(MetaKey.tldrawSchema)
  if (typeof value !== 'object' || value === null || !('schemaVersion' in value)) return undefined
  return value as SerializedSchema
}

export function getDocSchemaStatus(doc: Y.Doc, schema: TLStore['schema']): DocSchemaStatus {
  const persisted = readDocSchema(doc)
  if (!persisted) return { kind: 'empty' }
  const migrations = schema.getMigrationsSince(persisted)
  if (!migrations.ok) return { kind: 'newer', persisted, reason: String(migrations.error) }
  return migrations.value.length > 0 ? { kind: 'older', persisted } : { kind: 'current', persisted }
}

/**
 * The schema to record after this client wrote: ours, plus any sequences only the doc
 * knows (from plugins this client lacks), so an older client never erases them.
 */
export function mergedSchema(schema: TLStore['schema'], persisted: SerializedSchema | undefined) {
  const ours = schema.serialize()
  if (persisted?.schemaVersion !== 2) return ours
  return { ...ours, sequences: { ...persisted.sequences, ...ours.sequences } }
}
