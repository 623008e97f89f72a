import type Database from 'better-sqlite3'
import type { BoardStore, SigningTokenRecord, VersionRecord } from './board-store'

/** Migration 3 of the SQLite store: signing links and named versions. */
export const SIGNING_AND_VERSIONS_MIGRATION = `CREATE TABLE board_signing_tokens (
     board_id TEXT NOT NULL,
     organisation_id TEXT NOT NULL,
     hash TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (board_id, organisation_id)
   );
   CREATE TABLE board_versions (
     board_id TEXT NOT NULL,
     id TEXT NOT NULL,
     name TEXT NOT NULL,
     author_name TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     snapshot BLOB NOT NULL,
     manifesto_hash TEXT,
     PRIMARY KEY (board_id, id)
   );
   CREATE INDEX board_versions_by_time ON board_versions (board_id, created_at);`

/** The tables deleteBoard must clear besides the original ones. */
export const SIGNING_AND_VERSIONS_TABLES = ['board_signing_tokens', 'board_versions'] as const

type SigningAndVersions = Pick<
  BoardStore,
  'listSigningTokens' | 'replaceSigningToken' | 'putVersion' | 'listVersions' | 'getVersion'
>

interface VersionRow {
  id: string
  name: string
  author_name: string
  created_at: number
  manifesto_hash: string | null
}

/** The SQLite side of signing links and versions, kept apart so the store file stays short. */
export function sqliteSigningAndVersions(db: Database.Database): SigningAndVersions {
  const selectSigning = db.prepare<
    [string],
    { organisation_id: string; hash: string; created_at: number }
  >(
    'SELECT organisation_id, hash, created_at FROM board_signing_tokens WHERE board_id = ? ORDER BY organisation_id',
  )
  const upsertSigning = db.prepare<[string, string, string, number]>(
    `INSERT INTO board_signing_tokens (board_id, organisation_id, hash, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (board_id, organisation_id) DO UPDATE SET hash = excluded.hash,
       created_at = excluded.created_at`,
  )
  const insertVersion = db.prepare<
    [string, string, string, string, number, Uint8Array, string | null]
  >(
    `INSERT INTO board_versions (board_id, id, name, author_name, created_at, snapshot, manifesto_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const selectVersions = db.prepare<[string], VersionRow>(
    `SELECT id, name, author_name, created_at, manifesto_hash FROM board_versions
     WHERE board_id = ? ORDER BY created_at DESC, rowid DESC`,
  )
  const selectVersion = db.prepare<[string, string], VersionRow & { snapshot: Buffer }>(
    `SELECT id, name, author_name, created_at, manifesto_hash, snapshot FROM board_versions
     WHERE board_id = ? AND id = ?`,
  )
  const toVersion = (boardId: string, row: VersionRow): VersionRecord => ({
    id: row.id,
    boardId,
    name: row.name,
    authorName: row.author_name,
    createdAt: row.created_at,
    manifestoHash: row.manifesto_hash,
  })

  return {
    async listSigningTokens(boardId) {
      return selectSigning.all(boardId).map(
        (row): SigningTokenRecord => ({
          organisationId: row.organisation_id,
          hash: row.hash,
          createdAt: row.created_at,
        }),
      )
    },
    async replaceSigningToken(boardId, token) {
      upsertSigning.run(boardId, token.organisationId, token.hash, token.createdAt)
    },
    async putVersion(version, snapshot) {
      insertVersion.run(
        version.boardId,
        version.id,
        version.name,
        version.authorName,
        version.createdAt,
        snapshot,
        version.manifestoHash,
      )
    },
    async listVersions(boardId) {
      return selectVersions.all(boardId).map((row) => toVersion(boardId, row))
    },
    async getVersion(boardId, versionId) {
      const row = selectVersion.get(boardId, versionId)
      if (!row) return null
      return { version: toVersion(boardId, row), snapshot: new Uint8Array(row.snapshot) }
    },
  }
}
