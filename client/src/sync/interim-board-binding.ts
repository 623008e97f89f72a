// TEMPORARY: stands in for @stip/board until that package lands; delete then.
import {
  createPresenceStateDerivation,
  InstancePresenceRecordType,
  react,
  type Signal,
  type TLInstancePresence,
  type TLRecord,
  type TLStore,
  type TLUser,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'

export function bindStoreToDoc(store: TLStore, doc: Y.Doc): () => void {
  const records = doc.getMap<TLRecord>('tldraw')
  const origin = Symbol('interim-binding')
  store.mergeRemoteChanges(() => {
    const incoming = [...records.values()]
    if (incoming.length) store.put(incoming)
  })
  doc.transact(() => {
    for (const record of store.allRecords()) {
      if (store.scopedTypes.document.has(record.typeName) && !records.has(record.id)) {
        records.set(record.id, record)
      }
    }
  }, origin)
  const stopStore = store.listen(
    ({ changes }) => {
      doc.transact(() => {
        for (const record of Object.values(changes.added)) records.set(record.id, record)
        for (const [, to] of Object.values(changes.updated)) records.set(to.id, to)
        for (const id of Object.keys(changes.removed)) records.delete(id)
      }, origin)
    },
    { source: 'user', scope: 'document' },
  )
  const onYjs = (event: Y.YMapEvent<TLRecord>, tx: Y.Transaction) => {
    if (tx.origin === origin) return
    store.mergeRemoteChanges(() => {
      const put: TLRecord[] = []
      const remove: TLRecord['id'][] = []
      for (const [key, change] of event.changes.keys) {
        if (change.action === 'delete') remove.push(key as TLRecord['id'])
        else {
          const record = records.get(key)
          if (record) put.push(record)
        }
      }
      if (put.length) store.put(put)
      if (remove.length) store.remove(remove.filter((id) => store.has(id)))
    })
  }
  records.observe(onYjs)
  return () => {
    stopStore()
    records.unobserve(onYjs)
  }
}

export function bindPresence(options: {
  store: TLStore
  awareness: Awareness
  user: Signal<TLUser>
}): () => void {
  const { store, awareness, user } = options
  const localPresence = createPresenceStateDerivation(user)(store)
  const stopLocal = react('publish presence', () => {
    awareness.setLocalStateField('presence', localPresence.get())
  })
  const idFor = (clientId: number) => InstancePresenceRecordType.createId(String(clientId))
  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const states = awareness.getStates()
    store.mergeRemoteChanges(() => {
      const put: TLInstancePresence[] = []
      for (const clientId of [...added, ...updated]) {
        if (clientId === awareness.clientID) continue
        const presence = states.get(clientId)?.presence as TLInstancePresence | null | undefined
        if (presence) put.push({ ...presence, id: idFor(clientId) })
      }
      if (put.length) store.put(put)
      const gone = removed.map(idFor).filter((id) => store.has(id))
      if (gone.length) store.remove(gone)
    })
  }
  awareness.on('change', onChange)
  return () => {
    stopLocal()
    awareness.off('change', onChange)
    awareness.setLocalStateField('presence', null)
  }
}
