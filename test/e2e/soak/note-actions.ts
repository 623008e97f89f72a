import type { Page } from 'playwright-core'
import { waitForStatus } from '../helpers/board-page'
import type { Person } from './soak-people'
import { expectNote, type SoakSession, type Werkvorm } from './soak-session'

const NOTE_SIZE = 200

interface PlannedNote {
  id: string
  text: string
  parentId: string
  x: number
  y: number
  /** How long the person pauses after writing it. */
  pauseMs: number
}

/**
 * A person writes `count` notes one after another, spread over the werkvormen, through the
 * test handle (typing each is not what the soak is about). Resolves once the notes are in
 * the person's doc; while offline, also after the moment y-indexeddb needs to keep them.
 */
export function addNotes(
  session: SoakSession,
  person: Person,
  count: number,
  werkvormen: readonly Werkvorm[] = session.werkvormen,
): Promise<void> {
  const planned: PlannedNote[] = []
  for (let i = 0; i < count; i++) {
    session.counters.notesPlanned += 1
    const n = session.counters.notesPlanned
    const werkvorm = werkvormen[n % werkvormen.length] as Werkvorm
    planned.push({
      id: `shape:soak-${person.name.toLowerCase()}-${n}`,
      text: `${person.name} ${n}`,
      parentId: werkvorm.frameId,
      x: session.random.int(20, Math.max(20, werkvorm.w - NOTE_SIZE - 20)),
      y: session.random.int(120, Math.max(120, werkvorm.h - NOTE_SIZE - 20)),
      pauseMs: session.random.int(50, 400),
    })
  }
  return person.act(async (page) => {
    for (const note of planned) {
      const wasOffline = person.offline
      const madeAt = await createNotes(page, [note])
      // A note written offline arrives when its writer is back: no round-trip time.
      expectNote(session, {
        text: note.text,
        author: person.name,
        id: note.id,
        madeAt: wasOffline ? undefined : madeAt,
      })
      await page.waitForTimeout(note.pauseMs)
    }
    await waitForNotesInDoc(
      page,
      planned.map((note) => note.id),
    )
    // y-indexeddb stores a moment after the doc changed; a person pauses longer than that.
    if (person.offline) await page.waitForTimeout(300)
  })
}

function createNotes(page: Page, notes: PlannedNote[]): Promise<number> {
  return page.evaluate((planned) => {
    const editor = window.__stip?.editor
    if (!editor) throw new Error('no editor')
    const madeAt = Date.now()
    editor.createShapes(
      planned.map((note) => ({
        id: note.id as never,
        type: 'note',
        parentId: note.parentId as never,
        x: note.x,
        y: note.y,
        props: {
          richText: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: note.text }] }],
          },
        },
      })),
    )
    return madeAt
  }, notes)
}

/** Waits until the page's shared doc holds every record id (the binding writes once a frame). */
export async function waitForNotesInDoc(page: Page, ids: string[]): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      const doc = window.__stip?.doc
      if (!doc) return false
      const keys = new Set(
        doc
          .getArray<{ key: string }>('tldraw-records')
          .toArray()
          .map((entry) => entry.key),
      )
      return wanted.every((id) => keys.has(id))
    },
    ids,
    { polling: 100, timeout: 15_000 },
  )
}

/**
 * A person reloads the tab and waits until the board is back and connected. How long that
 * took is a figure of the soak, not a failure: on a crowded machine it can take a while.
 */
export function reload(person: Person): Promise<void> {
  return person.act(async (page) => {
    const started = Date.now()
    await page.reload()
    await page.waitForFunction(() => Boolean(window.__stip?.editor), undefined, {
      timeout: RELOAD_BUDGET_MS,
      polling: 100,
    })
    await waitForStatus(page, 'connected', RELOAD_BUDGET_MS)
    person.reloadMs.push(Date.now() - started)
  })
}

/** Longer than any reload should take even at a load average of 40 on two cores. */
const RELOAD_BUDGET_MS = 60_000

/**
 * A person loses the network for `ms`, writes `notes` notes meanwhile, and comes back.
 * Reloading while offline is left out: the soak's profiles have no service worker.
 */
export function goOffline(
  session: SoakSession,
  person: Person,
  ms: number,
  notes: number,
): Promise<void> {
  const offline = person.act(async (page) => {
    person.offlinePeriods += 1
    person.offline = true
    await person.context.setOffline(true)
    await waitForStatus(page, 'offline')
  })
  const written = addNotes(session, person, notes)
  const back = person.act(async (page) => {
    await page.waitForTimeout(ms)
    await person.context.setOffline(false)
    person.offline = false
    await waitForStatus(page, 'connected', 30_000)
  })
  return Promise.all([offline, written, back]).then(() => {})
}
