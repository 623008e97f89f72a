import type Database from 'better-sqlite3'
import type { BoardStore } from './board-store'

/** Migration 6 of the SQLite store: per-board counters (amendment numbers). */
export const COUNTERS_MIGRATION = `CREATE TABLE board_counters (
     board_id TEXT NOT NULL,
     name TEXT NOT NULL,
     value INTEGER NOT NULL,
     PRIMARY KEY (board_id, name)
   );`

/** The tables deleteBoard must clear for these records. */
export const COUNTERS_TABLES = ['board_counters'] as const

/** The SQLite side of the board counters: one statement, so one atomic step. */
export function sqliteCounters(db: Database.Database): Pick<BoardStore, 'nextAmendmentNumber'> {
  const next = db.prepare<[string, string, number], { value: number }>(
    `INSERT INTO board_counters (board_id, name, value) VALUES (?, ?, ? + 1)
     ON CONFLICT (board_id, name) DO UPDATE
       SET value = MAX(board_counters.value, excluded.value - 1) + 1
     RETURNING value`,
  )
  return {
    async nextAmendmentNumber(boardId, atLeast) {
      return next.get(boardId, 'amendment', atLeast)!.value
    },
  }
}
