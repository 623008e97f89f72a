import type pg from 'pg'
import type { BoardStore } from './board-store'

/** Migration 6 of the Postgres store: per-board counters (amendment numbers). */
export const COUNTERS_MIGRATION = `CREATE TABLE stip_board_counters (
     board_id TEXT NOT NULL,
     name TEXT NOT NULL,
     value BIGINT NOT NULL,
     PRIMARY KEY (board_id, name)
   );`

/** The tables deleteBoard must clear for these records. */
export const COUNTERS_TABLES = ['stip_board_counters'] as const

/**
 * The Postgres side of the board counters. INSERT … ON CONFLICT DO UPDATE takes the row's lock,
 * so instances asking at the same moment queue on it and each gets its own number.
 */
export function postgresCounters(pool: pg.Pool): Pick<BoardStore, 'nextAmendmentNumber'> {
  return {
    async nextAmendmentNumber(boardId, atLeast) {
      const result = await pool.query<{ value: string }>(
        `INSERT INTO stip_board_counters (board_id, name, value) VALUES ($1, $2, $3::bigint + 1)
         ON CONFLICT (board_id, name) DO UPDATE
           SET value = GREATEST(stip_board_counters.value, EXCLUDED.value - 1) + 1
         RETURNING value`,
        [boardId, 'amendment', atLeast],
      )
      return Number(result.rows[0]!.value)
    },
  }
}
