import {
  createTLSchema,
  defaultBindingSchemas,
  defaultShapeSchemas,
  type SerializedSchema,
  type TLRecord,
} from 'tldraw'

type StoredRecord = Record<string, unknown> & { id: string; typeName: string }

let schema: ReturnType<typeof createTLSchema> | undefined

/**
 * The records of a saved version that this client can draw: brought up to its schema and
 * validated, as the live board does (bind-store-to-doc's toValidRecord). One bad record,
 * written by a modified client (an invalid colour, a url that is not one), is skipped and
 * logged instead of blanking the viewer.
 */
export function validVersionRecords(
  records: readonly StoredRecord[],
  persisted: SerializedSchema | null,
): { records: TLRecord[]; schema: SerializedSchema; skipped: number } {
  schema ??= createTLSchema({ shapes: defaultShapeSchemas, bindings: defaultBindingSchemas })
  const valid: TLRecord[] = []
  let skipped = 0
  for (const record of records) {
    try {
      const type = schema.types[record.typeName as TLRecord['typeName']]
      if (!type) throw new Error(`unknown record type "${record.typeName}"`)
      let current: unknown = record
      if (persisted) {
        const migrated = schema.migratePersistedRecord(record as unknown as TLRecord, persisted)
        if (migrated.type === 'error') throw new Error(`migration failed: ${migrated.reason}`)
        current = migrated.value
      }
      valid.push(type.validate(current) as TLRecord)
    } catch (error) {
      skipped++
      console.warn('stip: skipped a version record that failed validation', record.id, error)
    }
  }
  return { records: valid, schema: schema.serialize(), skipped }
}
