import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord, TLStore } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { getMeta, MetaKey } from './doc-layout'
import { getDocSchemaStatus, mergedSchema } from './doc-schema'
import { consoleLogger, type Logger } from './logger'
import { createKeyValueContainer, type RecordContainer } from './record-container'
import { reuseUnchanged } from './reuse-unchanged'
import { type Schedule, scheduleMicrotask } from './schedule'

/** Origin of every transaction the binding writes; anything else is a remote change. */
export const LOCAL_ORIGIN: unique symbol = Symbol('stip/board binding')

export interface BindOptions {
  logger?: Logger
  /**
   * When to write accumulated local changes to the doc (and to ask tldraw for its history
   * early); defaults to the end of the current task, so an edit leaves in the frame it was made.
   */
  schedule?: Schedule
  /** Records this client keeps out of the shared doc for now (see KeepLocal). */
  keepLocal?: KeepLocal
}

/**
 * Which records stay on this client instead of entering the doc (a note written during a
 * silent round, kept by the server for its author until the round ends), and where their
 * changes go instead. When `keeps` may have changed its mind, `subscribe`'s listener is called:
 * records no longer kept are then written to the doc as this client has them.
 */
export interface KeepLocal {
  keeps(record: TLRecord): boolean
  /** A kept record was created or changed (record) or deleted (null) on this client. */
  changed(id: TLRecord['id'], record: TLRecord | null): void
  subscribe(listener: () => void): () => void
}

type RecordId = TLRecord['id']

/**
 * Delivers the store's accumulated history to listeners now. tldraw throttles listeners to
 * the next frame; the binding must see local edits before it applies remote ones or it
 * would later write a stale local value over a remote one. `_flushHistory` is public at
 * runtime but left out of @tldraw/store's typings.
 */
export function flushStoreHistory(store: TLStore): void {
  ;(store as unknown as { _flushHistory(): void })._flushHistory()
}

/**
 * Keeps the document-scoped records of a tldraw store and a board Y.Doc in sync.
 * Returns `unbind`, which writes any pending local changes first.
 *
 * Bind after the provider has synced: on an empty doc the store's records are written
 * to it. tldraw's default document and page use fixed ids (`document:document`,
 * `page:page`), so two brand-new clients writing at once converge on one page.
 */
export function bindStoreToDoc(store: TLStore, doc: Y.Doc, options: BindOptions = {}): () => void {
  const logger = options.logger ?? consoleLogger
  const schedule = options.schedule ?? scheduleMicrotask
  const container = createKeyValueContainer(doc)
  const meta = getMeta(doc)

  const status = getDocSchemaStatus(doc, store.schema)
  if (status.kind === 'newer') {
    logger.error({ reason: status.reason }, 'board written by a newer tldraw schema; not syncing')
    return () => {}
  }
  loadInitial(store, doc, container, status.kind === 'older' ? status.persisted : undefined, logger)

  const pending = new Map<RecordId, TLRecord | null>()
  const kept = new Set<RecordId>()
  const keepLocal = options.keepLocal
  let cancelFlush: (() => void) | undefined
  let writable = true

  /** Takes out of `batch` what stays local, handing it to keepLocal. */
  const setAsideKept = (batch: Array<[RecordId, TLRecord | null]>) => {
    if (!keepLocal) return batch
    return batch.filter(([id, record]) => {
      if (record ? keepLocal.keeps(record) : kept.has(id)) {
        if (record) kept.add(id)
        else kept.delete(id)
        keepLocal.changed(id, record)
        return record === null && container.has(id)
      }
      kept.delete(id)
      return true
    })
  }

  const flush = () => {
    cancelFlush?.()
    cancelFlush = undefined
    if (pending.size === 0) return
    const batch = setAsideKept(Array.from(pending))
    pending.clear()
    if (!writable || batch.length === 0) return
    doc.transact(() => {
      for (const [id, record] of batch) {
        if (record) container.set(id, record as unknown as Record<string, unknown>)
        else container.delete(id)
      }
    }, LOCAL_ORIGIN)
  }

  // Kept records the client no longer keeps (the round ended) go into the doc as this client
  // has them: the server's reveal may have brought an older copy (the last change was still on
  // its way), and the author's own newer text wins. An unchanged record writes nothing.
  const stopKeeping = keepLocal?.subscribe(() => {
    for (const id of [...kept]) {
      const record = store.get(id)
      if (record && keepLocal.keeps(record)) continue
      kept.delete(id)
      if (record) pending.set(id, record)
    }
    if (pending.size > 0 && !cancelFlush) cancelFlush = schedule(flush)
  })

  const stopListening = store.listen(
    ({ changes }) => {
      for (const record of Object.values(changes.added)) pending.set(record.id, record)
      for (const [, to] of Object.values(changes.updated)) pending.set(to.id, to)
      for (const record of Object.values(changes.removed)) pending.set(record.id, null)
      if (pending.size > 0 && !cancelFlush) cancelFlush = schedule(flush)
    },
    { source: 'user', scope: 'document' },
  )

  // tldraw hands its history to listeners one animation frame after a change; a drag would
  // then reach the doc a frame late, and everyone else a frame late. A local change of a
  // document record asks for the history at once (after the current task instead).
  let cancelEarlyHistory: (() => void) | undefined
  const askHistoryEarly = (source: 'remote' | 'user') => {
    if (source !== 'user' || cancelEarlyHistory) return
    cancelEarlyHistory = schedule(() => {
      cancelEarlyHistory = undefined
      flushStoreHistory(store)
      // The listener has just taken the change: it leaves now, not behind what the task queued
      // meanwhile (React re-rendering the moved shape runs in a microtask queued before ours).
      flush()
    })
  }
  const stopEarlyHistory = [...store.scopedTypes.document].flatMap((typeName) => {
    const type = typeName as TLRecord['typeName']
    return [
      store.sideEffects.registerAfterCreateHandler(type, (_, source) => askHistoryEarly(source)),
      store.sideEffects.registerAfterChangeHandler(type, (_, __, source) =>
        askHistoryEarly(source),
      ),
      store.sideEffects.registerAfterDeleteHandler(type, (_, source) => askHistoryEarly(source)),
    ]
  })

  const stopObserving = container.observe((ids, origin) => {
    if (origin === LOCAL_ORIGIN) return
    flushStoreHistory(store)
    // Local edits of this frame win: written now, after the remote change, the doc ends
    // with the value the store already shows, so those ids are not applied to the store.
    // (Inside this observer the container still reports the remote value for them.)
    // So do records this client still keeps: the reveal of a silent round brings the server's
    // copy of the author's own note, and the author's newer text must not be overwritten by it;
    // `subscribe` above writes it to the doc once the round has ended.
    const remoteOnly = Array.from(ids).filter(
      (id) => !pending.has(id as RecordId) && !kept.has(id as RecordId),
    )
    flush()
    applyToStore(store, container, remoteOnly, logger)
  })

  const onMetaChange = (event: Y.YMapEvent<unknown>) => {
    if (!event.keysChanged.has(MetaKey.tldrawSchema)) return
    const now = getDocSchemaStatus(doc, store.schema)
    if (now.kind === 'newer' && writable) {
      writable = false
      logger.error(
        { reason: now.reason },
        'board upgraded by a newer client; local edits stop syncing',
      )
    }
  }
  meta.observe(onMetaChange)

  return () => {
    flushStoreHistory(store)
    flush()
    stopListening()
    cancelEarlyHistory?.()
    for (const stop of stopEarlyHistory) stop()
    stopObserving()
    stopKeeping?.()
    meta.unobserve(onMetaChange)
  }
}

function loadInitial(
  store: TLStore,
  doc: Y.Doc,
  container: RecordContainer,
  olderSchema: SerializedSchema | undefined,
  logger: Logger,
) {
  const meta = getMeta(doc)
  const entries = container.entries()
  if (entries.length === 0) {
    const local = store.allRecords().filter((r) => store.scopedTypes.document.has(r.typeName))
    doc.transact(() => {
      meta.set(MetaKey.tldrawSchema, mergedSchema(store.schema, olderSchema))
      for (const record of local)
        container.set(record.id, record as unknown as Record<string, unknown>)
    }, LOCAL_ORIGIN)
    return
  }
  const persisted = meta.get(MetaKey.tldrawSchema) as SerializedSchema | undefined
  const migrated: TLRecord[] = []
  const records: TLRecord[] = []
  for (const [id, value] of entries) {
    let candidate = value
    if (olderSchema) {
      const result = store.schema.migratePersistedRecord(value as TLRecord, olderSchema, 'up')
      if (result.type === 'error') {
        logger.warn({ id, reason: result.reason }, 'skipped a board record that failed to migrate')
        continue
      }
      candidate = result.value
    }
    // tldraw's put validates it (putEach below skips a record it refuses): validating here
    // too cost every record of a board a second full validation before the first paint.
    if (!isDocumentRecord(store, id, candidate, logger)) continue
    const record = candidate
    const current = store.get(id as RecordId)
    records.push(current ? reuseUnchanged(current, record) : record)
    if (olderSchema) migrated.push(record)
  }
  const keep = new Set(records.map((r) => r.id))
  const stale = store
    .allRecords()
    .filter((r) => store.scopedTypes.document.has(r.typeName) && !keep.has(r.id))
    .map((r) => r.id)
  store.mergeRemoteChanges(() => {
    if (stale.length > 0) store.remove(stale)
    putEach(store, records, logger)
  })
  if (olderSchema || !persisted) {
    // Write the upgrade back once so every client loads current records from now on.
    doc.transact(() => {
      for (const { id } of migrated) {
        const record = store.get(id)
        if (record) container.set(id, record as unknown as Record<string, unknown>)
      }
      meta.set(MetaKey.tldrawSchema, mergedSchema(store.schema, persisted))
    }, LOCAL_ORIGIN)
  }
}

function applyToStore(store: TLStore, container: RecordContainer, ids: string[], logger: Logger) {
  const puts: TLRecord[] = []
  const removes: RecordId[] = []
  for (const id of ids) {
    const value = container.get(id)
    const current = store.get(id as RecordId)
    if (value === undefined) {
      if (current) removes.push(id as RecordId)
      continue
    }
    if (!isDocumentRecord(store, id, value, logger)) continue
    // tldraw's put validates it (against the current record, so unchanged parts cost nothing).
    const record = current ? reuseUnchanged(current, value) : value
    if (record !== current) puts.push(record)
  }
  if (puts.length === 0 && removes.length === 0) return
  store.mergeRemoteChanges(() => {
    if (removes.length > 0) store.remove(removes)
    putEach(store, puts, logger)
  })
}

/** Puts the batch at once; if tldraw refuses it, puts record by record so one bad record costs only itself. */
function putEach(store: TLStore, records: TLRecord[], logger: Logger) {
  if (records.length === 0) return
  try {
    store.put(records)
    return
  } catch {
    // fall through: find the culprit below
  }
  for (const record of records) {
    try {
      store.put([record])
    } catch (error) {
      logger.warn({ id: record.id, error: String(error) }, 'skipped a remote record tldraw refused')
    }
  }
}

/** Whether a remote value claims to be a document record under its own id (put validates the rest). */
function isDocumentRecord(
  store: TLStore,
  id: string,
  value: unknown,
  logger: Logger,
): value is TLRecord {
  const typeName = (value as { typeName?: unknown } | null)?.typeName
  const type =
    typeof typeName === 'string' && store.scopedTypes.document.has(typeName as TLRecord['typeName'])
      ? store.schema.types[typeName as TLRecord['typeName']]
      : undefined
  if (!type || (value as { id?: unknown }).id !== id || !type.isId(id)) {
    logger.warn({ id, typeName }, 'skipped a remote value that is not a tldraw document record')
    return false
  }
  return true
}
