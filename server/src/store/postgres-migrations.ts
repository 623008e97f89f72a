import type pg from 'pg'
import { AUDIT_MIGRATION } from './postgres-audit'
import { COUNTERS_MIGRATION } from './postgres-counters'
import { SEALED_MIGRATION } from './postgres-sealed'
import { SIGNING_AND_VERSIONS_MIGRATION } from './postgres-signing-and-versions'

/** Schema migrations, applied in order under an advisory lock so instances may start together. */
const MIGRATIONS = [
  `CREATE TABLE stip_board_snapshots (
     board_id TEXT PRIMARY KEY,
     snapshot BYTEA NOT NULL,
     through_seq BIGINT NOT NULL,
     updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );
   CREATE TABLE stip_board_updates (
     seq BIGSERIAL PRIMARY KEY,
     board_id TEXT NOT NULL,
     data BYTEA NOT NULL,
     created_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );
   CREATE INDEX stip_board_updates_by_board ON stip_board_updates (board_id, seq);`,
  `CREATE TABLE stip_boards (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     template TEXT,
     organisations JSONB NOT NULL,
     created_at BIGINT NOT NULL
   );
   CREATE TABLE stip_board_tokens (
     board_id TEXT NOT NULL,
     role TEXT NOT NULL,
     hash TEXT NOT NULL,
     PRIMARY KEY (board_id, role)
   );
   CREATE TABLE stip_board_assets (
     board_id TEXT NOT NULL,
     id TEXT NOT NULL,
     mime_type TEXT NOT NULL,
     file_name TEXT NOT NULL,
     size INTEGER NOT NULL,
     data BYTEA NOT NULL,
     created_at BIGINT NOT NULL,
     PRIMARY KEY (board_id, id)
   );`,
  SIGNING_AND_VERSIONS_MIGRATION,
  SEALED_MIGRATION,
  AUDIT_MIGRATION,
  COUNTERS_MIGRATION,
]

/** How many migrations there are: the schema version of an up-to-date database. */
export const POSTGRES_MIGRATIONS = MIGRATIONS.length

/** Arbitrary constant naming Stip's migration lock among the database's advisory locks. */
const MIGRATION_LOCK = 4_240_2040

/**
 * Brings the database to the newest schema. Runs in one transaction under an advisory lock, so
 * several instances starting together migrate once.
 */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query('CREATE TABLE IF NOT EXISTS stip_schema_version (version INTEGER NOT NULL)')
    const row = await client.query<{ version: number }>('SELECT version FROM stip_schema_version')
    const current = row.rows[0]?.version ?? 0
    for (let version = current; version < MIGRATIONS.length; version++) {
      await client.query(MIGRATIONS[version]!)
    }
    await client.query('DELETE FROM stip_schema_version')
    await client.query('INSERT INTO stip_schema_version (version) VALUES ($1)', [MIGRATIONS.length])
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}
