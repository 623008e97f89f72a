import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { AuditEntry, BoardRecord, BoardStore, TokenRecord } from './board-store'

const board = (id: string): BoardRecord => ({
  id,
  title: 'Samen naar 2040',
  template: 'hebben-zaaien',
  organisations: [{ id: 'gemeente', name: 'Gemeente', color: '#1f6feb' }],
  createdAt: 1_700_000_000_000,
})
const tokens: TokenRecord[] = [
  { role: 'editor', hash: 'e1' },
  { role: 'facilitator', hash: 'f1' },
  { role: 'viewer', hash: 'v1' },
]

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

    it('ST1: loads an unknown board as empty', async () => {
      expect(await store.loadBoard('nobody')).toEqual({ snapshot: null, updates: [], lastSeq: 0 })
    })

    it('ST2: returns appended updates in order with increasing sequence numbers', async () => {
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

    it('ST2: appends the updates of several boards in one batch, each in order', async () => {
      const seqs = await store.appendBatch(
        new Map([
          ['batch-a', [updateSetting('a', '1'), updateSetting('b', '2')]],
          ['batch-b', [updateSetting('c', '3')]],
        ]),
      )
      expect([...seqs.keys()].sort()).toEqual(['batch-a', 'batch-b'])
      const a = await store.loadBoard('batch-a')
      expect(a.lastSeq).toBe(seqs.get('batch-a'))
      expect(docFrom(a).getMap('m').toJSON()).toEqual({ a: '1', b: '2' })
      expect(
        docFrom(await store.loadBoard('batch-b'))
          .getMap('m')
          .toJSON(),
      ).toEqual({ c: '3' })
    })

    it('ST1: keeps boards apart', async () => {
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

    it('ST3: compacts the log into a snapshot and keeps later updates', async () => {
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

    it('ST3: never lets an older snapshot replace a newer one', async () => {
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

    it('creates a board with its metadata and token hashes', async () => {
      await store.createBoard(board('meta'), tokens)
      expect(await store.getBoard('meta')).toEqual(board('meta'))
      expect(await store.getBoard('missing')).toBeNull()
      expect(await store.listTokens('meta')).toEqual(tokens)
    })

    it('refuses to create a board whose id exists', async () => {
      await store.createBoard(board('twice'), tokens)
      await expect(store.createBoard(board('twice'), tokens)).rejects.toThrow()
    })

    it('replaces the token of one role on rotation', async () => {
      await store.createBoard(board('rotate'), tokens)
      await store.replaceToken('rotate', { role: 'editor', hash: 'e2' })
      expect(await store.listTokens('rotate')).toEqual([
        { role: 'editor', hash: 'e2' },
        { role: 'facilitator', hash: 'f1' },
        { role: 'viewer', hash: 'v1' },
      ])
    })

    it('stores assets with their metadata per board', async () => {
      await store.createBoard(board('assets'), tokens)
      const asset = {
        id: 'a1',
        boardId: 'assets',
        mimeType: 'image/png',
        fileName: 'x.png',
        size: 3,
        createdAt: 5,
      }
      await store.putAsset(asset, new Uint8Array([1, 2, 3]))
      expect(await store.getAsset('assets', 'a1')).toEqual({
        asset,
        data: new Uint8Array([1, 2, 3]),
      })
      expect(await store.getAsset('other', 'a1')).toBeNull()
      expect(await store.listAssets('assets')).toEqual([asset])
      expect(await store.listAssets('other')).toEqual([])
    })

    it('keeps one signing link per organisation and replaces it on rotation', async () => {
      await store.createBoard(board('signing'), tokens)
      await store.replaceSigningToken('signing', {
        organisationId: 'gemeente',
        hash: 's1',
        createdAt: 10,
      })
      await store.replaceSigningToken('signing', {
        organisationId: 'ggd',
        hash: 's2',
        createdAt: 11,
      })
      await store.replaceSigningToken('signing', {
        organisationId: 'gemeente',
        hash: 's3',
        createdAt: 12,
      })
      expect(await store.listSigningTokens('signing')).toEqual([
        { organisationId: 'gemeente', hash: 's3', createdAt: 12 },
        { organisationId: 'ggd', hash: 's2', createdAt: 11 },
      ])
      expect(await store.listSigningTokens('other')).toEqual([])
    })

    it('stores named versions with their snapshots and lists them newest first', async () => {
      await store.createBoard(board('versions'), tokens)
      const version = (id: string, createdAt: number, manifestoHash: string | null) => ({
        id,
        boardId: 'versions',
        name: `Versie ${id}`,
        authorName: 'Fatima',
        createdAt,
        manifestoHash,
      })
      await store.putVersion(version('v1', 100, null), updateSetting('a', '1'))
      await store.putVersion(version('v2', 200, 'ab'.repeat(32)), updateSetting('b', '2'))
      await store.putVersion(version('v3', 200, null), updateSetting('c', '3'))
      expect((await store.listVersions('versions')).map((v) => v.id)).toEqual(['v3', 'v2', 'v1'])
      expect((await store.listVersions('versions'))[1]).toEqual(version('v2', 200, 'ab'.repeat(32)))
      const found = await store.getVersion('versions', 'v2')
      expect(found?.version).toEqual(version('v2', 200, 'ab'.repeat(32)))
      expect(docFrom({ snapshot: found!.snapshot, updates: [] }).getMap('m').toJSON()).toEqual({
        b: '2',
      })
      expect(await store.getVersion('versions', 'missing')).toBeNull()
      expect(await store.getVersion('other', 'v2')).toBeNull()
    })

    it('ST5: deletes every trace of a board', async () => {
      await store.createBoard(board('b4'), tokens)
      await store.putAsset(
        { id: 'a', boardId: 'b4', mimeType: 'image/png', fileName: 'a.png', size: 1, createdAt: 1 },
        new Uint8Array([1]),
      )
      const seq = await store.appendUpdates('b4', [updateSetting('a', '1')])
      await store.compactBoard('b4', updateSetting('a', '1'), seq)
      await store.appendUpdates('b4', [updateSetting('b', '2')])
      await store.replaceSigningToken('b4', { organisationId: 'gemeente', hash: 's', createdAt: 1 })
      await store.putVersion(
        { id: 'v', boardId: 'b4', name: 'v', authorName: 'a', createdAt: 1, manifestoHash: null },
        updateSetting('a', '1'),
      )
      await store.putBallot(ballot('b4', 'vote', 'voter', ['shape:n']))
      await store.putSealedNote(sealed('b4', 'round', 'author', 'shape:s'))
      await store.appendAudit(audit('b4', 'board.created', 1))
      await store.nextAmendmentNumber('b4', 6)
      await store.deleteBoard('b4')
      expect(await store.loadBoard('b4')).toEqual({ snapshot: null, updates: [], lastSeq: 0 })
      expect(await store.getBoard('b4')).toBeNull()
      expect(await store.listTokens('b4')).toEqual([])
      expect(await store.getAsset('b4', 'a')).toBeNull()
      expect(await store.listSigningTokens('b4')).toEqual([])
      expect(await store.listVersions('b4')).toEqual([])
      expect(await store.getVersion('b4', 'v')).toBeNull()
      expect(await store.listBallots('b4', 'vote')).toEqual([])
      expect(await store.listSealedNotes('b4', 'round')).toEqual([])
      expect(await store.listAudit('b4')).toEqual([])
      expect((await store.listBoards()).map((b) => b.id)).not.toContain('b4')
      // Its counter went with it: a board made again under the id starts afresh.
      expect(await store.nextAmendmentNumber('b4', 0)).toBe(1)
    })

    it('ST9: hands out amendment numbers once each, per board, above what the document holds', async () => {
      const numbers = await Promise.all(
        Array.from({ length: 12 }, () => store.nextAmendmentNumber('counted', 0)),
      )
      expect([...numbers].sort((a, b) => a - b)).toEqual(
        Array.from({ length: 12 }, (_, i) => i + 1),
      )
      expect(await store.nextAmendmentNumber('elsewhere', 0)).toBe(1)
      // A document that already holds number 20 (made before the counter) goes on from there;
      // a stale copy that knows less never takes the counter back.
      expect(await store.nextAmendmentNumber('counted', 20)).toBe(21)
      expect(await store.nextAmendmentNumber('counted', 3)).toBe(22)
      expect(await store.nextAmendmentNumber('fresh', 4)).toBe(5)
    })

    it('ST7: keeps a board\u2019s audit log in order, apart from other boards', async () => {
      await store.createBoard(board('audited'), tokens)
      const signed = {
        ...audit('audited', 'manifesto.signed', 20),
        role: 'editor' as const,
        organisation: 'Gemeente',
        participant: 'Fatima',
        detail: { signerFunction: 'wethouder', hash: 'ab' },
      }
      await store.appendAudit(audit('audited', 'board.created', 10))
      await store.appendAudit(signed)
      await store.appendAudit(audit('audited', 'manifesto.frozen', 20))
      await store.appendAudit(audit('elsewhere', 'board.created', 5))
      expect(await store.listAudit('audited')).toEqual([
        audit('audited', 'board.created', 10),
        signed,
        audit('audited', 'manifesto.frozen', 20),
      ])
      expect(await store.listAudit('nobody')).toEqual([])
    })

    it('ST8: lists boards with their size and last opening, and finds the idle ones', async () => {
      await store.createBoard({ ...board('old'), createdAt: 1000 }, tokens)
      await store.createBoard({ ...board('opened'), createdAt: 1000 }, tokens)
      await store.createBoard({ ...board('new'), createdAt: 5000 }, tokens)
      await store.appendUpdates('old', [updateSetting('a', '1')])
      await store.putAsset(
        {
          id: 'i',
          boardId: 'old',
          mimeType: 'image/png',
          fileName: 'i.png',
          size: 7,
          createdAt: 1,
        },
        new Uint8Array(7),
      )
      await store.markOpened('opened', 4000)
      await store.markOpened('opened', 3000)
      const boards = await store.listBoards()
      const old = boards.find((b) => b.id === 'old')!
      expect(old).toMatchObject({ title: 'Samen naar 2040', createdAt: 1000, lastOpenedAt: null })
      expect(old.bytes).toBeGreaterThan(7)
      expect(boards.find((b) => b.id === 'opened')?.lastOpenedAt).toBe(4000)
      expect(await store.boardSummary('old')).toEqual(old)
      expect(await store.boardSummary('missing')).toBeNull()
      expect(await store.boardsIdleSince(4500)).toEqual(['old', 'opened'])
      expect(await store.boardsIdleSince(4000)).toEqual(['old'])
      expect(await store.boardsIdleSince(1000)).toEqual([])
    })

    it('ST4: keeps one ballot per voter and vote, replaced when the voter changes their dots', async () => {
      await store.putBallot(ballot('b5', 'vote-1', 'anna', ['shape:a']))
      await store.putBallot(ballot('b5', 'vote-1', 'bram', ['shape:a', 'shape:b']))
      await store.putBallot(ballot('b5', 'vote-1', 'anna', ['shape:b', 'shape:b'], 5))
      await store.putBallot(ballot('b5', 'vote-2', 'anna', ['shape:c']))
      await store.putBallot(ballot('other', 'vote-1', 'anna', ['shape:x']))
      expect(await store.getBallot('b5', 'vote-1', 'anna')).toEqual(
        ballot('b5', 'vote-1', 'anna', ['shape:b', 'shape:b'], 5),
      )
      expect(await store.getBallot('b5', 'vote-1', 'nobody')).toBeNull()
      const ballots = await store.listBallots('b5', 'vote-1')
      expect(ballots.map((b) => [b.voterHash, b.dots])).toEqual([
        ['bram', ['shape:a', 'shape:b']],
        ['anna', ['shape:b', 'shape:b']],
      ])
    })

    it('ST4: keeps sealed notes per author and refuses a note id that is another author\u2019s', async () => {
      expect(await store.putSealedNote(sealed('b6', 'round', 'anna', 'shape:1'))).toBe('stored')
      expect(await store.putSealedNote(sealed('b6', 'round', 'bram', 'shape:2'))).toBe('stored')
      expect(await store.putSealedNote(sealed('b6', 'round', 'bram', 'shape:1', '{"x":9}'))).toBe(
        'taken',
      )
      expect(await store.putSealedNote(sealed('b6', 'round', 'anna', 'shape:1', '{"x":2}'))).toBe(
        'stored',
      )
      expect((await store.listSealedNotes('b6', 'round', 'anna')).map((n) => n.record)).toEqual([
        '{"x":2}',
      ])
      expect((await store.listSealedNotes('b6', 'round')).map((n) => n.noteId).sort()).toEqual([
        'shape:1',
        'shape:2',
      ])
      await store.deleteSealedNote('b6', 'shape:2', 'anna')
      expect(await store.listSealedNotes('b6', 'round', 'bram')).toHaveLength(1)
      await store.deleteSealedNote('b6', 'shape:2', 'bram')
      expect(await store.listSealedNotes('b6', 'round', 'bram')).toHaveLength(0)
      await store.deleteSealedNotes('b6', 'round')
      expect(await store.listSealedNotes('b6', 'round')).toEqual([])
    })
  })
}

function ballot(boardId: string, voteId: string, voterHash: string, dots: string[], at = 1) {
  return { boardId, voteId, voterHash, organisation: 'Gemeente', dots, updatedAt: at }
}

function sealed(
  boardId: string,
  roundId: string,
  authorHash: string,
  noteId: string,
  record = '{}',
) {
  return { boardId, roundId, authorHash, noteId, record, updatedAt: 1 }
}

function audit(boardId: string, act: AuditEntry['act'], at: number): AuditEntry {
  return {
    at,
    boardId,
    act,
    role: 'facilitator',
    organisation: null,
    participant: null,
    detail: {},
  }
}
