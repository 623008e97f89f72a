import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { boardStoreContract } from './board-store.contract'
import { openSqliteBoardStore, SQLITE_FILE_NAME } from './sqlite-board-store'

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'stip-sqlite-'))

boardStoreContract('sqlite', async () => openSqliteBoardStore(tempDir()))

describe('sqlite board store', () => {
  it('ST2: keeps what was written across a reopen of the same directory', async () => {
    const dir = tempDir()
    const first = openSqliteBoardStore(dir)
    await first.appendUpdates('board', [new Uint8Array([0, 0])])
    await first.close()
    const second = openSqliteBoardStore(dir)
    expect((await second.loadBoard('board')).updates).toHaveLength(1)
    await second.close()
  })

  it('ST6: upgrades a database written before signing links, versions, sealed records, the audit log and counters existed', async () => {
    const dir = tempDir()
    await openSqliteBoardStore(dir).close()
    const db = new Database(path.join(dir, SQLITE_FILE_NAME))
    db.exec(
      'DROP TABLE board_signing_tokens; DROP TABLE board_versions; DROP TABLE board_ballots; DROP TABLE board_sealed_notes; DROP TABLE board_audit; DROP TABLE board_counters; ALTER TABLE boards DROP COLUMN last_opened_at',
    )
    db.pragma('user_version = 2')
    db.close()
    const upgraded = openSqliteBoardStore(dir)
    await upgraded.replaceSigningToken('b', { organisationId: 'o', hash: 'h', createdAt: 1 })
    expect(await upgraded.listSigningTokens('b')).toHaveLength(1)
    expect(await upgraded.listVersions('b')).toEqual([])
    expect(await upgraded.listBallots('b', 'vote')).toEqual([])
    expect(await upgraded.listSealedNotes('b', 'round')).toEqual([])
    expect(await upgraded.listAudit('b')).toEqual([])
    expect(await upgraded.nextAmendmentNumber('b', 0)).toBe(1)
    await upgraded.close()
  })
})
