import { isEqual, type TLRecord } from 'tldraw'
import { safeLocalStorage } from '../storage/safe-local-storage'

/**
 * This browser's copy of the notes its author writes in a silent round. They stay out of the
 * shared doc (and so out of y-indexeddb) until the reveal, and the server gets them a moment
 * after the last keystroke; a reload, a closed tab or a lost request inside that moment would
 * otherwise lose what was typed last. One localStorage key per note, so two tabs of the same
 * person never overwrite each other's notes; written synchronously, so it survives the reload.
 */
export interface JournalEntry {
  id: TLRecord['id']
  roundId: string
  /** When the note's round started: tells an ended round from one this browser has not seen. */
  roundStartedAt: number
  /** The author's latest version; null once they deleted the note. */
  record: TLRecord | null
  /** The version the server confirmed last (what a reveal brings), null if none yet. */
  serverCopy: TLRecord | null
  savedAt: number
}

export interface SilentNoteJournal {
  /** The author changed (or deleted, with null) a note of `round`. */
  write(
    id: TLRecord['id'],
    record: TLRecord | null,
    round: { id: string; startedAt: number },
  ): JournalEntry
  get(id: TLRecord['id']): JournalEntry | null
  /** The server took this version of the note (null: took its deletion). */
  confirm(id: TLRecord['id'], record: TLRecord | null): void
  /** Whether the server has the author's latest version. */
  isConfirmed(entry: JournalEntry): boolean
  entries(): JournalEntry[]
  forget(id: TLRecord['id']): void
}

/** A note kept here longer than this belongs to a round nobody will reveal any more. */
const KEEP_FOR_MS = 7 * 24 * 60 * 60 * 1000

export function createSilentNoteJournal(
  boardId: string,
  storage: Storage | null = safeLocalStorage(),
  now: () => number = Date.now,
): SilentNoteJournal {
  const prefix = `stip.silent-note.${boardId}.`
  // Without storage (blocked, or full) the journal lives as long as the page.
  const inPage = new Map<string, JournalEntry>()

  const read = (id: string): JournalEntry | null => {
    if (inPage.has(id)) return inPage.get(id) ?? null
    try {
      const text = storage?.getItem(prefix + id)
      return text ? parseEntry(text) : null
    } catch {
      return null
    }
  }
  const save = (entry: JournalEntry) => {
    try {
      storage?.setItem(prefix + entry.id, JSON.stringify(entry))
      inPage.delete(entry.id)
    } catch {
      inPage.set(entry.id, entry)
    }
  }

  const remove = (id: string) => {
    inPage.delete(id)
    try {
      storage?.removeItem(prefix + id)
    } catch {
      // Nothing to forget then.
    }
  }

  const journal: SilentNoteJournal = {
    write(id, record, round) {
      const before = read(id)
      const entry: JournalEntry = {
        id,
        roundId: round.id,
        roundStartedAt: round.startedAt,
        record,
        serverCopy: before?.serverCopy ?? null,
        savedAt: now(),
      }
      save(entry)
      return entry
    },
    get: read,
    confirm(id, record) {
      const entry = read(id)
      if (!entry) return
      if (record === null && entry.record === null) remove(id)
      else save({ ...entry, serverCopy: record })
    },
    isConfirmed(entry) {
      return isEqual(entry.record, entry.serverCopy)
    },
    entries() {
      const found = new Map(inPage)
      const dropped: string[] = []
      try {
        for (let i = 0; storage && i < storage.length; i++) {
          const key = storage.key(i)
          if (!key?.startsWith(prefix)) continue
          const id = key.slice(prefix.length)
          const entry = read(id)
          if (entry) found.set(entry.id, entry)
          else dropped.push(id)
        }
      } catch {
        // Storage went away meanwhile: what the page holds is all there is.
      }
      const fresh: JournalEntry[] = []
      for (const entry of found.values()) {
        if (now() - entry.savedAt > KEEP_FOR_MS) dropped.push(entry.id)
        else fresh.push(entry)
      }
      // Forgotten after the loop: removing a key renumbers the ones after it.
      for (const id of dropped) remove(id)
      return fresh
    },
    forget: (id) => remove(id),
  }
  return journal
}

function parseEntry(text: string): JournalEntry | null {
  try {
    const value = JSON.parse(text) as Partial<JournalEntry>
    if (typeof value.id !== 'string' || typeof value.roundId !== 'string') return null
    if (typeof value.roundStartedAt !== 'number' || typeof value.savedAt !== 'number') return null
    return {
      id: value.id,
      roundId: value.roundId,
      roundStartedAt: value.roundStartedAt,
      record: isRecord(value.record) ? value.record : null,
      serverCopy: isRecord(value.serverCopy) ? value.serverCopy : null,
      savedAt: value.savedAt,
    }
  } catch {
    return null
  }
}

const isRecord = (value: unknown): value is TLRecord =>
  typeof value === 'object' && value !== null && typeof (value as TLRecord).id === 'string'
