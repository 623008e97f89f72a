import { tokenOf } from '../helpers/manifesto-page'
import { type ScreenNote, screenNotes } from './page-reading'
import type { SoakSession } from './soak-session'

/*
 * The end of a soak: every note the session wrote is on every screen, and in the store.
 */

interface StoredBoard {
  records: { id: string; typeName: string; type?: string; props?: { richText?: unknown } }[]
  document: Record<string, unknown>
}

/** The board as the server holds it, through the facilitator's export. */
export async function storedBoard(session: SoakSession): Promise<StoredBoard> {
  const url = `${session.serverUrl}/api/boards/${session.board.id}/export.json`
  const headers = { authorization: `Bearer ${tokenOf(session.board.links.facilitator)}` }
  // After a restart the first request may go out on a kept-alive socket the old server closed.
  const response = await fetch(url, { headers }).catch(() => fetch(url, { headers }))
  if (!response.ok) throw new Error(`export failed: ${response.status}`)
  return (await response.json()) as StoredBoard
}

export async function waitForStoredRecord(session: SoakSession, id: string): Promise<void> {
  const deadline = Date.now() + 15_000
  while (!(await storedBoard(session)).records.some((record) => record.id === id)) {
    if (Date.now() > deadline) throw new Error(`the server never had ${id}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** Every text node under a rich-text value, joined. */
function plainText(value: unknown): string {
  if (!value || typeof value !== 'object') return ''
  const node = value as { text?: unknown; content?: unknown }
  const own = typeof node.text === 'string' ? node.text : ''
  const children = Array.isArray(node.content) ? node.content.map(plainText).join('') : ''
  return own + children
}

/** Texts the session expects that the list of notes lacks (or hides). */
function missingFrom(session: SoakSession, notes: readonly ScreenNote[]): string[] {
  const shown = new Set(notes.filter((note) => !note.hidden).map((note) => note.text))
  return [...session.notes.keys()].filter((text) => !shown.has(text))
}

/**
 * Waits until every person's screen shows every expected note, and until all screens hold the
 * same notes. Returns how many (note, screen) pairs were checked.
 */
export async function verifyScreens(session: SoakSession, timeout = 30_000): Promise<number> {
  const deadline = Date.now() + timeout
  const seen = new Map<string, string>()
  for (const person of session.people) {
    for (;;) {
      const notes = await person.act((page) => screenNotes(page))
      const missing = missingFrom(session, notes)
      const ids = notes
        .map((note) => `${note.id}=${note.text}`)
        .sort()
        .join('\n')
      const first = seen.values().next().value
      if (missing.length === 0 && (first === undefined || first === ids)) {
        seen.set(person.name, ids)
        break
      }
      if (Date.now() > deadline) {
        if (missing.length === 0) {
          throw new Error(`${person.name}'s notes differ from ${[...seen.keys()][0]}'s`)
        }
        const where = await whereAre(session, missing.slice(0, 3))
        const message = `${person.name} misses ${missing.length} notes: ${missing.slice(0, 10).join(', ')}\n${where}`
        if (!session.keepGoing) throw new Error(message)
        // The long soak counts the loss and carries on without those notes.
        session.log(`  LOST: ${message}`)
        for (const text of missing) {
          session.lost.push(text)
          session.notes.delete(text)
        }
        return verifyScreens(session, timeout)
      }
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  return session.notes.size * session.people.length
}

/** For a failure: who has these notes, and what has the store (partial texts included). */
async function whereAre(session: SoakSession, texts: string[]): Promise<string> {
  const lines: string[] = []
  const like = (text: string, wanted: string) =>
    text === wanted || (text.length > 0 && wanted.startsWith(text)) || text.startsWith(wanted)
  for (const person of session.people) {
    const notes = await person.act((page) => screenNotes(page)).catch(() => [])
    const found = notes.filter((note) => texts.some((text) => like(note.text, text)))
    lines.push(`  ${person.name}: ${JSON.stringify(found)}`)
  }
  const stored = (await storedBoard(session)).records
    .filter((record) => record.type === 'note')
    .map((record) => ({ id: record.id, text: plainText(record.props?.richText) }))
    .filter((note) => texts.some((text) => like(note.text, text)) || note.text === '')
  lines.push(`  store: ${JSON.stringify(stored)}`)
  return lines.join('\n')
}

/** What the store lacks of what the session wrote. */
export interface StoreCheck {
  notesFound: number
  notesMissing: string[]
  manifestoLinesMissing: string[]
}

/** Reads the stored board: every expected note and manifesto sentence must be there. */
export async function verifyStore(session: SoakSession): Promise<StoreCheck> {
  const board = await storedBoard(session)
  const stored = new Set(
    board.records
      .filter((record) => record.typeName === 'shape' && record.type === 'note')
      .map((record) => plainText(record.props?.richText).trim()),
  )
  const notesMissing = [...session.notes.keys()].filter((text) => !stored.has(text))
  const manifesto = JSON.stringify(board.document.manifesto ?? '')
  return {
    notesFound: session.notes.size - notesMissing.length,
    notesMissing,
    manifestoLinesMissing: session.manifestoLines.filter((line) => !manifesto.includes(line)),
  }
}
