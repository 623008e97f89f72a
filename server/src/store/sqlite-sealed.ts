import type Database from 'better-sqlite3'
import type { BallotRecord, BoardStore, SealedNoteRecord } from './board-store'

/** Migration 4 of the SQLite store: ballots and silent-round notes, kept until revealed. */
export const SEALED_MIGRATION = `CREATE TABLE board_ballots (
     board_id TEXT NOT NULL,
     vote_id TEXT NOT NULL,
     voter_hash TEXT NOT NULL,
     organisation TEXT NOT NULL,
     dots TEXT NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (board_id, vote_id, voter_hash)
   );
   CREATE TABLE board_sealed_notes (
     board_id TEXT NOT NULL,
     note_id TEXT NOT NULL,
     round_id TEXT NOT NULL,
     author_hash TEXT NOT NULL,
     record TEXT NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (board_id, note_id)
   );
   CREATE INDEX board_sealed_notes_by_round ON board_sealed_notes (board_id, round_id);`

/** The tables deleteBoard must clear for these records. */
export const SEALED_TABLES = ['board_ballots', 'board_sealed_notes'] as const

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
  dots: string
  updated_at: number
}

interface SealedNoteRow {
  round_id: string
  author_hash: string
  note_id: string
  record: string
  updated_at: number
}

const toBallot = (boardId: string, row: BallotRow): BallotRecord => ({
  boardId,
  voteId: row.vote_id,
  voterHash: row.voter_hash,
  organisation: row.organisation,
  dots: JSON.parse(row.dots) as string[],
  updatedAt: row.updated_at,
})

const toSealedNote = (boardId: string, row: SealedNoteRow): SealedNoteRecord => ({
  boardId,
  roundId: row.round_id,
  authorHash: row.author_hash,
  noteId: row.note_id,
  record: row.record,
  updatedAt: row.updated_at,
})

/** The SQLite side of ballots and sealed notes. */
export function sqliteSealed(db: Database.Database): Sealed {
  const upsertBallot = db.prepare<[string, string, string, string, string, number]>(
    `INSERT INTO board_ballots (board_id, vote_id, voter_hash, organisation, dots, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (board_id, vote_id, voter_hash) DO UPDATE SET organisation = excluded.organisation,
       dots = excluded.dots, updated_at = excluded.updated_at`,
  )
  const selectBallot = db.prepare<[string, string, string], BallotRow>(
    'SELECT * FROM board_ballots WHERE board_id = ? AND vote_id = ? AND voter_hash = ?',
  )
  const selectBallots = db.prepare<[string, string], BallotRow>(
    'SELECT * FROM board_ballots WHERE board_id = ? AND vote_id = ? ORDER BY updated_at',
  )
  const selectNoteAuthor = db.prepare<[string, string], { author_hash: string }>(
    'SELECT author_hash FROM board_sealed_notes WHERE board_id = ? AND note_id = ?',
  )
  const upsertNote = db.prepare<[string, string, string, string, string, number]>(
    `INSERT INTO board_sealed_notes (board_id, note_id, round_id, author_hash, record, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (board_id, note_id) DO UPDATE SET round_id = excluded.round_id,
       record = excluded.record, updated_at = excluded.updated_at`,
  )
  const deleteNote = db.prepare<[string, string, string]>(
    'DELETE FROM board_sealed_notes WHERE board_id = ? AND note_id = ? AND author_hash = ?',
  )
  const selectRound = db.prepare<[string, string], SealedNoteRow>(
    'SELECT * FROM board_sealed_notes WHERE board_id = ? AND round_id = ? ORDER BY updated_at, note_id',
  )
  const selectRoundOf = db.prepare<[string, string, string], SealedNoteRow>(
    `SELECT * FROM board_sealed_notes WHERE board_id = ? AND round_id = ? AND author_hash = ?
     ORDER BY updated_at, note_id`,
  )
  const deleteRound = db.prepare<[string, string]>(
    'DELETE FROM board_sealed_notes WHERE board_id = ? AND round_id = ?',
  )
  const putNote = db.transaction((note: SealedNoteRecord): 'stored' | 'taken' => {
    const owner = selectNoteAuthor.get(note.boardId, note.noteId)
    if (owner && owner.author_hash !== note.authorHash) return 'taken'
    upsertNote.run(
      note.boardId,
      note.noteId,
      note.roundId,
      note.authorHash,
      note.record,
      note.updatedAt,
    )
    return 'stored'
  })

  return {
    async putBallot(ballot) {
      upsertBallot.run(
        ballot.boardId,
        ballot.voteId,
        ballot.voterHash,
        ballot.organisation,
        JSON.stringify(ballot.dots),
        ballot.updatedAt,
      )
    },
    async getBallot(boardId, voteId, voterHash) {
      const row = selectBallot.get(boardId, voteId, voterHash)
      return row ? toBallot(boardId, row) : null
    },
    async listBallots(boardId, voteId) {
      return selectBallots.all(boardId, voteId).map((row) => toBallot(boardId, row))
    },
    async putSealedNote(note) {
      return putNote(note)
    },
    async deleteSealedNote(boardId, noteId, authorHash) {
      deleteNote.run(boardId, noteId, authorHash)
    },
    async listSealedNotes(boardId, roundId, authorHash) {
      const rows =
        authorHash === undefined
          ? selectRound.all(boardId, roundId)
          : selectRoundOf.all(boardId, roundId, authorHash)
      return rows.map((row) => toSealedNote(boardId, row))
    },
    async deleteSealedNotes(boardId, roundId) {
      deleteRound.run(boardId, roundId)
    },
  }
}
