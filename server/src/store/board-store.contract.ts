import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { BoardStore } from './board-store'

function updateSetting(key: string, value: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, value)
  return Y.encodeStateAsUpdate(doc)
}

function docFrom(board: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc()
  if (board.snapshot) Y.applyUpdate(doc, board.snapshot)
  for (const update of board.updates) Y.applyUpdate(doc, update)
  return doc
}

/** The contract every BoardStore passes; run by each store's own test file. */
export function boardStoreContract(name: string, open: () => Promise<BoardStore>): void {
  describe(`BoardStore contract: ${name}`, () => {
    let store: BoardStore
    beforeEach(async () => {
      store = await open()
    })
    afterEach(async () => {
      await store.close()
    })

    it('loads an unknown board as empty', async () => {
      expect(await store.loadBoard('nobody')).toEqual({ snapshot: null, updates: [], lastSeq: 0 })
    })

    it('returns appended updates in order with increasing sequence numbers', async () => {
      const first = await store.appendUpdates('b1', [updateSetting('a', '1')])
      const second = await store.appendUpdates('b1', [
        updateSetting('b', '2'),
        updateSetting('c', '3'),
      ])
      expect(second).toBeGreaterThan(first)
      const board = await store.loadBoard('b1')
      expect(board.updates).toHaveLength(3)
      expect(board.lastSeq).toBe(second)
      expect(docFrom(board).getMap('m').toJSON()).toEqual({ a: '1', b: '2', c: '3' })
    })

    it('keeps boards apart', async () => {
      await store.appendUpdates('left', [updateSetting('side', 'left')])
      await store.appendUpdates('right', [updateSetting('side', 'right')])
      expect(
        docFrom(await store.loadBoard('left'))
          .getMap('m')
          .get('side'),
      ).toBe('left')
      expect(
        docFrom(await store.loadBoard('right'))
          .getMap('m')
          .get('side'),
      ).toBe('right')
    })

    it('compacts the log into a snapshot and keeps later updates', async () => {
      const through = await store.appendUpdates('b2', [
        updateSetting('a', '1'),
        updateSetting('b', '2'),
      ])
      const doc = docFrom(await store.loadBoard('b2'))
      const later = await store.appendUpdates('b2', [updateSetting('c', '3')])
      await store.compactBoard('b2', Y.encodeStateAsUpdate(doc), through)
      const board = await store.loadBoard('b2')
      expect(board.snapshot).not.toBeNull()
      expect(board.updates).toHaveLength(1)
      expect(board.lastSeq).toBe(later)
      expect(await store.logStats('b2')).toMatchObject({ updates: 1 })
      expect(docFrom(board).getMap('m').toJSON()).toEqual({ a: '1', b: '2', c: '3' })
    })

    it('never lets an older snapshot replace a newer one', async () => {
      const seq1 = await store.appendUpdates('b3', [updateSetting('a', '1')])
      const seq2 = await store.appendUpdates('b3', [updateSetting('b', '2')])
      const full = docFrom(await store.loadBoard('b3'))
      await store.compactBoard('b3', Y.encodeStateAsUpdate(full), seq2)
      await store.compactBoard('b3', updateSetting('a', '1'), seq1)
      expect(
        docFrom(await store.loadBoard('b3'))
          .getMap('m')
          .toJSON(),
      ).toEqual({ a: '1', b: '2' })
    })

    it('deletes every trace of a board', async () => {
      const seq = await store.appendUpdates('b4', [updateSetting('a', '1')])
      await store.compactBoard('b4', updateSetting('a', '1'), seq)
      await store.appendUpdates('b4', [updateSetting('b', '2')])
      await store.deleteBoard('b4')
      expect(await store.loadBoard('b4')).toEqual({ snapshot: null, updates: [], lastSeq: 0 })
    })
  })
}
