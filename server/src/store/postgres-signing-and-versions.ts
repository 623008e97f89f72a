import type pg from 'pg'
import type { BoardStore, VersionRecord } from './board-store'

/** Migration 3 of the Postgres store: signing links and named versions. */
export const SIGNING_AND_VERSIONS_MIGRATION = `CREATE TABLE stip_board_signing_tokens (
     board_id TEXT NOT NULL,
     organisation_id TEXT NOT NULL,
     hash TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     PRIMARY KEY (board_id, organisation_id)
   );
   CREATE TABLE stip_board_versions (
     seq BIGSERIAL,
     board_id TEXT NOT NULL,
     id TEXT NOT NULL,
     name TEXT NOT NULL,
     author_name TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     snapshot BYTEA NOT NULL,
     manifesto_hash TEXT,
     PRIMARY KEY (board_id, id)
   );
   CREATE INDEX stip_board_versions_by_time ON stip_board_versions (board_id, created_at);`

/** The tables deleteBoard must clear besides the original ones. */
export const SIGNING_AND_VERSIONS_TABLES = [
  'stip_board_signing_tokens',
  'stip_board_versions',
] as const

type SigningAndVersions = Pick<
  BoardStore,
  'listSigningTokens' | 'replaceSigningToken' | 'putVersion' | 'listVersions' | 'getVersion'
>

interface VersionRow {
  id: string
  name: string
  author_name: string
  created_at: string
  manifesto_hash: string | null
}

const toVersion = (boardId: string, row: VersionRow): VersionRecord => ({
  id: row.id,
  boardId,
  name: row.name,
  authorName: row.author_name,
  createdAt: Number(row.created_at),
  manifestoHash: row.manifesto_hash,
})

/** The Postgres side of signing links and versions, kept apart so the store file stays short. */
export function postgresSigningAndVersions(pool: pg.Pool): SigningAndVersions {
  return {
    async listSigningTokens(boardId) {
      const result = await pool.query<{
        organisation_id: string
        hash: string
        created_at: string
      }>(
        `SELECT organisation_id, hash, created_at FROM stip_board_signing_tokens
         WHERE board_id = $1 ORDER BY organisation_id`,
        [boardId],
      )
      return result.rows.map((row) => ({
        organisationId: row.organisation_id,
        hash: row.hash,
        createdAt: Number(row.created_at),
      }))
    },

    async replaceSigningToken(boardId, token) {
      await pool.query(
        `INSERT INTO stip_board_signing_tokens (board_id, organisation_id, hash, created_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (board_id, organisation_id) DO UPDATE SET hash = excluded.hash,
           created_at = excluded.created_at`,
        [boardId, token.organisationId, token.hash, token.createdAt],
      )
    },

    async putVersion(version, snapshot) {
      await pool.query(
        `INSERT INTO stip_board_versions
           (board_id, id, name, author_name, created_at, snapshot, manifesto_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          version.boardId,
          version.id,
          version.name,
          version.authorName,
          version.createdAt,
          Buffer.from(snapshot),
          version.manifestoHash,
        ],
      )
    },

    async listVersions(boardId) {
      const result = await pool.query<VersionRow>(
        `SELECT id, name, author_name, created_at, manifesto_hash FROM stip_board_versions
         WHERE board_id = $1 ORDER BY created_at DESC, seq DESC`,
        [boardId],
      )
      return result.rows.map((row) => toVersion(boardId, row))
    },

    async getVersion(boardId, versionId) {
      const result = await pool.query<VersionRow & { snapshot: Buffer }>(
        `SELECT id, name, author_name, created_at, manifesto_hash, snapshot
         FROM stip_board_versions WHERE board_id = $1 AND id = $2`,
        [boardId, versionId],
      )
      const row = result.rows[0]
      if (!row) return null
      return { version: toVersion(boardId, row), snapshot: new Uint8Array(row.snapshot) }
    },
  }
}
