import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { AssetRecord, BoardRecord, BoardStore, StoredBoard, TokenRecord } from './board-store'
import { AUDIT_MIGRATION, AUDIT_TABLES, sqliteAudit } from './sqlite-audit'
import { COUNTERS_MIGRATION, COUNTERS_TABLES, sqliteCounters } from './sqlite-counters'
import { SEALED_MIGRATION, SEALED_TABLES, sqliteSealed } from './sqlite-sealed'
import {
  SIGNING_AND_VERSIONS_MIGRATION,
  SIGNING_AND_VERSIONS_TABLES,
  sqliteSigningAndVersions,
} from './sqlite-signing-and-versions'

/** Schema migrations, applied in order; PRAGMA user_version records how many ran. */
const MIGRATIONS = [
  `CREATE TABLE board_snapshots (
     board_id TEXT PRIMARY KEY,
     snapshot BLOB NOT NULL,
     through_seq INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE board_updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     board_id TEXT NOT NULL,
     data BLOB NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX board_updates_by_board ON board_updates (board_id, seq);`,
  `CREATE TABLE boards (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     template TEXT,
     organisations TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE board_tokens (
     board_id TEXT NOT NULL,
     role TEXT NOT NULL,
     hash TEXT NOT NULL,
     PRIMARY KEY (board_id, role)
   );
   CREATE TABLE board_assets (
     board_id TEXT NOT NULL,
     id TEXT NOT NULL,
     mime_type TEXT NOT NULL,
     file_name TEXT NOT NULL,
     size INTEGER NOT NULL,
     data BLOB NOT NULL,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (board_id, id)
   );`,
  SIGNING_AND_VERSIONS_MIGRATION,
  SEALED_MIGRATION,
  AUDIT_MIGRATION,
  COUNTERS_MIGRATION,
]

export const SQLITE_FILE_NAME = 'stip.sqlite'

/**
 * The embedded default store: one SQLite file in WAL mode. better-sqlite3 is synchronous;
 * the async interface exists for Postgres. synchronous=NORMAL in WAL mode survives a crash
 * of the process (kill -9) without losing committed transactions; only a power loss can
 * drop the last commits before a checkpoint.
 */
export function openSqliteBoardStore(dataDir: string): BoardStore {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, SQLITE_FILE_NAME))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  migrate(db)

  const selectSnapshot = db.prepare<[string], { snapshot: Buffer; through_seq: number }>(
    'SELECT snapshot, through_seq FROM board_snapshots WHERE board_id = ?',
  )
  const selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM board_updates WHERE board_id = ? ORDER BY seq',
  )
  const insertUpdate = db.prepare<[string, Uint8Array, number]>(
    'INSERT INTO board_updates (board_id, data, created_at) VALUES (?, ?, ?)',
  )
  const upsertSnapshot = db.prepare<[string, Uint8Array, number, number]>(
    `INSERT INTO board_snapshots (board_id, snapshot, through_seq, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (board_id) DO UPDATE SET snapshot = excluded.snapshot,
       through_seq = excluded.through_seq, updated_at = excluded.updated_at
     WHERE excluded.through_seq >= board_snapshots.through_seq`,
  )
  const deleteUpdatesThrough = db.prepare<[string, number]>(
    'DELETE FROM board_updates WHERE board_id = ? AND seq <= ?',
  )
  const selectLogStats = db.prepare<[string], { updates: number; bytes: number | null }>(
    'SELECT COUNT(*) AS updates, SUM(LENGTH(data)) AS bytes FROM board_updates WHERE board_id = ?',
  )
  const insertBoard = db.prepare<[string, string, string | null, string, number]>(
    'INSERT INTO boards (id, title, template, organisations, created_at) VALUES (?, ?, ?, ?, ?)',
  )
  const selectBoard = db.prepare<
    [string],
    {
      id: string
      title: string
      template: string | null
      organisations: string
      created_at: number
    }
  >('SELECT id, title, template, organisations, created_at FROM boards WHERE id = ?')
  const upsertToken = db.prepare<[string, string, string]>(
    `INSERT INTO board_tokens (board_id, role, hash) VALUES (?, ?, ?)
     ON CONFLICT (board_id, role) DO UPDATE SET hash = excluded.hash`,
  )
  const selectTokens = db.prepare<[string], TokenRecord>(
    'SELECT role, hash FROM board_tokens WHERE board_id = ? ORDER BY role',
  )
  const insertAsset = db.prepare<[string, string, string, string, number, Uint8Array, number]>(
    `INSERT INTO board_assets (board_id, id, mime_type, file_name, size, data, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const selectAsset = db.prepare<
    [string, string],
    { mime_type: string; file_name: string; size: number; data: Buffer; created_at: number }
  >(
    'SELECT mime_type, file_name, size, data, created_at FROM board_assets WHERE board_id = ? AND id = ?',
  )
  const selectAssets = db.prepare<
    [string],
    { id: string; mime_type: string; file_name: string; size: number; created_at: number }
  >(
    'SELECT id, mime_type, file_name, size, created_at FROM board_assets WHERE board_id = ? ORDER BY created_at, id',
  )
  const deleteEverything = [
    'board_snapshots',
    'board_updates',
    'board_tokens',
    'board_assets',
    ...SIGNING_AND_VERSIONS_TABLES,
    ...SEALED_TABLES,
    ...AUDIT_TABLES,
    ...COUNTERS_TABLES,
  ]
    .map((table) => db.prepare<[string]>(`DELETE FROM ${table} WHERE board_id = ?`))
    .concat(db.prepare<[string]>('DELETE FROM boards WHERE id = ?'))

  const appendBatch = db.transaction((batch: ReadonlyMap<string, Uint8Array[]>) => {
    const now = Date.now()
    const lastSeqs = new Map<string, number>()
    for (const [boardId, updates] of batch) {
      for (const update of updates) {
        lastSeqs.set(boardId, Number(insertUpdate.run(boardId, update, now).lastInsertRowid))
      }
    }
    return lastSeqs
  })
  const compact = db.transaction((boardId: string, snapshot: Uint8Array, throughSeq: number) => {
    upsertSnapshot.run(boardId, snapshot, throughSeq, Date.now())
    deleteUpdatesThrough.run(boardId, throughSeq)
  })
  const load = db.transaction((boardId: string): StoredBoard => {
    const snapshotRow = selectSnapshot.get(boardId)
    const rows = selectUpdates.all(boardId)
    return {
      snapshot: snapshotRow ? new Uint8Array(snapshotRow.snapshot) : null,
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastSeq: Math.max(rows.at(-1)?.seq ?? 0, snapshotRow?.through_seq ?? 0),
    }
  })
  const remove = db.transaction((boardId: string) => {
    for (const statement of deleteEverything) statement.run(boardId)
  })
  const create = db.transaction((board: BoardRecord, tokens: TokenRecord[]) => {
    insertBoard.run(
      board.id,
      board.title,
      board.template,
      JSON.stringify(board.organisations),
      board.createdAt,
    )
    for (const token of tokens) upsertToken.run(board.id, token.role, token.hash)
  })

  return {
    kind: 'sqlite',
    ...sqliteSigningAndVersions(db),
    ...sqliteSealed(db),
    ...sqliteAudit(db),
    ...sqliteCounters(db),
    async loadBoard(boardId) {
      return load(boardId)
    },
    async appendUpdates(boardId, updates) {
      return appendBatch(new Map([[boardId, updates]])).get(boardId) ?? 0
    },
    async appendBatch(batch) {
      return appendBatch(batch)
    },
    async compactBoard(boardId, snapshot, throughSeq) {
      compact(boardId, snapshot, throughSeq)
    },
    async logStats(boardId) {
      const row = selectLogStats.get(boardId)
      return { updates: row?.updates ?? 0, bytes: row?.bytes ?? 0 }
    },
    async createBoard(board, tokens) {
      create(board, tokens)
    },
    async getBoard(boardId) {
      const row = selectBoard.get(boardId)
      if (!row) return null
      return {
        id: row.id,
        title: row.title,
        template: row.template as BoardRecord['template'],
        organisations: JSON.parse(row.organisations),
        createdAt: row.created_at,
      }
    },
    async listTokens(boardId) {
      return selectTokens.all(boardId)
    },
    async replaceToken(boardId, token) {
      upsertToken.run(boardId, token.role, token.hash)
    },
    async putAsset(asset, data) {
      insertAsset.run(
        asset.boardId,
        asset.id,
        asset.mimeType,
        asset.fileName,
        asset.size,
        data,
        asset.createdAt,
      )
    },
    async getAsset(boardId, assetId) {
      const row = selectAsset.get(boardId, assetId)
      if (!row) return null
      const asset: AssetRecord = {
        id: assetId,
        boardId,
        mimeType: row.mime_type,
        fileName: row.file_name,
        size: row.size,
        createdAt: row.created_at,
      }
      return { asset, data: new Uint8Array(row.data) }
    },
    async listAssets(boardId) {
      return selectAssets.all(boardId).map((row) => ({
        id: row.id,
        boardId,
        mimeType: row.mime_type,
        fileName: row.file_name,
        size: row.size,
        createdAt: row.created_at,
      }))
    },
    async deleteBoard(boardId) {
      remove(boardId)
    },
    async ping() {
      db.prepare('SELECT 1').get()
    },
    async close() {
      if (db.open) db.close()
    },
  }
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!)
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}
