import type { TLShape, TLShapeId } from '@tldraw/tlschema'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createKeyValueContainer } from './record-container'
import { documentRecords, makeShape, type ShapeKind } from './test-fixtures'
import { createReplica, type Replica } from './test-replica'

const NETWORK = Symbol('network')
const ids = ['s0', 's1', 's2']
const colors = ['black', 'red', 'blue', 'green'] as const

const opArb = fc.oneof(
  fc.record({
    type: fc.constant('create' as const),
    replica: fc.nat(),
    id: fc.constantFrom(...ids),
    kind: fc.constantFrom<ShapeKind>('geo', 'note', 'text'),
    x: fc.integer({ min: -500, max: 500 }),
    text: fc.string({ maxLength: 6 }),
  }),
  fc.record({
    type: fc.constant('move' as const),
    replica: fc.nat(),
    id: fc.constantFrom(...ids),
    dx: fc.integer({ min: -50, max: 50 }),
  }),
  fc.record({
    type: fc.constant('recolour' as const),
    replica: fc.nat(),
    id: fc.constantFrom(...ids),
    color: fc.constantFrom(...colors),
  }),
  fc.record({
    type: fc.constant('delete' as const),
    replica: fc.nat(),
    id: fc.constantFrom(...ids),
  }),
  fc.record({ type: fc.constant('frame' as const), replica: fc.nat() }),
  // deliver one already-sent message to one replica; the same message may come again later
  fc.record({ type: fc.constant('deliver' as const), replica: fc.nat(), message: fc.nat() }),
)
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never

function apply(op: Op, replicas: Replica[], outbox: Uint8Array[]) {
  const r = replicas[op.replica % replicas.length]!
  const shapeId = 'id' in op ? (`shape:${op.id}` as TLShapeId) : undefined
  const existing = shapeId ? (r.store.get(shapeId) as TLShape | undefined) : undefined
  switch (op.type) {
    case 'create':
      if (!existing) r.store.put([makeShape(op.id, { kind: op.kind, x: op.x, text: op.text })])
      break
    case 'move':
      if (existing) r.store.put([{ ...existing, x: existing.x + op.dx }])
      break
    case 'recolour':
      if (existing)
        r.store.put([{ ...existing, props: { ...existing.props, color: op.color } } as TLShape])
      break
    case 'delete':
      if (existing) r.store.remove([existing.id])
      break
    case 'frame':
      r.frame()
      break
    case 'deliver':
      if (outbox.length > 0) Y.applyUpdate(r.doc, outbox[op.message % outbox.length]!, NETWORK)
      break
  }
}

function deliverEverything(replicas: Replica[]) {
  for (let round = 0; round < 4; round++) {
    for (const r of replicas) r.frame()
    for (const to of replicas) {
      for (const from of replicas)
        if (from !== to) Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc), NETWORK)
    }
  }
  for (const r of replicas) r.frame()
}

describe('convergence of replicas bound to Y.Docs', () => {
  it('leaves every store with the same document records after all updates arrive in any order, duplicated', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.array(opArb, { maxLength: 60 }),
        (count, ops) => {
          const outbox: Uint8Array[] = []
          const replicas = Array.from({ length: count }, () => {
            const r = createReplica()
            r.doc.on('update', (update: Uint8Array, origin: unknown) => {
              if (origin !== NETWORK) outbox.push(update)
            })
            return r
          })
          for (const op of ops) apply(op, replicas, outbox)
          deliverEverything(replicas)
          const expected = documentRecords(replicas[0]!.store)
          for (const r of replicas) {
            expect(documentRecords(r.store)).toEqual(expected)
            const inDoc = createKeyValueContainer(r.doc)
              .entries()
              .sort(([a], [b]) => (a < b ? -1 : 1))
            expect(inDoc.map(([, v]) => v)).toEqual(expected)
            expect(r.log.warnings).toEqual([])
          }
          for (const r of replicas) r.unbind()
        },
      ),
      { numRuns: 100 },
    )
  }, 60_000)
})
