import { createKeyValueContainer, decodeStoredRecord } from '@stip/board/record-container'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DELETED, effectsOf, hasNoEffect } from './update-effects'

const rootsTouchedBy = (doc: Y.Doc, update: ReturnType<typeof Y.decodeUpdate>) =>
  effectsOf(doc, update)?.roots ?? null

/** An update made on a replica of `server`, as a client would send it. */
function clientUpdate(server: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  edit(client)
  return Y.encodeStateAsUpdate(client, before)
}

const touched = (server: Y.Doc, edit: (doc: Y.Doc) => void) =>
  rootsTouchedBy(server, Y.decodeUpdate(clientUpdate(server, edit)))

describe('effectsOf: the top-level types an update changes', () => {
  it('names the root of a top-level insert', () => {
    expect(touched(new Y.Doc(), (doc) => doc.getMap('facilitator').set('timer', 5))).toEqual(
      new Set(['facilitator']),
    )
  })

  it('follows nested types and neighbours back to their root', () => {
    const server = new Y.Doc()
    const nested = new Y.Map()
    server.getMap('facilitator').set('locks', nested)
    nested.set('a', 1)
    server.getArray('records').push(['x', 'y'])
    expect(
      touched(server, (doc) => {
        ;(doc.getMap('facilitator').get('locks') as Y.Map<number>).set('b', 2)
      }),
    ).toEqual(new Set(['facilitator']))
    expect(touched(server, (doc) => doc.getArray('records').insert(1, ['between']))).toEqual(
      new Set(['records']),
    )
  })

  it('names the root of a deletion', () => {
    const server = new Y.Doc()
    server.getMap('organisations').set('gemeente', 'Gemeente')
    server.getArray('records').push(['keep'])
    expect(touched(server, (doc) => doc.getMap('organisations').delete('gemeente'))).toEqual(
      new Set(['organisations']),
    )
  })

  it('sees every root of a mixed update', () => {
    const roots = touched(new Y.Doc(), (doc) =>
      doc.transact(() => {
        doc.getArray('records').push(['note'])
        doc.getMap('facilitator').set('frozen', true)
      }),
    )
    expect(roots).toEqual(new Set(['records', 'facilitator']))
  })

  it('gives up (null) on an update that refers to content the server lacks', () => {
    const elsewhere = new Y.Doc()
    elsewhere.getArray('records').push(['unknown to the server'])
    const server = new Y.Doc()
    const update = clientUpdate(elsewhere, (doc) => doc.getArray('records').insert(1, ['after it']))
    expect(rootsTouchedBy(server, Y.decodeUpdate(update))).toBeNull()
  })

  it('A1: sees no effect in the empty update of a sync step 2, nor in content the doc already has', () => {
    const doc = new Y.Doc()
    doc.getMap('m').set('a', 1)
    const effects = (update: Uint8Array) => effectsOf(doc, Y.decodeUpdate(update))!
    expect(hasNoEffect(effects(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc))))).toBe(true)
    expect(hasNoEffect(effects(Y.encodeStateAsUpdate(doc)))).toBe(true)
    expect(hasNoEffect(effectsOf(new Y.Doc(), Y.decodeUpdate(Y.encodeStateAsUpdate(doc)))!)).toBe(
      false,
    )
  })
})

describe('effectsOf: the tldraw records an update writes and deletes', () => {
  const container = (doc: Y.Doc) => createKeyValueContainer(doc)

  it('names a record set (its old entry deleted) and a record deleted, by id', () => {
    const server = new Y.Doc()
    server.transact(() => {
      container(server).set('shape:a', { id: 'shape:a', x: 1 })
      container(server).set('shape:b', { id: 'shape:b', x: 2 })
    })
    const update = clientUpdate(server, (doc) =>
      doc.transact(() => {
        container(doc).set('shape:a', { id: 'shape:a', x: 5 })
        container(doc).delete('shape:b')
      }),
    )
    const effects = effectsOf(server, Y.decodeUpdate(update))!
    expect(decodeStoredRecord(effects.records.get('shape:a'))).toEqual({ id: 'shape:a', x: 5 })
    expect(effects.records.get('shape:b')).toBe(DELETED)
    expect(effects.records.size).toBe(2)
  })

  it('A1: counts only the part of a partly known update the doc lacks', () => {
    const client = new Y.Doc()
    client.getArray('tldraw-records').push([{ key: 'shape:old', val: '{"x":1}' }])
    const server = new Y.Doc()
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client))
    client.getArray('tldraw-records').push([{ key: 'shape:new', val: '{"x":2}' }])
    const effects = effectsOf(server, Y.decodeUpdate(Y.encodeStateAsUpdate(client)))!
    expect([...effects.records.keys()]).toEqual(['shape:new'])
    expect(effects.roots).toEqual(new Set(['tldraw-records']))
  })

  it('follows a key set thousands of times offline without exhausting the stack', () => {
    const server = new Y.Doc()
    server.getMap('facilitator').set('timer', 0)
    const update = clientUpdate(server, (doc) => {
      for (let i = 1; i <= 20_000; i++) doc.getMap('facilitator').set('timer', i)
    })
    expect(effectsOf(server, Y.decodeUpdate(update))?.roots).toEqual(new Set(['facilitator']))
  })
})
