import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getRecordsArray } from './doc-layout'
import { createKeyValueContainer, decodeStoredRecord, readStoredRecords } from './record-container'

describe('stored records', () => {
  it('reads text entries, older object entries and the newest entry per id, without writing', () => {
    const doc = new Y.Doc()
    const entries = getRecordsArray(doc)
    entries.push([
      { key: 'shape:a', val: { id: 'shape:a', x: 1 } },
      { key: 'shape:b', val: '{"id":"shape:b","x":2}' },
      { key: 'shape:a', val: '{"id":"shape:a","x":3}' },
      { key: 'shape:c', val: 'not json' },
    ])
    const writes: unknown[] = []
    doc.on('update', (update: Uint8Array) => writes.push(update))
    const records = readStoredRecords(doc)
    expect(Object.fromEntries(records)).toEqual({
      'shape:a': { id: 'shape:a', x: 3 },
      'shape:b': { id: 'shape:b', x: 2 },
      'shape:c': null,
    })
    expect(writes).toEqual([])
  })

  it('writes JSON text through the container and gives back the record', () => {
    const doc = new Y.Doc()
    const container = createKeyValueContainer(doc)
    doc.transact(() => container.set('shape:a', { id: 'shape:a', x: 1 }))
    expect(getRecordsArray(doc).toArray()).toEqual([
      { key: 'shape:a', val: '{"id":"shape:a","x":1}' },
    ])
    expect(container.get('shape:a')).toEqual({ id: 'shape:a', x: 1 })
    expect(container.get('shape:missing')).toBeUndefined()
    expect(decodeStoredRecord({ id: 'shape:old' })).toEqual({ id: 'shape:old' })
  })
})
