import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { BoardStore } from '../store/board-store'
import { openSqliteBoardStore } from '../store/sqlite-board-store'
import { RoomPersistence } from './room-persistence'

const stores: BoardStore[] = []
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()))
})

function setup(compactAfterUpdates = 1000) {
  const store = openSqliteBoardStore(fs.mkdtempSync(path.join(os.tmpdir(), 'stip-persist-')))
  stores.push(store)
  const doc = new Y.Doc()
  const persistence = new RoomPersistence(
    'board',
    store,
    { groupCommitMs: 5, compactAfterUpdates, snapshot: () => Y.encodeStateAsUpdate(doc) },
    { lastSeq: 0, loggedUpdates: 0 },
  )
  doc.on('update', (update: Uint8Array) => persistence.enqueue(update))
  return { store, doc, persistence }
}

describe('RoomPersistence', () => {
  it('writes updates within the group-commit window without an explicit flush', async () => {
    const { store, doc } = setup()
    doc.getMap('m').set('a', 1)
    doc.getMap('m').set('b', 2)
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect((await store.loadBoard('board')).updates).toHaveLength(2)
  })

  it('compacts the log into a snapshot once it passes the threshold', async () => {
    const { store, doc, persistence } = setup(10)
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

  it('folds everything into a snapshot on flushAndCompact', async () => {
    const { store, doc, persistence } = setup()
    doc.getMap('m').set('a', 1)
    await persistence.flushAndCompact()
    expect(await store.logStats('board')).toEqual({ updates: 0, bytes: 0 })
    expect((await store.loadBoard('board')).snapshot).not.toBeNull()
  })
})
