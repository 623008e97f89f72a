import { equalityDeep } from 'lib0/function'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { getRecordsArray, type StoredRecord } from './doc-layout'

/**
 * How tldraw records are laid out inside the Y.Doc. The binding only talks to this
 * interface so the benchmark can compare layouts; the product uses the key-value log
 * (see docs/binding.md for the numbers that chose it).
 */
export interface RecordContainer {
  get(id: string): unknown
  /** Must be called inside a `doc.transact`. Writes only what the layout needs to change. */
  set(id: string, record: Record<string, unknown>): void
  delete(id: string): void
  has(id: string): boolean
  entries(): Array<[string, unknown]>
  /** Calls `fn` with the ids touched by each transaction and that transaction's origin. */
  observe(fn: (ids: Set<string>, origin: unknown) => void): () => void
}

/**
 * A record as the log stores it: its JSON text. Yjs reads and writes a string in one step
 * where it walks an object key by key and value by value; for a 2,000-shape board that is
 * about ten times faster to load (docs/binding.md), at about a quarter more bytes.
 */
export function encodeStoredRecord(record: Record<string, unknown>): string {
  return JSON.stringify(record)
}

/**
 * The record a stored value holds: JSON text, or a plain object for boards written before
 * records were stored as text. Text that is not JSON gives null, which no reader accepts.
 */
export function decodeStoredRecord(value: unknown): unknown {
  if (typeof value !== 'string') return value
  try {
    return JSON.parse(value)
  } catch {
    return null
  }
}

/**
 * Every record in the doc by id, newest entry winning, read without attaching a YKeyValue
 * (which would tidy duplicate entries, i.e. write to the doc).
 */
export function readStoredRecords(doc: Y.Doc): Map<string, unknown> {
  const records = new Map<string, unknown>()
  for (const entry of getRecordsArray(doc).toArray())
    records.set(entry.key, decodeStoredRecord(entry.val))
  return records
}

/** (c) Chosen layout: `{key, val}` entries appended to a Y.Array; the newest entry per key wins. */
export function createKeyValueContainer(doc: Y.Doc, array = getRecordsArray(doc)): RecordContainer {
  return keyValueLog(array, encodeStoredRecord, decodeStoredRecord)
}

/**
 * (c) as it was until records were stored as JSON text: the same log with each record as a
 * Yjs object. Kept for the benchmark; older boards still hold such entries and are read.
 */
export function createObjectKeyValueContainer(
  doc: Y.Doc,
  array = getRecordsArray(doc),
): RecordContainer {
  return keyValueLog(
    array,
    (record) => record,
    (value) => value,
  )
}

function keyValueLog(
  array: Y.Array<StoredRecord>,
  encode: (record: Record<string, unknown>) => unknown,
  decode: (value: unknown) => unknown,
): RecordContainer {
  const kv = new YKeyValue<unknown>(array)
  return {
    get: (id) => {
      const value = kv.get(id)
      return value === undefined ? undefined : decode(value)
    },
    set: (id, record) => kv.set(id, encode(record)),
    delete: (id) => kv.delete(id),
    has: (id) => kv.has(id),
    entries: () =>
      Array.from(kv.map, ([id, entry]) => [id, decode(entry.val)] as [string, unknown]),
    observe(fn) {
      const handler = (changes: Map<string, unknown>, tr: Y.Transaction) => {
        fn(new Set(changes.keys()), tr.origin)
      }
      kv.on('change', handler)
      return () => kv.off('change', handler)
    },
  }
}

/** (a) Whole records as values of one Y.Map. */
export function createMapContainer(
  doc: Y.Doc,
  map = doc.getMap<unknown>('records-map'),
): RecordContainer {
  return {
    get: (id) => map.get(id),
    set: (id, record) => map.set(id, record),
    delete: (id) => map.delete(id),
    has: (id) => map.has(id),
    entries: () => Array.from(map.entries()),
    observe(fn) {
      const handler = (event: Y.YMapEvent<unknown>) =>
        fn(event.keysChanged, event.transaction.origin)
      map.observe(handler)
      return () => map.unobserve(handler)
    },
  }
}

/** (b) One nested Y.Map of top-level fields per record, so concurrent edits of different fields merge. */
export function createFieldMapContainer(
  doc: Y.Doc,
  map = doc.getMap<Y.Map<unknown>>('records-fields'),
): RecordContainer {
  return {
    get: (id) => map.get(id)?.toJSON(),
    set(id, record) {
      const fields = map.get(id)
      if (!fields) {
        map.set(id, new Y.Map(Object.entries(record)))
        return
      }
      for (const [key, value] of Object.entries(record)) {
        if (!equalityDeep(fields.get(key), value)) fields.set(key, value)
      }
      for (const key of Array.from(fields.keys())) {
        if (!(key in record)) fields.delete(key)
      }
    },
    delete: (id) => map.delete(id),
    has: (id) => map.has(id),
    entries: () =>
      Array.from(map.entries(), ([id, fields]) => [id, fields.toJSON()] as [string, unknown]),
    observe(fn) {
      const handler = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, tr: Y.Transaction) => {
        const ids = new Set<string>()
        for (const event of events) {
          if (event.target === map)
            for (const key of (event as Y.YMapEvent<unknown>).keysChanged) ids.add(key)
          else if (typeof event.path[0] === 'string') ids.add(event.path[0])
        }
        fn(ids, tr.origin)
      }
      map.observeDeep(handler)
      return () => map.unobserveDeep(handler)
    },
  }
}
