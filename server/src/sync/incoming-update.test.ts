import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { decodeIncomingUpdate } from './incoming-update'

/** A small deterministic PRNG (mulberry32), so a failure names the seed that found it. */
function random(seed: number) {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** One random edit of every kind of content Yjs encodes: any, strings, types, binary, docs. */
function randomEdit(doc: Y.Doc, next: () => number): void {
  const pick = Math.floor(next() * 9)
  const map = doc.getMap('map')
  const array = doc.getArray<unknown>('array')
  const text = doc.getText('text')
  const key = `k${Math.floor(next() * 5)}`
  switch (pick) {
    case 0:
      map.set(key, { x: next(), label: 'ü'.repeat(Math.floor(next() * 40)), nested: [1, null] })
      break
    case 1:
      map.delete(key)
      break
    case 2:
      array.insert(Math.floor(next() * (array.length + 1)), [next(), 'two', { three: true }])
      break
    case 3:
      if (array.length > 0) array.delete(Math.floor(next() * array.length), 1)
      break
    case 4:
      text.insert(Math.floor(next() * (text.length + 1)), 'héllo', { bold: next() < 0.5 })
      break
    case 5:
      if (text.length > 1) text.delete(Math.floor(next() * (text.length - 1)), 1)
      break
    case 6: {
      const inner = new Y.Map<unknown>()
      inner.set('deep', new Uint8Array([1, 2, 3]))
      map.set(key, inner)
      break
    }
    case 7: {
      const element = new Y.XmlElement('p')
      element.setAttribute('class', 'a')
      element.insert(0, [new Y.XmlText('x')])
      doc.getXmlFragment('xml').insert(0, [element])
      break
    }
    default:
      map.set(key, new Y.Doc({ guid: `sub-${Math.floor(next() * 1000)}` }))
  }
}

describe('decodeIncomingUpdate', () => {
  it('S2: applies every kind of update exactly as Y.applyUpdate does', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const next = random(seed)
      const clients = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
      const updates: Uint8Array[] = []
      clients.forEach((client) => {
        client.on('update', (update: Uint8Array) => updates.push(update))
      })
      for (let step = 0; step < 30; step++) {
        const client = clients[Math.floor(next() * clients.length)]!
        client.transact(() => {
          const edits = 1 + Math.floor(next() * 3)
          for (let i = 0; i < edits; i++) randomEdit(client, next)
        })
        // Clients sync now and then, so later updates delete and refer to each other's content.
        if (next() < 0.3) {
          const [a, b] = [clients[0]!, clients[1 + Math.floor(next() * 2)]!]
          Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
          Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
        }
      }
      // Whole states as sync step 2 sends them, and out of order, so some updates wait pending.
      updates.push(...clients.map((client) => Y.encodeStateAsUpdate(client)))
      const order = updates.map((update, i) => ({ update, at: i + next() * 8 }))
      order.sort((a, b) => a.at - b.at)

      const expected = new Y.Doc()
      const actual = new Y.Doc()
      const expectedEvents: Uint8Array[] = []
      const actualEvents: Uint8Array[] = []
      expected.on('update', (update: Uint8Array) => expectedEvents.push(update))
      actual.on('update', (update: Uint8Array) => actualEvents.push(update))
      for (const { update } of order) {
        Y.applyUpdate(expected, update, 'origin')
        decodeIncomingUpdate(update).applyTo(actual, 'origin')
      }
      expect(actualEvents, `seed ${seed}`).toEqual(expectedEvents)
      expect(Y.encodeStateAsUpdate(actual), `seed ${seed}`).toEqual(Y.encodeStateAsUpdate(expected))
      expect(actual.getText('text').toDelta(), `seed ${seed}`).toEqual(
        expected.getText('text').toDelta(),
      )
    }
    // 12 seeds × 30 random edits, each applied twice and compared: CPU-bound, ~1 s alone.
  }, 30_000)

  it('S2: gives the guard the same structs and delete set as Y.decodeUpdate', () => {
    const doc = new Y.Doc()
    doc.getMap('map').set('a', { b: 1 })
    doc.getArray('array').insert(0, ['x', 'y'])
    doc.getArray('array').delete(0, 1)
    const update = Y.encodeStateAsUpdate(doc)
    expect(decodeIncomingUpdate(update).decoded).toEqual(Y.decodeUpdate(update))
  })

  it('S2: throws on malformed bytes before anything is applied', () => {
    expect(() => decodeIncomingUpdate(new Uint8Array([1, 200, 3, 255, 255, 7, 9]))).toThrow()
  })
})
