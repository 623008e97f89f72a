import type { KeepLocal } from '@stip/board'
import { FacilitatorKey, getFacilitator, parseSilentRound } from '@stip/board/doc-model'
import type { TLRecord, TLStore } from 'tldraw'
import type * as Y from 'yjs'
import { ApiError } from '../api/http'
import {
  deleteSilentNote,
  fetchOwnSilentNotes,
  putSilentNote,
  type SealedAccess,
} from '../api/sealed-api'

/** Typing in a note changes it many times a second; the server gets the last text. */
const SEND_DELAY_MS = 400

export interface SilentRoundKeeper extends KeepLocal {
  /** Puts this author's kept notes back into the store (after a reload or a new binding). */
  restore(store: TLStore): Promise<void>
  /** Sends what is still waiting and stops listening. */
  dispose(): void
}

/**
 * Keeps the notes this person writes during a silent round out of the shared doc (auth rule
 * A10): the binding hands them here, and they go to the server, which keeps them for their
 * author until the facilitator reveals the round. When the round ends the binding writes
 * whatever the reveal did not bring onto the board itself, so no note is lost.
 */
export function createSilentRoundKeeper(doc: Y.Doc, access: SealedAccess): SilentRoundKeeper {
  const facilitator = getFacilitator(doc)
  const activeRoundId = () => {
    const round = parseSilentRound(facilitator.get(FacilitatorKey.silentRound))
    return round?.active ? round.id : null
  }
  const waiting = new Map<string, TLRecord | null>()
  let timer: ReturnType<typeof setTimeout> | null = null
  let sending: Promise<void> = Promise.resolve()

  const send = () => {
    timer = null
    const batch = [...waiting]
    waiting.clear()
    sending = sending.then(async () => {
      for (const [index, [id, record]] of batch.entries()) {
        try {
          if (record) await putSilentNote(access, id, record)
          else await deleteSilentNote(access, id)
        } catch (error) {
          if (error instanceof ApiError && error.code === 'write-rate') {
            // Too many saves through this link at once: the rest waits until the server takes
            // saves again (a newer change waiting meanwhile wins), else a stale copy is revealed.
            for (const [later, latest] of batch.slice(index)) {
              if (!waiting.has(later)) waiting.set(later, latest)
            }
            if (timer) clearTimeout(timer)
            timer = setTimeout(send, (error.retryAfterSeconds ?? 1) * 1000)
            return
          }
          // The round may have ended meanwhile: the binding then writes the note to the board.
          console.warn('stip: a silent-round note was not kept by the server', id, error)
        }
      }
    })
  }

  return {
    keeps(record) {
      if (record.typeName !== 'shape' || record.type !== 'note') return false
      const roundId = activeRoundId()
      return roundId !== null && record.meta.silentRoundId === roundId
    },
    changed(id, record) {
      waiting.set(id, record)
      timer ??= setTimeout(send, SEND_DELAY_MS)
    },
    subscribe(listener) {
      const observer = (event: Y.YMapEvent<unknown>) => {
        if (event.keysChanged.has(FacilitatorKey.silentRound)) listener()
      }
      facilitator.observe(observer)
      return () => facilitator.unobserve(observer)
    },
    async restore(store) {
      const roundId = activeRoundId()
      if (!roundId) return
      const own = await fetchOwnSilentNotes(access)
      if (own.roundId !== roundId || activeRoundId() !== roundId) return
      for (const note of own.notes as TLRecord[]) {
        if (store.has(note.id)) continue
        try {
          store.put([note])
        } catch (error) {
          console.warn('stip: skipped a kept silent-round note that failed validation', error)
        }
      }
    },
    dispose() {
      if (timer) {
        clearTimeout(timer)
        send()
      }
    },
  }
}
