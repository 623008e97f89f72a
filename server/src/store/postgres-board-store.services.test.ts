import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardStoreContract } from './board-store.contract'
import { openPostgresBoardStore } from './postgres-board-store'
import { POSTGRES_MIGRATIONS } from './postgres-migrations'
import { createScratchDatabase, type ScratchDatabase } from './scratch-database'

// Runs against the Postgres on this machine (127.0.0.1:5432, see README), in a scratch database.
let database: ScratchDatabase
beforeAll(async () => {
  database = await createScratchDatabase()
})
afterAll(async () => {
  await database?.drop()
})

boardStoreContract('postgres', () => openPostgresBoardStore(database.url))

describe('postgres board store', () => {
  it('ST3: keeps another instance\u2019s update that the compacting instance never saw', async () => {
    const mine = await openPostgresBoardStore(database.url)
    const theirs = await openPostgresBoardStore(database.url)
    const myDoc = new Y.Doc()
    myDoc.getMap('m').set('mine', 1)
    const theirDoc = new Y.Doc()
    theirDoc.getMap('m').set('theirs', 2)
    await theirs.appendUpdates('shared', [Y.encodeStateAsUpdate(theirDoc)])
    const seq = await mine.appendUpdates('shared', [Y.encodeStateAsUpdate(myDoc)])
    await mine.compactBoard('shared', Y.encodeStateAsUpdate(myDoc), seq)
    const board = await theirs.loadBoard('shared')
    const restored = new Y.Doc()
    Y.applyUpdate(restored, board.snapshot!)
    for (const update of board.updates) Y.applyUpdate(restored, update)
    expect(restored.getMap('m').toJSON()).toEqual({ mine: 1, theirs: 2 })
    await Promise.all([mine.close(), theirs.close()])
  })

  it('ST6: migrates once when several instances start at the same time', async () => {
    const fresh = await createScratchDatabase()
    try {
      const stores = await Promise.all([1, 2, 3].map(() => openPostgresBoardStore(fresh.url)))
      await Promise.all(stores.map((store) => store.close()))
      const client = new pg.Client({ connectionString: fresh.url })
      await client.connect()
      const versions = await client.query<{ version: number }>(
        'SELECT version FROM stip_schema_version',
      )
      await client.end()
      expect(versions.rows).toEqual([{ version: POSTGRES_MIGRATIONS }])
    } finally {
      await fresh.drop()
    }
  })
})
