import type { TLRecord, TLShape, TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LOCAL_ORIGIN } from './bind-store-to-doc'
import { getMeta, getRecordsArray, MetaKey } from './doc-layout'
import { createKeyValueContainer } from './record-container'
import { documentRecords, makeShape } from './test-fixtures'
import { connect, createReplica } from './test-replica'

const recordsInDoc = (doc: Y.Doc) => new Map(createKeyValueContainer(doc).entries())

describe('bindStoreToDoc', () => {
  it('writes a frame of local changes into the doc as one transaction with the local origin', () => {
    const r = createReplica()
    const origins: unknown[] = []
    r.doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin))
    r.store.put([makeShape('a'), makeShape('b')])
    r.store.update('shape:a' as TLShapeId, (s) => ({ ...s, x: 42 }))
    r.store.remove(['shape:b' as TLShapeId])
    r.frame()
    expect(origins).toEqual([LOCAL_ORIGIN])
    const stored = recordsInDoc(r.doc)
    expect((stored.get('shape:a') as TLShape).x).toBe(42)
    expect(stored.has('shape:b')).toBe(false)
    expect(stored.has('page:page')).toBe(true)
  })

  it('keeps session and presence records out of the doc', () => {
    const r = createReplica()
    r.store.update(
      'instance:instance' as TLRecord['id'],
      (i) => ({ ...i, isFocusMode: true }) as TLRecord,
    )
    r.frame()
    const typeNames = Array.from(recordsInDoc(r.doc).values(), (v) => (v as TLRecord).typeName)
    expect(typeNames.sort()).toEqual(['document', 'page'])
  })

  it('applies remote changes as remote, so they never reach the local undo history', () => {
    const a = createReplica()
    const b = createReplica()
    connect(a.doc, b.doc)
    const sources: string[] = []
    b.store.listen((entry) => sources.push(entry.source), { scope: 'document' })
    a.store.put([makeShape('a', { x: 5 })])
    a.frame()
    b.frame()
    expect(b.store.get('shape:a' as TLShapeId)?.x).toBe(5)
    expect(sources).toEqual(['remote'])
  })

  it('propagates deletes', () => {
    const a = createReplica()
    const b = createReplica()
    connect(a.doc, b.doc)
    a.store.put([makeShape('a')])
    a.frame()
    expect(b.store.has('shape:a' as TLShapeId)).toBe(true)
    a.store.remove(['shape:a' as TLShapeId])
    a.frame()
    expect(b.store.has('shape:a' as TLShapeId)).toBe(false)
  })

  it('loads a doc into a store, replacing the store document records', () => {
    const a = createReplica()
    a.store.put([makeShape('a', { x: 7 })])
    a.frame()
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(a.doc))
    const b = createReplica({ doc, usable: true })
    expect(documentRecords(b.store)).toEqual(documentRecords(a.store))
    const withLocalShape = createReplica({ doc: new Y.Doc() })
    withLocalShape.store.put([makeShape('local')])
    withLocalShape.frame()
    const c = createReplica({ doc, store: withLocalShape.store })
    expect(c.store.has('shape:local' as TLShapeId)).toBe(false)
    expect(c.store.get('shape:a' as TLShapeId)?.x).toBe(7)
  })

  it('loads every valid record of a doc and skips, with a warning, one tldraw refuses', () => {
    const a = createReplica()
    a.store.put([makeShape('a', { x: 1 }), makeShape('b', { x: 2 })])
    a.frame()
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(a.doc))
    const bad = { ...makeShape('bad'), props: { geo: 'rectangle' } }
    createKeyValueContainer(doc).set(bad.id, bad as unknown as Record<string, unknown>)
    const b = createReplica({ doc, usable: true })
    expect(b.store.get('shape:a' as TLShapeId)?.x).toBe(1)
    expect(b.store.get('shape:b' as TLShapeId)?.x).toBe(2)
    expect(b.store.has(bad.id)).toBe(false)
    expect(b.log.warnings.map((w) => (w.obj as { id: string }).id)).toEqual([bad.id])
  })

  it('writes the store records and the schema into an empty doc', () => {
    const r = createReplica()
    expect(Array.from(recordsInDoc(r.doc).keys()).sort()).toEqual([
      'document:document',
      'page:page',
    ])
    expect(getMeta(r.doc).get(MetaKey.tldrawSchema)).toEqual(r.store.schema.serialize())
  })

  it('lets two brand-new boards created at once converge on one default page', () => {
    const a = createReplica()
    const b = createReplica()
    connect(a.doc, b.doc)
    const pages = (r: typeof a) => documentRecords(r.store).filter((x) => x.typeName === 'page')
    expect(pages(a)).toHaveLength(1)
    expect(documentRecords(a.store)).toEqual(documentRecords(b.store))
  })

  it('converges when two replicas edit concurrently and then sync', () => {
    const a = createReplica()
    const b = createReplica()
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc))
    a.store.put([makeShape('a', { x: 1 }), makeShape('shared', { x: 1 })])
    b.store.put([makeShape('b', { x: 2 }), makeShape('shared', { x: 2 })])
    a.frame()
    b.frame()
    connect(a.doc, b.doc)
    a.frame()
    b.frame()
    expect(documentRecords(a.store)).toEqual(documentRecords(b.store))
    expect(a.store.has('shape:a' as TLShapeId) && a.store.has('shape:b' as TLShapeId)).toBe(true)
  })

  it('keeps doc and store equal when a local and a remote edit of one shape meet in a frame', () => {
    const a = createReplica()
    const b = createReplica()
    connect(a.doc, b.doc)
    a.store.put([makeShape('s')])
    a.frame()
    b.store.update('shape:s' as TLShapeId, (s) => ({ ...s, x: 100 }))
    a.store.update('shape:s' as TLShapeId, (s) => ({ ...s, y: 200 }))
    a.frame()
    b.frame()
    for (const r of [a, b]) {
      expect(recordsInDoc(r.doc).get('shape:s')).toEqual(r.store.get('shape:s' as TLShapeId))
    }
    expect(documentRecords(a.store)).toEqual(documentRecords(b.store))
  })

  it('keeps the parts of a record a remote change left alone, so tldraw keeps what it derived from them', () => {
    const a = createReplica()
    const b = createReplica()
    connect(a.doc, b.doc)
    a.store.put([makeShape('a'), makeShape('b')])
    a.frame()
    const before = b.store.get('shape:a' as TLShapeId)
    const untouched = b.store.get('shape:b' as TLShapeId)
    a.store.update('shape:a' as TLShapeId, (s) => ({ ...s, x: s.x + 10 }))
    a.store.update('shape:b' as TLShapeId, (s) => ({ ...s }))
    a.frame()
    const after = b.store.get('shape:a' as TLShapeId)
    expect(after?.x).toBe((before?.x ?? 0) + 10)
    expect(after?.props).toBe(before?.props)
    expect(after?.meta).toBe(before?.meta)
    expect(b.store.get('shape:b' as TLShapeId)).toBe(untouched)
  })

  it('refuses an invalid remote update of an existing record and keeps the valid one', () => {
    const r = createReplica()
    r.store.put([makeShape('a', { x: 3 })])
    r.frame()
    const remote = new Y.Doc()
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(r.doc))
    const broken = { ...makeShape('a', { x: 9 }), props: { geo: 'rectangle' } }
    createKeyValueContainer(remote).set('shape:a', broken as unknown as Record<string, unknown>)
    connect(remote, r.doc)
    expect(r.store.get('shape:a' as TLShapeId)?.x).toBe(3)
    expect(r.log.warnings.map((w) => (w.obj as { id: string }).id)).toEqual(['shape:a'])
  })

  it('stores each record as JSON text and still reads boards whose records were stored as objects', () => {
    const old = new Y.Doc()
    const shape = makeShape('old', { x: 7 })
    getRecordsArray(old).push([{ key: shape.id, val: shape }])
    const r = createReplica({ doc: old })
    expect(r.store.get(shape.id)?.x).toBe(7)
    r.store.update(shape.id, (s) => ({ ...s, x: 8 }))
    r.frame()
    const entries = getRecordsArray(old).toArray()
    const latest = entries.filter((entry) => entry.key === shape.id).at(-1)
    expect(typeof latest?.val).toBe('string')
    expect(JSON.parse(latest?.val as string).x).toBe(8)
  })

  it('skips and logs a stored value that is not JSON, and keeps the record as it was', () => {
    const r = createReplica()
    r.store.put([makeShape('a', { x: 3 })])
    r.frame()
    const remote = new Y.Doc()
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(r.doc))
    const array = getRecordsArray(remote)
    remote.transact(() => {
      const index = array.toArray().findIndex((entry) => entry.key === 'shape:a')
      array.delete(index)
      array.push([{ key: 'shape:a', val: '{"id":"shape:a", broken' }])
    })
    connect(remote, r.doc)
    expect(r.store.get('shape:a' as TLShapeId)?.x).toBe(3)
    expect(r.log.warnings.map((w) => (w.obj as { id: string }).id)).toEqual(['shape:a'])
  })

  it('skips and logs an invalid remote record and still applies the rest of the batch', () => {
    const r = createReplica()
    const remote = new Y.Doc()
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(r.doc))
    const good = makeShape('good')
    const bad = { ...makeShape('bad'), props: { geo: 'rectangle' } }
    const wrongId = { ...makeShape('other'), id: 'shape:elsewhere' }
    const container = createKeyValueContainer(remote)
    remote.transact(() => {
      container.set(good.id, good as unknown as Record<string, unknown>)
      container.set(bad.id, bad as unknown as Record<string, unknown>)
      container.set('shape:other', wrongId as unknown as Record<string, unknown>)
      container.set('not-a-record', { hello: 1 })
    })
    connect(remote, r.doc)
    expect(r.store.has(good.id)).toBe(true)
    expect(r.store.has(bad.id)).toBe(false)
    expect(r.store.has('shape:other' as TLShapeId)).toBe(false)
    expect(r.log.warnings.map((w) => (w.obj as { id: string }).id).sort()).toEqual([
      'not-a-record',
      'shape:bad',
      'shape:other',
    ])
  })

  it('writes pending local changes when unbound', () => {
    const r = createReplica()
    r.store.put([makeShape('late')])
    r.unbind()
    expect(recordsInDoc(r.doc).has('shape:late')).toBe(true)
    r.store.put([makeShape('after')])
    r.frame()
    expect(recordsInDoc(r.doc).has('shape:after')).toBe(false)
  })
})

describe('bindStoreToDoc: records kept on this client (a silent round)', () => {
  /** Keeps notes whose meta names the running round; the test ends the round by hand. */
  function silentRound() {
    let running: string | null = 'round-1'
    const listeners = new Set<() => void>()
    const handed: Array<[string, TLRecord | null]> = []
    return {
      handed,
      end() {
        running = null
        for (const listener of listeners) listener()
      },
      keepLocal: {
        keeps: (record: TLRecord) =>
          running !== null && (record as TLShape).meta?.silentRoundId === running,
        changed: (id: string, record: TLRecord | null) => handed.push([id, record]),
        subscribe(listener: () => void) {
          listeners.add(listener)
          return () => listeners.delete(listener)
        },
      },
    }
  }
  const silent = (id: string) => ({
    ...makeShape(id, { kind: 'note' }),
    meta: { silentRoundId: 'round-1' },
  })

  it('hands a kept note’s changes to keepLocal and never writes it to the doc', () => {
    const round = silentRound()
    const r = createReplica({ keepLocal: round.keepLocal })
    r.store.put([silent('quiet'), makeShape('loud')])
    r.frame()
    r.store.update('shape:quiet' as TLShapeId, (s) => ({ ...s, x: 7 }))
    r.frame()
    r.store.remove(['shape:quiet' as TLShapeId])
    r.frame()
    expect(recordsInDoc(r.doc).has('shape:quiet')).toBe(false)
    expect(recordsInDoc(r.doc).has('shape:loud')).toBe(true)
    expect(round.handed.map(([id, record]) => [id, (record as TLShape | null)?.x ?? null])).toEqual(
      [
        ['shape:quiet', 0],
        ['shape:quiet', 7],
        ['shape:quiet', null],
      ],
    )
  })

  it('writes a note still here when the round ends; over a revealed older copy, the author’s own text wins', () => {
    const round = silentRound()
    const r = createReplica({ keepLocal: round.keepLocal })
    r.store.put([silent('only-here'), silent('revealed')])
    r.frame()
    // The server revealed an older copy of one of them (the author's last change was still on
    // its way) before the round ended here.
    const local = r.store.get('shape:revealed' as TLShapeId)!
    const revealed = { ...local, x: local.x + 99 }
    const elsewhere = new Y.Doc()
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(r.doc))
    createKeyValueContainer(elsewhere).set(
      'shape:revealed',
      revealed as unknown as Record<string, unknown>,
    )
    Y.applyUpdate(r.doc, Y.encodeStateAsUpdate(elsewhere, Y.encodeStateVector(r.doc)))
    round.end()
    r.frame()
    const stored = recordsInDoc(r.doc)
    expect(stored.has('shape:only-here')).toBe(true)
    expect((stored.get('shape:revealed') as TLShape).x).toBe(local.x)
    expect(r.store.get('shape:revealed' as TLShapeId)!.x).toBe(local.x)
  })
})
