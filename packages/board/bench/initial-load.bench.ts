/**
 * Time to open a 5,000-record board: apply the stored Y.Doc update, then bind a fresh
 * tldraw store to it (YKeyValue index + validation + store.put). Target: under 150 ms.
 * Run: pnpm --filter @stip/board bench
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import * as Y from 'yjs'
import { bindStoreToDoc } from '../src/bind-store-to-doc'
import { createKeyValueContainer } from '../src/record-container'
import { createTestStore, makeShape, makeStoreUsable, type ShapeKind } from '../src/test-fixtures'

// tldraw's store schedules listener delivery with requestAnimationFrame, which Node lacks
// (vitest is exempt because tldraw checks NODE_ENV=test).
globalThis.requestAnimationFrame ??= (cb) =>
  setTimeout(() => cb(performance.now()), 16) as unknown as number
globalThis.cancelAnimationFrame ??= (handle) => clearTimeout(handle)

const RECORDS = 5_000
const RUNS = 7
const kinds: ShapeKind[] = ['geo', 'note', 'text']

function boardUpdate(): Uint8Array {
  const seed = createTestStore()
  makeStoreUsable(seed)
  const doc = new Y.Doc()
  bindStoreToDoc(seed, doc)()
  const container = createKeyValueContainer(doc)
  doc.transact(() => {
    for (let i = 0; container.entries().length < RECORDS && i < RECORDS; i++) {
      const shape = makeShape(`s${i}`, { kind: kinds[i % 3], x: i, y: i, text: `idee ${i}` })
      container.set(shape.id, shape as unknown as Record<string, unknown>)
    }
  })
  return Y.encodeStateAsUpdate(doc)
}

const update = boardUpdate()
const samples: Array<{ applyUpdateMs: number; bindMs: number; totalMs: number }> = []
for (let run = 0; run < RUNS; run++) {
  const store = createTestStore()
  makeStoreUsable(store)
  const t0 = performance.now()
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  const t1 = performance.now()
  const unbind = bindStoreToDoc(store, doc)
  const t2 = performance.now()
  const count = store.allRecords().filter((r) => r.typeName === 'shape').length
  if (count < RECORDS - 2) throw new Error(`only ${count} shapes loaded`)
  unbind()
  samples.push({ applyUpdateMs: t1 - t0, bindMs: t2 - t1, totalMs: t2 - t0 })
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const result = {
  records: RECORDS,
  updateBytes: update.length,
  runs: RUNS,
  medianApplyUpdateMs: median(samples.map((s) => s.applyUpdateMs)),
  medianBindMs: median(samples.map((s) => s.bindMs)),
  medianTotalMs: median(samples.map((s) => s.totalMs)),
  firstRunTotalMs: samples[0]?.totalMs,
  samples,
}
console.table([{ ...result, samples: undefined }])
const OUT_DIR = new URL('../../../bench-results/', import.meta.url)
mkdirSync(OUT_DIR, { recursive: true })
writeFileSync(
  new URL('board-initial-load.json', OUT_DIR),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, ...result }, null, 2),
)
// tldraw's store keeps a frame timer alive in Node; the benchmark is done.
process.exit(0)
