import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { BoardStore } from '../store/board-store'
import { openSqliteBoardStore } from '../store/sqlite-board-store'
import { RoomPersistence } from './room-persistence'
import { manualScheduler } from './scheduler'
import { UpdateWriter } from './update-writer'

const stores: BoardStore[] = []
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()))
})

function openStore(): BoardStore {
  const store = openSqliteBoardStore(fs.mkdtempSync(path.join(os.tmpdir(), 'stip-persist-')))
  stores.push(store)
  return store
}

function room(
  store: BoardStore,
  writer: UpdateWriter,
  boardId: string,
  compactAfterUpdates = 1000,
) {
  const doc = new Y.Doc()
  const persistence = new RoomPersistence(boardId, store, writer, {
    compactAfterUpdates,
    snapshot: () => Y.encodeStateAsUpdate(doc),
    loggedUpdates: 0,
    lastSeq: 0,
  })
  doc.on('update', (update: Uint8Array) => persistence.enqueue(update))
  return { doc, persistence }
}

describe('RoomPersistence with the shared UpdateWriter', () => {
  it('S3: writes updates when the group-commit window ends, without an explicit flush', async () => {
    const store = openStore()
    const clock = manualScheduler()
    const writer = new UpdateWriter(store, { groupCommitMs: 5, scheduler: clock.scheduler })
    const { doc } = room(store, writer, 'board')
    doc.getMap('m').set('a', 1)
    doc.getMap('m').set('b', 2)
    clock.advance(4)
    await writer.idle()
    expect((await store.loadBoard('board')).updates).toHaveLength(0)
    clock.advance(1)
    await writer.idle()
    expect((await store.loadBoard('board')).updates).toHaveLength(2)
  })

  it('S3: commits the updates of several boards in one store transaction per window', async () => {
    const store = openStore()
    let transactions = 0
    const counting: BoardStore = {
      ...store,
      appendBatch: (batch) => {
        transactions++
        return store.appendBatch(batch)
      },
    }
    const writer = new UpdateWriter(counting, { groupCommitMs: 20 })
    const rooms = ['one', 'two', 'three'].map((id) => room(counting, writer, id))
    rooms.forEach(({ doc }, index) => {
      doc.getMap('m').set('k', index)
    })
    await writer.flush()
    expect(transactions).toBe(1)
    for (const id of ['one', 'two', 'three'])
      expect((await store.loadBoard(id)).updates).toHaveLength(1)
  })

  it('S8: compacts the log into a snapshot once it passes the threshold', async () => {
    const store = openStore()
    const { doc, persistence } = room(
      store,
      new UpdateWriter(store, { groupCommitMs: 5 }),
      'board',
      10,
    )
    for (let i = 0; i < 25; i++) {
      doc.getMap('m').set(`k${i}`, i)
      await persistence.flush()
    }
    const board = await store.loadBoard('board')
    expect(board.snapshot).not.toBeNull()
    expect(board.updates.length).toBeLessThan(10)
    const restored = new Y.Doc()
    for (const update of [board.snapshot!, ...board.updates]) Y.applyUpdate(restored, update)
    expect(restored.getMap('m').size).toBe(25)
  })

  it('S8: folds everything into a snapshot on flushAndCompact', async () => {
    const store = openStore()
    const { doc, persistence } = room(store, new UpdateWriter(store, { groupCommitMs: 5 }), 'board')
    doc.getMap('m').set('a', 1)
    await persistence.flushAndCompact()
    expect(await store.logStats('board')).toEqual({ updates: 0, bytes: 0 })
    expect((await store.loadBoard('board')).snapshot).not.toBeNull()
  })

  it('S3: keeps updates queued and retries when the store fails', async () => {
    const store = openStore()
    let failures = 1
    const flaky: BoardStore = {
      ...store,
      appendBatch: (batch) =>
        failures-- > 0 ? Promise.reject(new Error('disk full')) : store.appendBatch(batch),
    }
    const clock = manualScheduler()
    const writer = new UpdateWriter(flaky, { groupCommitMs: 1, scheduler: clock.scheduler })
    const { doc } = room(flaky, writer, 'board')
    doc.getMap('m').set('a', 1)
    await writer.flush()
    expect((await store.loadBoard('board')).updates).toHaveLength(0)
    clock.advance(999)
    await writer.idle()
    expect((await store.loadBoard('board')).updates).toHaveLength(0)
    clock.advance(1)
    await writer.idle()
    expect((await store.loadBoard('board')).updates).toHaveLength(1)
  })
})
