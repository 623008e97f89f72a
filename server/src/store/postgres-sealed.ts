import type pg from 'pg'
import type { BallotRecord, BoardStore, SealedNoteRecord } from './board-store'

/** Migration 4 of the Postgres store: ballots and silent-round notes, kept until revealed. */
export const SEALED_MIGRATION = `CREATE TABLE stip_board_ballots (
     board_id TEXT NOT NULL,
     vote_id TEXT NOT NULL,
     voter_hash TEXT NOT NULL,
     organisation TEXT NOT NULL,
     dots JSONB NOT NULL,
     updated_at BIGINT NOT NULL,
     PRIMARY KEY (board_id, vote_id, voter_hash)
   );
   CREATE TABLE stip_board_sealed_notes (
     board_id TEXT NOT NULL,
     note_id TEXT NOT NULL,
     round_id TEXT NOT NULL,
     author_hash TEXT NOT NULL,
     record TEXT NOT NULL,
     updated_at BIGINT NOT NULL,
     PRIMARY KEY (board_id, note_id)
   );
   CREATE INDEX stip_board_sealed_notes_by_round ON stip_board_sealed_notes (board_id, round_id);`

/** The tables deleteBoard must clear for these records. */
export const SEALED_TABLES = ['stip_board_ballots', 'stip_board_sealed_notes'] as const

type Sealed = Pick<
  BoardStore,
  | 'putBallot'
  | 'getBallot'
  | 'listBallots'
  | 'putSealedNote'
  | 'deleteSealedNote'
  | 'listSealedNotes'
  | 'deleteSealedNotes'
>

interface BallotRow {
  vote_id: string
  voter_hash: string
  organisation: string
  dots: string[]
  updated_at: string
}

interface SealedNoteRow {
  round_id: string
  author_hash: string
  note_id: string
  record: string
  updated_at: string
}

const toBallot = (boardId: string, row: BallotRow): BallotRecord => ({
  boardId,
  voteId: row.vote_id,
  voterHash: row.voter_hash,
  organisation: row.organisation,
  dots: row.dots,
  updatedAt: Number(row.updated_at),
})

const toSealedNote = (boardId: string, row: SealedNoteRow): SealedNoteRecord => ({
  boardId,
  roundId: row.round_id,
  authorHash: row.author_hash,
  noteId: row.note_id,
  record: row.record,
  updatedAt: Number(row.updated_at),
})

/** The Postgres side of ballots and sealed notes. */
export function postgresSealed(pool: pg.Pool): Sealed {
  return {
    async putBallot(ballot) {
      await pool.query(
        `INSERT INTO stip_board_ballots (board_id, vote_id, voter_hash, organisation, dots, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (board_id, vote_id, voter_hash) DO UPDATE SET organisation = excluded.organisation,
           dots = excluded.dots, updated_at = excluded.updated_at`,
        [
          ballot.boardId,
          ballot.voteId,
          ballot.voterHash,
          ballot.organisation,
          JSON.stringify(ballot.dots),
          ballot.updatedAt,
        ],
      )
    },
    async getBallot(boardId, voteId, voterHash) {
      const result = await pool.query<BallotRow>(
        'SELECT * FROM stip_board_ballots WHERE board_id = $1 AND vote_id = $2 AND voter_hash = $3',
        [boardId, voteId, voterHash],
      )
      const row = result.rows[0]
      return row ? toBallot(boardId, row) : null
    },
    async listBallots(boardId, voteId) {
      const result = await pool.query<BallotRow>(
        'SELECT * FROM stip_board_ballots WHERE board_id = $1 AND vote_id = $2 ORDER BY updated_at',
        [boardId, voteId],
      )
      return result.rows.map((row) => toBallot(boardId, row))
    },
    async putSealedNote(note) {
      // One statement: the update applies only when the note is this author's (or new).
      const result = await pool.query(
        `INSERT INTO stip_board_sealed_notes (board_id, note_id, round_id, author_hash, record, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (board_id, note_id) DO UPDATE SET round_id = excluded.round_id,
           record = excluded.record, updated_at = excluded.updated_at
         WHERE stip_board_sealed_notes.author_hash = excluded.author_hash`,
        [note.boardId, note.noteId, note.roundId, note.authorHash, note.record, note.updatedAt],
      )
      return result.rowCount === 1 ? 'stored' : 'taken'
    },
    async deleteSealedNote(boardId, noteId, authorHash) {
      await pool.query(
        'DELETE FROM stip_board_sealed_notes WHERE board_id = $1 AND note_id = $2 AND author_hash = $3',
        [boardId, noteId, authorHash],
      )
    },
    async listSealedNotes(boardId, roundId, authorHash) {
      const result =
        authorHash === undefined
          ? await pool.query<SealedNoteRow>(
              `SELECT * FROM stip_board_sealed_notes WHERE board_id = $1 AND round_id = $2
               ORDER BY updated_at, note_id`,
              [boardId, roundId],
            )
          : await pool.query<SealedNoteRow>(
              `SELECT * FROM stip_board_sealed_notes
               WHERE board_id = $1 AND round_id = $2 AND author_hash = $3 ORDER BY updated_at, note_id`,
              [boardId, roundId, authorHash],
            )
      return result.rows.map((row) => toSealedNote(boardId, row))
    },
    async deleteSealedNotes(boardId, roundId) {
      await pool.query(
        'DELETE FROM stip_board_sealed_notes WHERE board_id = $1 AND round_id = $2',
        [boardId, roundId],
      )
    },
  }
}
