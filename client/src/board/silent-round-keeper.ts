import type { KeepLocal } from '@stip/board'
import { FacilitatorKey, getFacilitator, parseSilentRound } from '@stip/board/doc-model'
import { isEqual, type TLRecord, type TLStore } from 'tldraw'
import type * as Y from 'yjs'
import { ApiError } from '../api/http'
import {
  deleteSilentNote,
  fetchOwnSilentNotes,
  putSilentNote,
  type SealedAccess,
} from '../api/sealed-api'
import { createSilentNoteJournal, type SilentNoteJournal } from './silent-note-journal'

/** Typing in a note changes it many times a second; the server gets the last text. */
const SEND_DELAY_MS = 400
/** After a request that got no answer (offline, server restarting), the next try. */
const RETRY_MS = 3_000

export interface SilentRoundKeeper extends KeepLocal {
  /**
   * Puts this author's notes of the running round back into the store (after a reload or a new
   * binding), this browser's latest copy first; writes the notes of an ended round that the
   * reveal brought in an older version, or not at all, onto the board.
   */
  restore(store: TLStore): Promise<void>
  /** Sends what is still waiting and stops listening. */
  dispose(): void
}

/**
 * Keeps the notes this person writes during a silent round out of the shared doc (auth rule
 * A10): the binding hands them here, and they go to the server, which keeps them for their
 * author until the facilitator reveals the round. When the round ends the binding writes
 * whatever the reveal did not bring onto the board itself, so no note is lost; the journal
 * keeps the latest version in this browser until then, through reloads and lost requests.
 */
export function createSilentRoundKeeper(
  doc: Y.Doc,
  access: SealedAccess,
  journal: SilentNoteJournal = createSilentNoteJournal(access.boardId),
): SilentRoundKeeper {
  const facilitator = getFacilitator(doc)
  const currentRound = () => parseSilentRound(facilitator.get(FacilitatorKey.silentRound))
  const activeRound = () => {
    const round = currentRound()
    return round?.active ? round : null
  }
  const waiting = new Map<TLRecord['id'], TLRecord | null>()
  let timer: ReturnType<typeof setTimeout> | null = null
  let sending: Promise<void> = Promise.resolve()
  let disposed = false

  const send = () => {
    timer = null
    const batch = [...waiting]
    waiting.clear()
    sending = sending.then(async () => {
      for (const [index, [id, record]] of batch.entries()) {
        // The round ended while this waited: the binding has written the note to the board.
        if (record && record.meta.silentRoundId !== activeRound()?.id) continue
        try {
          if (record) await putSilentNote(access, id, record)
          else await deleteSilentNote(access, id)
          journal.confirm(id, record)
          // Changed back to the server's copy while an older change was on its way: send again.
          const current = journal.get(id)
          if (current && !journal.isConfirmed(current) && !waiting.has(id)) {
            queue(id, current.record)
          }
        } catch (error) {
          const retryMs = retryDelayMs(error)
          if (retryMs !== null && !disposed) {
            // The rest waits for the next try (a newer change waiting meanwhile wins); the
            // journal holds it meanwhile, so a reload does not lose it either.
            for (const [later, latest] of batch.slice(index)) {
              if (!waiting.has(later)) waiting.set(later, latest)
            }
            if (timer) clearTimeout(timer)
            timer = setTimeout(send, retryMs)
            return
          }
          // The round may have ended meanwhile: the binding then writes the note to the board.
          console.warn('stip: a silent-round note was not kept by the server', id, error)
        }
      }
    })
  }
  const queue = (id: TLRecord['id'], record: TLRecord | null) => {
    waiting.set(id, record)
    timer ??= setTimeout(send, SEND_DELAY_MS)
  }

  /**
   * Notes of a round that has ended, as far as this doc knows: the author's version goes onto
   * the board if the reveal brought an older one (or none), unless someone changed or deleted
   * the revealed note since. Then the journal forgets them.
   */
  const settleEnded = (store: TLStore) => {
    const round = currentRound()
    if (!round) return
    const newer: TLRecord[] = []
    const deleted: TLRecord['id'][] = []
    for (const entry of journal.entries()) {
      const ended =
        entry.roundId === round.id ? !round.active : round.startedAt > entry.roundStartedAt
      if (!ended) continue
      journal.forget(entry.id)
      if (journal.isConfirmed(entry)) continue
      const onBoard = store.get(entry.id)
      const asRevealed = onBoard ? isEqual(onBoard, entry.serverCopy) : entry.serverCopy === null
      if (!asRevealed) continue
      if (entry.record) newer.push(entry.record)
      else if (onBoard) deleted.push(entry.id)
    }
    putValid(store, newer)
    if (deleted.length > 0) store.remove(deleted)
  }

  return {
    keeps(record) {
      if (record.typeName !== 'shape' || record.type !== 'note') return false
      const round = activeRound()
      return round !== null && record.meta.silentRoundId === round.id
    },
    changed(id, record) {
      const round = activeRound()
      const entry = round ? journal.write(id, record, round) : null
      // Back where the server is (a reload restoring it, an undo): nothing to send.
      if (entry && journal.isConfirmed(entry)) waiting.delete(id)
      else queue(id, record)
    },
    subscribe(listener) {
      const observer = (event: Y.YMapEvent<unknown>) => {
        if (event.keysChanged.has(FacilitatorKey.silentRound)) listener()
      }
      facilitator.observe(observer)
      return () => facilitator.unobserve(observer)
    },
    async restore(store) {
      settleEnded(store)
      const round = activeRound()
      if (!round) return
      let fromServer: TLRecord[] = []
      try {
        const own = await fetchOwnSilentNotes(access)
        if (own.roundId === round.id) fromServer = own.notes as TLRecord[]
      } catch (error) {
        // Offline, say: this browser's copy is what there is until the next restore.
        console.warn('stip: the server did not send this author\u2019s silent-round notes', error)
      }
      if (activeRound()?.id !== round.id) return
      const own = journal.entries().filter((entry) => entry.roundId === round.id)
      const inJournal = new Set(own.map((entry) => entry.id))
      const missing = fromServer.filter((note) => !inJournal.has(note.id) && !store.has(note.id))
      for (const note of missing) {
        journal.write(note.id, note, round)
        journal.confirm(note.id, note)
      }
      for (const entry of own) {
        if (entry.record && !isEqual(store.get(entry.id), entry.record)) missing.push(entry.record)
        else if (!entry.record && !journal.isConfirmed(entry)) queue(entry.id, null)
      }
      // The binding hands each put note back to `changed`, which sends only what the server lacks.
      putValid(store, missing)
    },
    dispose() {
      disposed = true
      if (timer) {
        clearTimeout(timer)
        send()
      }
    },
  }
}

function putValid(store: TLStore, notes: TLRecord[]) {
  for (const note of notes) {
    try {
      store.put([note])
    } catch (error) {
      console.warn('stip: skipped a kept silent-round note that failed validation', error)
    }
  }
}

/** When to try a refused or unanswered request again; null when trying again cannot help. */
function retryDelayMs(error: unknown): number | null {
  if (!(error instanceof ApiError)) return null
  // Too many saves through this link at once: the server says when it takes them again.
  if (error.code === 'write-rate') return (error.retryAfterSeconds ?? 1) * 1000
  if (error.kind === 'offline' || error.status >= 500) return RETRY_MS
  return null
}
