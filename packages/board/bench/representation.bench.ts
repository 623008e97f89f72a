/**
 * Compares three layouts of tldraw records in a Y.Doc: stored size growth and write time
 * for long drags, load time of the result, and what survives two concurrent edits.
 * Run: pnpm --filter @stip/board bench
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import * as Y from 'yjs'
import {
  createFieldMapContainer,
  createKeyValueContainer,
  createMapContainer,
  createObjectKeyValueContainer,
  type RecordContainer,
} from '../src/record-container'
import { makeShape } from '../src/test-fixtures'

const layouts: Record<string, (doc: Y.Doc) => RecordContainer> = {
  'a: Y.Map of records': (doc) => createMapContainer(doc),
  'b: Y.Map of field maps': (doc) => createFieldMapContainer(doc),
  'c: YKeyValue log, records as objects': (doc) => createObjectKeyValueContainer(doc),
  'c: YKeyValue log, records as JSON text (chosen)': (doc) => createKeyValueContainer(doc),
}

const SHAPES = 50
const STEPS = 10_000

type Pattern = { name: string; shapesPerStep: number; pick: (step: number, k: number) => number }
const patterns: Pattern[] = [
  // each shape in turn is dragged for 200 consecutive frames
  { name: 'single drag', shapesPerStep: 1, pick: (step) => Math.floor(step / (STEPS / SHAPES)) },
  // worst case for maps: every frame moves a different shape than the last
  { name: 'alternating shapes', shapesPerStep: 1, pick: (step) => step % SHAPES },
  // ten selected shapes move together in one transaction per frame
  {
    name: 'multi-select drag (10)',
    shapesPerStep: 10,
    pick: (step, k) => (Math.floor(step / 500) * 10 + k) % SHAPES,
  },
]

function run(make: (doc: Y.Doc) => RecordContainer, pattern: Pattern) {
  const doc = new Y.Doc()
  const container = make(doc)
  const shapes = Array.from({ length: SHAPES }, (_, i) =>
    makeShape(`s${i}`, { x: i * 10, y: i * 10 }),
  )
  doc.transact(() => {
    for (const s of shapes) container.set(s.id, s as unknown as Record<string, unknown>)
  })
  const before = Y.encodeStateAsUpdate(doc).length
  let updateBytes = 0
  doc.on('update', (u: Uint8Array) => {
    updateBytes += u.length
  })
  const t0 = performance.now()
  for (let step = 0; step < STEPS; step++) {
    doc.transact(() => {
      for (let k = 0; k < pattern.shapesPerStep; k++) {
        const i = pattern.pick(step, k)
        const s = shapes[i]
        if (!s) continue
        const moved = { ...s, x: s.x + 1, y: s.y + 0.5 }
        shapes[i] = moved
        container.set(moved.id, moved as unknown as Record<string, unknown>)
      }
    })
  }
  const writeMs = performance.now() - t0
  const state = Y.encodeStateAsUpdate(doc)
  const t1 = performance.now()
  const fresh = new Y.Doc()
  Y.applyUpdate(fresh, state)
  const loaded = make(fresh).entries().length
  const loadMs = performance.now() - t1
  if (loaded !== SHAPES) throw new Error(`loaded ${loaded} records, expected ${SHAPES}`)
  return {
    bytesBefore: before,
    bytesAfter: state.length,
    growthBytesPerStep: (state.length - before) / STEPS,
    wireBytesPerStep: updateBytes / STEPS,
    writeMsPerStep: writeMs / STEPS,
    loadMs,
  }
}

/** Two replicas edit the same shape concurrently: A moves it, B recolours it. */
function concurrentEdit(make: (doc: Y.Doc) => RecordContainer) {
  const a = new Y.Doc()
  const b = new Y.Doc()
  const ca = make(a)
  const cb = make(b)
  const shape = makeShape('x')
  a.transact(() => ca.set(shape.id, shape as unknown as Record<string, unknown>))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  a.transact(() => ca.set(shape.id, { ...shape, x: 500 } as unknown as Record<string, unknown>))
  b.transact(() =>
    cb.set(shape.id, { ...shape, props: { ...shape.props, color: 'red' } } as unknown as Record<
      string,
      unknown
    >),
  )
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
  const ra = ca.get(shape.id) as { x: number; props: { color: string } }
  const rb = cb.get(shape.id) as { x: number; props: { color: string } }
  return {
    converged: JSON.stringify(ra) === JSON.stringify(rb),
    moveKept: ra.x === 500,
    recolourKept: ra.props.color === 'red',
  }
}

const results: Record<string, unknown> = {}
const rows: Array<Record<string, string | number | boolean>> = []
for (const [layout, make] of Object.entries(layouts)) {
  const perPattern: Record<string, unknown> = {}
  for (const pattern of patterns) {
    const r = run(make, pattern)
    perPattern[pattern.name] = r
    rows.push({
      layout,
      pattern: pattern.name,
      'growth B/step': Number(r.growthBytesPerStep.toFixed(3)),
      'wire B/step': Number(r.wireBytesPerStep.toFixed(1)),
      'write µs/step': Number((r.writeMsPerStep * 1000).toFixed(1)),
      'final bytes': r.bytesAfter,
      'load ms': Number(r.loadMs.toFixed(2)),
    })
  }
  const merge = concurrentEdit(make)
  results[layout] = { patterns: perPattern, concurrentEdit: merge }
}
process.stdout.write(`${JSON.stringify(rows.length)} runs, ${SHAPES} shapes, ${STEPS} steps each\n`)
console.table(rows)
console.table(
  Object.entries(results).map(([layout, r]) => ({
    layout,
    ...(r as { concurrentEdit: object }).concurrentEdit,
  })),
)
const OUT_DIR = new URL('../../../bench-results/', import.meta.url)
mkdirSync(OUT_DIR, { recursive: true })
writeFileSync(
  new URL('board-representation.json', OUT_DIR),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      shapes: SHAPES,
      steps: STEPS,
      results,
    },
    null,
    2,
  ),
)
// importing tldraw leaves a timer running in Node; the benchmark is done.
process.exit(0)
