import type { Browser } from 'playwright-core'
import { waitForStatus } from '../helpers/board-page'
import type { CreatedBoard } from '../helpers/boards'
import { screenshot } from '../helpers/screenshots'
import { joinChoosingOrganisation } from '../helpers/start-form'
import { reloadAtRandomMoments } from './chaos'
import {
  addEveryWerkvorm,
  castVotes,
  closeVote,
  freeze,
  promote,
  reveal,
  saveAndRestoreVersion,
  silentRound,
  startVote,
  timer,
  unfreeze,
  writeManifesto,
} from './flow-actions'
import { addNotes, goOffline } from './note-actions'
import { newPageEvents } from './page-watch'
import { seededRandom } from './seeded-random'
import { collectFigures, type SoakFigures } from './soak-figures'
import { openPeople, type Person, SOAK_PEOPLE } from './soak-people'
import type { SoakServer } from './soak-server'
import { everyoneIdle, panelPeople, type SoakSession } from './soak-session'
import { verifyScreens, verifyStore } from './soak-verify'

export interface SoakOptions {
  browser: Browser
  server: SoakServer
  seed: number
  /** How many of SOAK_PEOPLE take part (at least 4: the four organisations). */
  people: number
  /** Keep playing rounds until this much time has passed; 0 plays one round. */
  minutes: number
  /** Notes each person writes per round. */
  notesPerPerson: number
  /** Record a lost note and carry on (the long soak) instead of failing at once. */
  keepGoing?: boolean
  /** The begeleider's pause between the last silent note and the reveal (default 1500 ms). */
  revealPauseMs?: number
  log(line: string): void
}

const ORGANISATIONS = [
  { name: 'Gemeente', color: '#1f6feb' },
  { name: 'GGD', color: '#15803d' },
  { name: 'Woningcorporatie', color: '#c2410c' },
  { name: 'Politie', color: '#475569' },
]

async function createBoard(serverUrl: string): Promise<CreatedBoard> {
  const response = await fetch(`${serverUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Soak: samen naar 2040', organisations: ORGANISATIONS }),
  })
  if (response.status !== 201) throw new Error(`board creation failed: ${response.status}`)
  return (await response.json()) as CreatedBoard
}

/** Plays a compressed facilitated session; throws on the first broken expectation. */
export async function runSoak(options: SoakOptions): Promise<SoakFigures> {
  const started = Date.now()
  const rssBefore = await options.server.rssBytes()
  const events = newPageEvents()
  const people = await openPeople(options.browser, SOAK_PEOPLE.slice(0, options.people), events)
  const facilitator = people.find((person) => person.spec.facilitator)
  if (!facilitator) throw new Error('a session needs its facilitator')
  const session: SoakSession = {
    serverUrl: options.server.url,
    board: await createBoard(options.server.url),
    people,
    facilitator,
    random: seededRandom(options.seed),
    events,
    werkvormen: [],
    notes: new Map(),
    manifestoLines: [],
    revealPauseMs: options.revealPauseMs ?? 1_500,
    lost: [],
    keepGoing: options.keepGoing ?? false,
    counters: { notesPlanned: 0, votes: 0, silentRounds: 0, restores: 0, freezes: 0, timers: 0 },
    log: options.log,
  }
  const step = async <T>(name: string, action: () => Promise<T>): Promise<T> => {
    const at = Date.now()
    const result = await action()
    options.log(`  ${name}: ${((Date.now() - at) / 1000).toFixed(1)} s`)
    return result
  }
  const rounds: number[] = []
  let verifiedOnScreens = 0
  try {
    await step('join', async () => {
      for (const person of people) {
        const link = person.spec.facilitator
          ? session.board.links.facilitator
          : session.board.links.editor
        await person.act(async (page) => {
          await joinChoosingOrganisation(page, link, person.spec)
          await waitForStatus(page, 'connected')
        })
      }
    })
    session.werkvormen = await step('werkvormen', () => addEveryWerkvorm(session))
    const deadline = started + options.minutes * 60_000
    let round = 0
    do {
      round += 1
      const roundStarted = Date.now()
      options.log(`round ${round}`)
      await playRound(session, round, options, step)
      verifiedOnScreens = await step('every note on every screen', () => verifyScreens(session))
      rounds.push(Date.now() - roundStarted)
    } while (Date.now() < deadline)
    await step('screenshots', () => screenshotBoards(people))
    const rssAfter = await options.server.rssBytes()
    const figures = collectFigures(session, {
      seed: options.seed,
      rounds,
      durationMs: Date.now() - started,
      rssBefore,
      rssAfter,
      verifiedOnScreens,
    })
    for (const person of people) await person.context.close()
    await step('store after a restart', async () => {
      await options.server.restart()
      const check = await verifyStore(session)
      figures.notesVerifiedInStore = check.notesFound
      figures.notesMissingInStore = check.notesMissing
      figures.manifestoLinesMissingInStore = check.manifestoLinesMissing
    })
    return figures
  } catch (error) {
    // What the pages reported so far often says more than the step that failed.
    const seen = {
      lockouts: events.lockouts,
      closeCodes: events.closes.map((close) => `${close.person}:${close.code}`),
      pageErrors: events.pageErrors,
    }
    throw new Error(`${error instanceof Error ? error.message : error}\n${JSON.stringify(seen)}`, {
      cause: error,
    })
  } finally {
    for (const person of people) await person.context.close().catch(() => {})
  }
}

/** The whole board as the facilitator and the phone see it at the end, for a person to look at. */
async function screenshotBoards(people: readonly Person[]) {
  for (const person of people.filter((p) => p.spec.facilitator || p.spec.phone)) {
    await person.act(async (page) => {
      await page.evaluate(() => {
        window.__stip?.editor.zoomToFit({ animation: { duration: 0 } })
      })
      await page.waitForTimeout(300)
      await screenshot(page, `soak-end-${person.spec.phone ? 'phone' : 'facilitator'}`)
    })
  }
}

/** Logs manifesto sentences the facilitator's copy lacks, to find the step that lost them. */
async function traceManifesto(session: SoakSession, after: string) {
  const text = await session.facilitator.act((page) =>
    page.evaluate(() => window.__stip?.doc.getXmlFragment('manifesto').toString() ?? ''),
  )
  const missing = session.manifestoLines.filter((line) => !text.includes(line))
  if (missing.length > 0) session.log(`  MANIFESTO after ${after} lacks: ${missing.join(' | ')}`)
}

type Step = <T>(name: string, action: () => Promise<T>) => Promise<T>

async function playRound(session: SoakSession, round: number, options: SoakOptions, step: Step) {
  const { people, random } = session
  const chaos = reloadAtRandomMoments(session, 7, round > 1 ? 2 : 0)
  let stepIndex = 0
  // Each step is followed by a look at the manifesto, so a lost sentence names its step.
  const chaosStep: Step = async (name, action) => {
    chaos.stepStarts(stepIndex++)
    const result = await step(name, action)
    await traceManifesto(session, name)
    return result
  }
  await chaosStep('notes in every werkvorm', () =>
    Promise.all(people.map((person) => addNotes(session, person, options.notesPerPerson))),
  )
  // Two people lose the network for a while and write meanwhile; the vote goes on.
  const away = random.sample(
    people.filter((person) => !person.spec.facilitator),
    2,
  )
  const offline = Promise.all(
    away.map((person) => goOffline(session, person, random.int(3_000, 8_000), 2)),
  )
  // Awaited below; until then a failure must not count as unhandled.
  offline.catch(() => {})
  await chaosStep('vote, reveal, promote', async () => {
    const werkvorm = session.werkvormen[round % session.werkvormen.length]
    if (!werkvorm) throw new Error('no werkvormen on the board')
    const dots = 2
    await startVote(session, werkvorm, dots)
    const voters = panelPeople(session).filter((person) => !person.spec.facilitator)
    const cast = await castVotes(session, voters, dots)
    await reveal(session, cast)
    await promote(session)
    await closeVote(session)
  })
  await step('offline and back', () => offline)
  await traceManifesto(session, 'offline and back')
  await chaosStep('silent round', () =>
    silentRound(
      session,
      random.sample(
        panelPeople(session).filter((person) => !person.spec.facilitator),
        2,
      ),
      round,
    ),
  )
  await chaosStep('timer', () => timer(session))
  await chaosStep('manifesto: write, freeze, unfreeze', async () => {
    const writer = random.pick(panelPeople(session))
    await writeManifesto(session, writer, `Ronde ${round}: ${writer.name} schrijft mee.`)
    await traceManifesto(session, 'written')
    await freeze(session)
    await traceManifesto(session, 'frozen')
    await unfreeze(session)
    await traceManifesto(session, 'unfrozen')
  })
  await chaosStep('version saved and restored', () => saveAndRestoreVersion(session, round))
  await traceManifesto(session, 'restored')
  await chaosStep('the last reloads', () => chaos.finish())
  await everyoneIdle(session)
}
