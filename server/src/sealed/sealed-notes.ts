import { getRecordsArray } from '@stip/board/doc-layout'
import { encodeStoredRecord } from '@stip/board/record-container'
import { createBoardSchema } from '@stip/templates'
import { httpError } from '../http/http-error'
import type { BoardStore } from '../store/board-store'
import type { RoomRegistry } from '../sync/room-registry'
import { BoardRecords } from './board-records'
import { readSilentRound, writeSessionState } from './session-state'

export interface SealedNoteDeps {
  store: BoardStore
  registry: RoomRegistry
}

/** Largest note record kept, as JSON text. */
const MAX_NOTE_BYTES = 16 * 1024
/** Notes one person may write in one silent round. */
const MAX_NOTES_PER_AUTHOR = 300

let schema: ReturnType<typeof createBoardSchema> | undefined

/** The author's own notes of the running silent round, for their browser to show again. */
export async function listOwnSealedNotes(
  deps: SealedNoteDeps,
  boardId: string,
  authorHash: string,
): Promise<{ roundId: string | null; notes: unknown[] }> {
  const round = await deps.registry.inspectDocument(boardId, readSilentRound)
  if (!round?.active) return { roundId: null, notes: [] }
  const notes = await deps.store.listSealedNotes(boardId, round.id, authorHash)
  return { roundId: round.id, notes: notes.map((note) => JSON.parse(note.record) as unknown) }
}

/**
 * Keeps a note written during the running silent round with the server, out of the shared
 * board, until the facilitator ends the round (auth rule A10). It must be a valid tldraw note
 * of this round under its own id, not a note already on the board, and the author's.
 */
export async function sealNote(
  deps: SealedNoteDeps,
  boardId: string,
  authorHash: string,
  noteId: string,
  record: unknown,
): Promise<void> {
  const text = JSON.stringify(record ?? null)
  if (Buffer.byteLength(text, 'utf8') > MAX_NOTE_BYTES) {
    throw httpError(413, `a note may be at most ${MAX_NOTE_BYTES} bytes`)
  }
  const note = validNote(record, noteId)
  const roundId = (note.meta as { silentRoundId?: unknown }).silentRoundId
  const refusal = await deps.registry.inspectDocument(boardId, (doc) => {
    const round = readSilentRound(doc)
    if (!round?.active) return 'no silent round is running'
    if (round.id !== roundId) return 'the note belongs to another silent round'
    if (new BoardRecords(doc).has(noteId)) return 'this note is already on the board'
    return null
  })
  if (refusal) throw httpError(409, refusal)
  const own = await deps.store.listSealedNotes(boardId, roundId as string, authorHash)
  if (own.length >= MAX_NOTES_PER_AUTHOR && !own.some((n) => n.noteId === noteId)) {
    throw httpError(409, `at most ${MAX_NOTES_PER_AUTHOR} notes per person in a silent round`)
  }
  const stored = await deps.store.putSealedNote({
    boardId,
    roundId: roundId as string,
    authorHash,
    noteId,
    record: text,
    updatedAt: Date.now(),
  })
  if (stored === 'taken') throw httpError(403, 'this note is someone else\u2019s')
}

/** Forgets one of the author's sealed notes (they deleted it before the round ended). */
export async function unsealNote(
  deps: SealedNoteDeps,
  boardId: string,
  authorHash: string,
  noteId: string,
): Promise<void> {
  await deps.store.deleteSealedNote(boardId, noteId, authorHash)
}

/**
 * Ends the silent round: every kept note goes onto the board and the round stops, in one
 * change, so a participant never sees the round over without its notes. Returns how many
 * notes were revealed.
 */
export async function revealSilentRound(deps: SealedNoteDeps, boardId: string): Promise<number> {
  const round = await deps.registry.inspectDocument(boardId, readSilentRound)
  if (!round?.active) throw httpError(409, 'no silent round is running')
  const sealed = await deps.store.listSealedNotes(boardId, round.id)
  const revealed = await deps.registry.changeDocument(boardId, (doc) => {
    const current = readSilentRound(doc)
    if (!current?.active || current.id !== round.id) return null
    const records = new BoardRecords(doc)
    const fresh = sealed.filter((note) => !records.has(note.noteId))
    getRecordsArray(doc).push(
      fresh.map((note) => ({
        key: note.noteId,
        val: encodeStoredRecord(JSON.parse(note.record) as Record<string, unknown>),
      })),
    )
    writeSessionState(doc, 'silentRound', { ...current, active: false })
    return fresh.length
  })
  if (revealed === null) throw httpError(409, 'no silent round is running')
  await deps.store.deleteSealedNotes(boardId, round.id)
  return revealed
}

function validNote(record: unknown, noteId: string): Record<string, unknown> {
  schema ??= createBoardSchema()
  let note: Record<string, unknown>
  try {
    note = schema.types.shape.validate(record) as unknown as Record<string, unknown>
  } catch (error) {
    throw httpError(400, `not a valid note: ${String(error).slice(0, 200)}`)
  }
  if (note.type !== 'note' || note.id !== noteId) {
    throw httpError(400, 'the record must be a note shape with the id in the path')
  }
  if (typeof (note.meta as { silentRoundId?: unknown }).silentRoundId !== 'string') {
    throw httpError(400, 'the note must carry its silent round in meta.silentRoundId')
  }
  return note
}
