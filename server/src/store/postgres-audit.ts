import type pg from 'pg'
import type { AuditAndRetention, AuditEntry, BoardSummary } from './audit-records'

/** Migration 5 of the Postgres store: the audit log and when each board was last opened. */
export const AUDIT_MIGRATION = `CREATE TABLE stip_board_audit (
     seq BIGSERIAL PRIMARY KEY,
     board_id TEXT NOT NULL,
     at BIGINT NOT NULL,
     act TEXT NOT NULL,
     role TEXT NOT NULL,
     organisation TEXT,
     participant TEXT,
     detail JSONB NOT NULL
   );
   CREATE INDEX stip_board_audit_by_board ON stip_board_audit (board_id, seq);
   ALTER TABLE stip_boards ADD COLUMN last_opened_at BIGINT;`

/** The tables deleteBoard must clear for these records. */
export const AUDIT_TABLES = ['stip_board_audit'] as const

const SUMMARY_SQL = `SELECT b.id, b.title, b.created_at, b.last_opened_at,
   COALESCE((SELECT LENGTH(snapshot) FROM stip_board_snapshots WHERE board_id = b.id), 0)
   + COALESCE((SELECT SUM(LENGTH(data)) FROM stip_board_updates WHERE board_id = b.id), 0)
   + COALESCE((SELECT SUM(size) FROM stip_board_assets WHERE board_id = b.id), 0)
   + COALESCE((SELECT SUM(LENGTH(snapshot)) FROM stip_board_versions WHERE board_id = b.id), 0)
   AS bytes
 FROM stip_boards b`

interface SummaryRow {
  id: string
  title: string
  created_at: string
  last_opened_at: string | null
  bytes: string
}

const toSummary = (row: SummaryRow): BoardSummary => ({
  id: row.id,
  title: row.title,
  createdAt: Number(row.created_at),
  lastOpenedAt: row.last_opened_at === null ? null : Number(row.last_opened_at),
  bytes: Number(row.bytes),
})

/** The Postgres side of the audit log and retention. */
export function postgresAudit(pool: pg.Pool): AuditAndRetention {
  return {
    async appendAudit(entry) {
      await pool.query(
        `INSERT INTO stip_board_audit (board_id, at, act, role, organisation, participant, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          entry.boardId,
          entry.at,
          entry.act,
          entry.role,
          entry.organisation,
          entry.participant,
          JSON.stringify(entry.detail),
        ],
      )
    },
    async listAudit(boardId) {
      const result = await pool.query<{
        at: string
        act: string
        role: string
        organisation: string | null
        participant: string | null
        detail: Record<string, unknown>
      }>(
        `SELECT at, act, role, organisation, participant, detail FROM stip_board_audit
         WHERE board_id = $1 ORDER BY at, seq`,
        [boardId],
      )
      return result.rows.map(
        (row): AuditEntry => ({
          at: Number(row.at),
          boardId,
          act: row.act as AuditEntry['act'],
          role: row.role as AuditEntry['role'],
          organisation: row.organisation,
          participant: row.participant,
          detail: row.detail,
        }),
      )
    },
    async markOpened(boardId, at) {
      await pool.query(
        `UPDATE stip_boards SET last_opened_at = $1
         WHERE id = $2 AND (last_opened_at IS NULL OR last_opened_at < $1)`,
        [at, boardId],
      )
    },
    async listBoards() {
      const result = await pool.query<SummaryRow>(`${SUMMARY_SQL} ORDER BY b.created_at, b.id`)
      return result.rows.map(toSummary)
    },
    async boardSummary(boardId) {
      const result = await pool.query<SummaryRow>(`${SUMMARY_SQL} WHERE b.id = $1`, [boardId])
      return result.rows[0] ? toSummary(result.rows[0]) : null
    },
    async boardsIdleSince(cutoff) {
      const result = await pool.query<{ id: string }>(
        'SELECT id FROM stip_boards WHERE COALESCE(last_opened_at, created_at) < $1 ORDER BY created_at',
        [cutoff],
      )
      return result.rows.map((row) => row.id)
    },
  }
}
