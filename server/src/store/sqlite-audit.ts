import type Database from 'better-sqlite3'
import type { AuditAndRetention, AuditEntry, BoardSummary } from './audit-records'

/** Migration 5 of the SQLite store: the audit log and when each board was last opened. */
export const AUDIT_MIGRATION = `CREATE TABLE board_audit (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     board_id TEXT NOT NULL,
     at INTEGER NOT NULL,
     act TEXT NOT NULL,
     role TEXT NOT NULL,
     organisation TEXT,
     participant TEXT,
     detail TEXT NOT NULL
   );
   CREATE INDEX board_audit_by_board ON board_audit (board_id, seq);
   ALTER TABLE boards ADD COLUMN last_opened_at INTEGER;`

/** The tables deleteBoard must clear for these records. */
export const AUDIT_TABLES = ['board_audit'] as const

interface AuditRow {
  at: number
  act: string
  role: string
  organisation: string | null
  participant: string | null
  detail: string
}

/** The SQLite side of the audit log and retention. */
export function sqliteAudit(db: Database.Database): AuditAndRetention {
  const insert = db.prepare<[string, number, string, string, string | null, string | null, string]>(
    `INSERT INTO board_audit (board_id, at, act, role, organisation, participant, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const select = db.prepare<[string], AuditRow>(
    `SELECT at, act, role, organisation, participant, detail FROM board_audit
     WHERE board_id = ? ORDER BY at, seq`,
  )
  const markOpened = db.prepare<[{ at: number; id: string }]>(
    'UPDATE boards SET last_opened_at = @at WHERE id = @id AND (last_opened_at IS NULL OR last_opened_at < @at)',
  )
  const summarySql = `SELECT b.id, b.title, b.created_at, b.last_opened_at,
       COALESCE((SELECT LENGTH(snapshot) FROM board_snapshots WHERE board_id = b.id), 0)
       + COALESCE((SELECT SUM(LENGTH(data)) FROM board_updates WHERE board_id = b.id), 0)
       + COALESCE((SELECT SUM(size) FROM board_assets WHERE board_id = b.id), 0)
       + COALESCE((SELECT SUM(LENGTH(snapshot)) FROM board_versions WHERE board_id = b.id), 0)
       AS bytes
     FROM boards b`
  type SummaryRow = {
    id: string
    title: string
    created_at: number
    last_opened_at: number | null
    bytes: number
  }
  const listBoards = db.prepare<[], SummaryRow>(`${summarySql} ORDER BY b.created_at, b.id`)
  const oneBoard = db.prepare<[string], SummaryRow>(`${summarySql} WHERE b.id = ?`)
  const toSummary = (row: SummaryRow): BoardSummary => ({
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    lastOpenedAt: row.last_opened_at,
    bytes: row.bytes,
  })
  const idle = db.prepare<[number], { id: string }>(
    'SELECT id FROM boards WHERE COALESCE(last_opened_at, created_at) < ? ORDER BY created_at',
  )

  return {
    async appendAudit(entry) {
      insert.run(
        entry.boardId,
        entry.at,
        entry.act,
        entry.role,
        entry.organisation,
        entry.participant,
        JSON.stringify(entry.detail),
      )
    },
    async listAudit(boardId) {
      return select.all(boardId).map(
        (row): AuditEntry => ({
          at: row.at,
          boardId,
          act: row.act as AuditEntry['act'],
          role: row.role as AuditEntry['role'],
          organisation: row.organisation,
          participant: row.participant,
          detail: JSON.parse(row.detail),
        }),
      )
    },
    async markOpened(boardId, at) {
      markOpened.run({ at, id: boardId })
    },
    async listBoards() {
      return listBoards.all().map(toSummary)
    },
    async boardSummary(boardId) {
      const row = oneBoard.get(boardId)
      return row ? toSummary(row) : null
    },
    async boardsIdleSince(cutoff) {
      return idle.all(cutoff).map((row) => row.id)
    },
  }
}
