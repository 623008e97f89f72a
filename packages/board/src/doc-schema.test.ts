import type { TLRecord, TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getMeta, MetaKey } from './doc-layout'
import { getDocSchemaStatus } from './doc-schema'
import { createKeyValueContainer } from './record-container'
import { createTestStore, makeShape } from './test-fixtures'
import { createReplica } from './test-replica'

/** A doc as an older client would have written it: records and schema one geo version back. */
function docFromOlderClient() {
  const schema = createTestStore().schema
  const current = schema.serialize()
  const geoVersion = current.sequences['com.tldraw.shape.geo'] ?? 0
  const older = {
    ...current,
    sequences: { ...current.sequences, 'com.tldraw.shape.geo': geoVersion - 1 },
  }
  const shape = makeShape('old', { x: 3 })
  const down = schema.migratePersistedRecord(shape, older, 'down')
  if (down.type !== 'success') throw new Error(`cannot build an older record: ${down.reason}`)
  const doc = new Y.Doc()
  const container = createKeyValueContainer(doc)
  doc.transact(() => {
    getMeta(doc).set(MetaKey.tldrawSchema, older)
    container.set(shape.id, down.value as unknown as Record<string, unknown>)
  })
  return { doc, older, oldRecord: down.value as TLRecord, currentRecord: shape }
}

describe('tldraw schema in the doc', () => {
  it('migrates records written under an older schema on load and records the new schema', () => {
    const { doc, oldRecord, currentRecord } = docFromOlderClient()
    expect(oldRecord).not.toEqual(currentRecord)
    const r = createReplica({ doc })
    expect(r.store.get('shape:old' as TLShapeId)).toEqual(currentRecord)
    expect(createKeyValueContainer(doc).get('shape:old')).toEqual(currentRecord)
    expect(getDocSchemaStatus(doc, r.store.schema).kind).toBe('current')
    expect(r.log.warnings).toEqual([])
  })

  it('refuses to sync a doc written by a newer schema and leaves it untouched', () => {
    const schema = createTestStore().schema
    const current = schema.serialize()
    const newer = {
      ...current,
      sequences: {
        ...current.sequences,
        'com.tldraw.shape.geo': (current.sequences['com.tldraw.shape.geo'] ?? 0) + 1,
      },
    }
    const doc = new Y.Doc()
    const container = createKeyValueContainer(doc)
    doc.transact(() => {
      getMeta(doc).set(MetaKey.tldrawSchema, newer)
      container.set('shape:future', { ...makeShape('future'), props: { fromTheFuture: true } })
    })
    const before = Y.encodeStateAsUpdate(doc)
    const r = createReplica({ doc })
    r.store.put([makeShape('mine')])
    r.frame()
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
    expect(r.store.has('shape:future' as TLShapeId)).toBe(false)
    expect(r.log.errors).toHaveLength(1)
  })

  it('stops writing when another client upgrades the doc to a newer schema', () => {
    const r = createReplica()
    const current = r.store.schema.serialize()
    getMeta(r.doc).set(MetaKey.tldrawSchema, {
      ...current,
      sequences: {
        ...current.sequences,
        'com.tldraw.shape': (current.sequences['com.tldraw.shape'] ?? 0) + 1,
      },
    })
    r.store.put([makeShape('late')])
    r.frame()
    expect(createKeyValueContainer(r.doc).has('shape:late')).toBe(false)
    expect(r.log.errors).toHaveLength(1)
  })
})
