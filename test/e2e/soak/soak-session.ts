import type { CreatedBoard } from '../helpers/boards'
import type { PageEvents } from './page-watch'
import type { SeededRandom } from './seeded-random'
import type { Person } from './soak-people'

/** A werkvorm on the board: its outer frame, where notes go. */
export interface Werkvorm {
  templateId: string
  frameId: string
  name: string
  w: number
  h: number
}

/** A note the session wrote and expects to find everywhere at the end. */
export interface ExpectedNote {
  text: string
  author: string
  /** Known for notes made through the test handle: id and the browser time it was made. */
  id?: string
  madeAt?: number
}

/** Everything the scenario's steps share. */
export interface SoakSession {
  serverUrl: string
  board: CreatedBoard
  people: Person[]
  facilitator: Person
  random: SeededRandom
  events: PageEvents
  werkvormen: Werkvorm[]
  /** Expected notes by text (every text is unique). */
  notes: Map<string, ExpectedNote>
  /** Sentences typed into the manifesto that must survive. */
  manifestoLines: string[]
  /** Notes that went missing (the long soak records them and carries on; the short one fails). */
  lost: string[]
  keepGoing: boolean
  /** How long the facilitator waits after the last silent note before revealing. */
  revealPauseMs: number
  counters: {
    notesPlanned: number
    votes: number
    silentRounds: number
    restores: number
    freezes: number
    timers: number
  }
  log(line: string): void
}

export function expectNote(session: SoakSession, note: ExpectedNote): void {
  if (session.notes.has(note.text)) throw new Error(`note text used twice: ${note.text}`)
  session.notes.set(note.text, note)
}

/** Waits until every person has finished what they were asked to do. */
export async function everyoneIdle(session: SoakSession): Promise<void> {
  await Promise.all(session.people.map((person) => person.idle()))
}

/** The people who use the side panels (the phone person works on the canvas only). */
export function panelPeople(session: SoakSession): Person[] {
  return session.people.filter((person) => !person.spec.phone)
}
