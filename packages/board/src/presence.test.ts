import { Limits } from '@stip/protocol'
import type { TLInstancePresence, TLRecord, TLStore } from '@tldraw/tlschema'
import { afterEach, describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { flushStoreHistory } from './bind-store-to-doc'
import { bindPresence, PRESENCE_FIELD, type PresenceUser } from './presence'
import { createTestStore, makeStoreUsable } from './test-fixtures'
import { manualSchedule, recordingLogger } from './test-replica'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function participant(user: PresenceUser) {
  const store = createTestStore()
  makeStoreUsable(store)
  const doc = new Y.Doc()
  const awareness = new Awareness(doc)
  const log = recordingLogger()
  const { schedule, runFrame } = manualSchedule()
  let current = user
  const unbind = bindPresence(store, awareness, () => current, { logger: log.logger, schedule })
  cleanups.push(() => awareness.destroy())
  return {
    store,
    doc,
    awareness,
    log,
    unbind,
    rename: (next: PresenceUser) => {
      current = next
    },
    frame() {
      flushStoreHistory(store)
      runFrame()
    },
  }
}

/** Relays awareness updates both ways, like a y-websocket server would. */
function link(a: Awareness, b: Awareness) {
  const relay = (from: Awareness, to: Awareness) => {
    const handler = ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === 'net') return
      const changed = [...added!, ...updated!, ...removed!]
      applyAwarenessUpdate(to, encodeAwarenessUpdate(from, changed), 'net')
    }
    from.on('update', handler)
    handler({ added: Array.from(from.getStates().keys()), updated: [], removed: [] }, null)
  }
  relay(a, b)
  relay(b, a)
}

const presences = (store: TLStore) =>
  store.allRecords().filter((r): r is TLInstancePresence => r.typeName === 'instance_presence')

const movePointer = (store: TLStore, x: number) =>
  store.update('pointer:pointer' as TLRecord['id'], (p) => ({ ...p, x, y: 1 }) as TLRecord)

describe('bindPresence', () => {
  it('publishes the local presence into awareness at most once per frame and never into the doc', () => {
    const ann = participant({ id: 'ann', name: 'Ann', color: '#f00', organisation: 'Gemeente' })
    const docUpdates: Uint8Array[] = []
    ann.doc.on('update', (u: Uint8Array) => docUpdates.push(u))
    let publishes = 0
    ann.awareness.on('update', () => publishes++)
    movePointer(ann.store, 10)
    movePointer(ann.store, 20)
    movePointer(ann.store, 30)
    ann.frame()
    const state = ann.awareness.getLocalState()?.[PRESENCE_FIELD] as TLInstancePresence
    expect(publishes).toBe(1)
    expect(state.cursor?.x).toBe(30)
    expect(state.userName).toBe('Ann')
    expect(state.meta).toEqual({ organisation: 'Gemeente' })
    expect(docUpdates).toEqual([])
  })

  it('shows remote participants as instance_presence records and removes them when they leave', () => {
    const ann = participant({ id: 'ann', name: 'Ann', color: '#f00', organisation: 'Gemeente' })
    const bob = participant({ id: 'bob', name: 'Bob', color: '#00f', role: 'facilitator' })
    link(ann.awareness, bob.awareness)
    movePointer(ann.store, 42)
    ann.frame()
    const seenByBob = presences(bob.store)
    expect(seenByBob).toHaveLength(1)
    expect(seenByBob[0]).toMatchObject({ userName: 'Ann', userId: 'user:ann', cursor: { x: 42 } })
    expect(seenByBob[0]?.meta).toEqual({ organisation: 'Gemeente' })
    expect(presences(ann.store).map((p) => p.userName)).toEqual(['Bob'])
    ann.unbind()
    expect(presences(bob.store)).toEqual([])
    expect(presences(ann.store)).toEqual([])
  })

  it('removes a participant whose awareness times out or disconnects', () => {
    const ann = participant({ id: 'ann', name: 'Ann', color: '#f00' })
    const bob = participant({ id: 'bob', name: 'Bob', color: '#00f' })
    link(ann.awareness, bob.awareness)
    expect(presences(bob.store)).toHaveLength(1)
    ann.awareness.destroy()
    expect(presences(bob.store)).toEqual([])
  })

  it('refuses to publish a local state larger than the limit', () => {
    const ann = participant({ id: 'ann', name: 'Ann', color: '#f00' })
    ann.rename({ id: 'ann', name: 'A'.repeat(Limits.maxAwarenessStateBytes), color: '#f00' })
    movePointer(ann.store, 5)
    ann.frame()
    const state = ann.awareness.getLocalState()?.[PRESENCE_FIELD] as TLInstancePresence
    expect(state.userName).toBe('Ann')
    expect(ann.log.warnings).toHaveLength(1)
  })

  it('ignores remote states that are too large or not valid presence', () => {
    const bob = participant({ id: 'bob', name: 'Bob', color: '#00f' })
    const mallory = new Awareness(new Y.Doc())
    cleanups.push(() => mallory.destroy())
    const eve = new Awareness(new Y.Doc())
    cleanups.push(() => eve.destroy())
    link(mallory, bob.awareness)
    link(eve, bob.awareness)
    const ann = participant({ id: 'ann', name: 'Ann', color: '#f00' })
    const valid = ann.awareness.getLocalState()?.[PRESENCE_FIELD] as TLInstancePresence
    mallory.setLocalStateField(PRESENCE_FIELD, {
      ...valid,
      chatMessage: 'x'.repeat(Limits.maxAwarenessStateBytes),
    })
    eve.setLocalStateField(PRESENCE_FIELD, { ...valid, cursor: 'nowhere' })
    expect(presences(bob.store)).toEqual([])
    expect(bob.log.warnings).toHaveLength(2)
    mallory.setLocalStateField(PRESENCE_FIELD, valid)
    expect(presences(bob.store)).toHaveLength(1)
  })
})
