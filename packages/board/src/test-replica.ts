import type { TLStore } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { bindStoreToDoc, flushStoreHistory, type KeepLocal } from './bind-store-to-doc'
import type { Logger } from './logger'
import type { Schedule } from './schedule'
import { createTestStore, makeStoreUsable } from './test-fixtures'

/** A logger that keeps what it was told, so tests can assert on skipped records. */
export function recordingLogger() {
  const warnings: Array<{ obj: object; msg?: string }> = []
  const errors: Array<{ obj: object; msg?: string }> = []
  const logger: Logger = {
    warn: (obj, msg) => warnings.push({ obj, msg }),
    error: (obj, msg) => errors.push({ obj, msg }),
  }
  return { logger, warnings, errors }
}

/** A scheduler that runs only when the test says a frame has passed. */
export function manualSchedule() {
  const queue = new Set<() => void>()
  const schedule: Schedule = (fn) => {
    queue.add(fn)
    return () => queue.delete(fn)
  }
  const runFrame = () => {
    const due = Array.from(queue)
    queue.clear()
    for (const fn of due) fn()
  }
  return { schedule, runFrame }
}

export interface Replica {
  store: TLStore
  doc: Y.Doc
  log: ReturnType<typeof recordingLogger>
  /** One animation frame: tldraw delivers its history, the binding flushes. */
  frame(): void
  unbind(): void
}

export function createReplica(
  opts: { doc?: Y.Doc; store?: TLStore; usable?: boolean; keepLocal?: KeepLocal } = {},
): Replica {
  const store = opts.store ?? createTestStore()
  if (opts.usable !== false) makeStoreUsable(store)
  const doc = opts.doc ?? new Y.Doc()
  const log = recordingLogger()
  const { schedule, runFrame } = manualSchedule()
  const unbind = bindStoreToDoc(store, doc, {
    logger: log.logger,
    schedule,
    keepLocal: opts.keepLocal,
  })
  return {
    store,
    doc,
    log,
    frame() {
      flushStoreHistory(store)
      runFrame()
    },
    unbind,
  }
}

/** Forwards every update between two docs immediately, like a perfect network. */
export function connect(a: Y.Doc, b: Y.Doc): () => void {
  const origin = Symbol('network')
  const ab = (update: Uint8Array, o: unknown) => o !== origin && Y.applyUpdate(b, update, origin)
  const ba = (update: Uint8Array, o: unknown) => o !== origin && Y.applyUpdate(a, update, origin)
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), origin)
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), origin)
  a.on('update', ab)
  b.on('update', ba)
  return () => {
    a.off('update', ab)
    b.off('update', ba)
  }
}
