import type { TLShape, TLShapeId } from '@tldraw/tlschema'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { bindStoreToDoc } from './bind-store-to-doc'
import { createKeyValueContainer } from './record-container'
import { createTestStore, makeShape, makeStoreUsable } from './test-fixtures'

/*
 * tldraw calls store listeners at once in tests (NODE_ENV=test); in a browser it waits for the
 * next animation frame. This file restores the browser's behaviour with animation frames that
 * only run when the test says so, to show that a local edit does not wait for one.
 */
const frames: Array<() => void> = []
beforeEach(() => {
  vi.stubGlobal('__FORCE_RAF_IN_TESTS__', true)
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => frames.push(fn))
  vi.stubGlobal('cancelAnimationFrame', () => {})
})
afterEach(() => {
  for (const fn of frames.splice(0)) fn()
  vi.unstubAllGlobals()
})

const afterTask = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('bindStoreToDoc with the default schedule', () => {
  it('writes a local edit to the doc within the task, without waiting for an animation frame', async () => {
    const store = createTestStore()
    makeStoreUsable(store)
    const doc = new Y.Doc()
    const unbind = bindStoreToDoc(store, doc)
    const x = () => (createKeyValueContainer(doc).get('shape:a') as TLShape | undefined)?.x
    const updates: number[] = []
    doc.on('update', () => updates.push(frames.length))

    store.put([makeShape('a')])
    await afterTask()
    expect(x()).toBe(0)
    // A drag: one change per pointer frame, each in the doc before the next frame is drawn.
    for (const to of [4, 8, 12]) {
      store.update('shape:a' as TLShapeId, (s) => ({ ...s, x: to }))
      await afterTask()
      expect(x()).toBe(to)
    }
    expect(updates).toHaveLength(4)
    unbind()
  })

  it('writes a local edit before the work the same task queued after it', async () => {
    const store = createTestStore()
    makeStoreUsable(store)
    const doc = new Y.Doc()
    const unbind = bindStoreToDoc(store, doc)
    const x = () => (createKeyValueContainer(doc).get('shape:a') as TLShape | undefined)?.x
    store.put([makeShape('a')])
    await afterTask()
    // In a browser React queues the moved shape's re-render as a microtask after the change;
    // the edit must not wait behind it (a few ms per drag frame on a large board).
    let seenByLaterWork: number | undefined
    store.update('shape:a' as TLShapeId, (s) => ({ ...s, x: 40 }))
    queueMicrotask(() => {
      seenByLaterWork = x()
    })
    await afterTask()
    expect(seenByLaterWork).toBe(40)
    unbind()
  })

  it('does not write a remote change back, nor ask for the history for it', async () => {
    const store = createTestStore()
    makeStoreUsable(store)
    const doc = new Y.Doc()
    const unbind = bindStoreToDoc(store, doc)
    const updates: unknown[] = []
    doc.on('update', (_u: Uint8Array, origin: unknown) => updates.push(origin))
    store.mergeRemoteChanges(() => store.put([makeShape('r')]))
    await afterTask()
    expect(updates).toEqual([])
    expect(createKeyValueContainer(doc).get('shape:r')).toBeUndefined()
    unbind()
  })
})
