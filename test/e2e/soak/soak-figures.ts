import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { harmfulConsoleErrors, lockoutCloses } from './page-watch'
import type { SoakSession } from './soak-session'

/** What a soak measured; written to test-results/soak-*.json. */
export interface SoakFigures {
  seed: number
  people: number
  organisations: number
  rounds: number
  roundSeconds: number[]
  durationSeconds: number
  reloads: number
  /** From pressing reload to the board connected again. */
  reloadMs: { p50: number; p95: number; max: number }
  offlinePeriods: number
  votes: number
  silentRounds: number
  freezes: number
  restores: number
  timers: number
  notesWritten: number
  /** Notes missing on the screens at a check (texts); the long soak carries on without them. */
  notesLost: string[]
  /** (note, screen) pairs found at the last check. */
  notesVerifiedOnScreens: number
  notesVerifiedInStore: number
  notesMissingInStore: string[]
  /** Sentences typed into the manifesto that the stored board lacks. */
  manifestoLinesMissingInStore: string[]
  manifestoLines: number
  pageErrors: { person: string; message: string }[]
  consoleErrors: { person: string; text: string }[]
  benignConsoleErrors: number
  lockouts: { person: string; what: string }[]
  closeCodes: Record<string, number>
  serverRssMiB: { before: number; after: number }
  /** Time from a note's creation to its appearance on another person's screen. */
  noteRoundTripMs: { samples: number; p50: number; p95: number; max: number }
  loadAverage: number[]
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number
}

/** Round trips of notes made while their writer was online, to screens watching at the time. */
function roundTrips(session: SoakSession): number[] {
  const times: number[] = []
  for (const note of session.notes.values()) {
    if (!note.id || note.madeAt === undefined) continue
    for (const [person, sighting] of session.events.sightings.get(note.id) ?? []) {
      if (person === note.author || sighting.watchingSince > note.madeAt) continue
      times.push(sighting.at - note.madeAt)
    }
  }
  return times.sort((a, b) => a - b)
}

const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10

export function collectFigures(
  session: SoakSession,
  run: {
    seed: number
    rounds: number[]
    durationMs: number
    rssBefore: number
    rssAfter: number
    verifiedOnScreens: number
  },
): SoakFigures {
  const { events, counters } = session
  const trips = roundTrips(session)
  const reloadTimes = session.people.flatMap((person) => person.reloadMs).sort((a, b) => a - b)
  const closeCodes: Record<string, number> = {}
  for (const close of events.closes) closeCodes[close.code] = (closeCodes[close.code] ?? 0) + 1
  return {
    seed: run.seed,
    people: session.people.length,
    organisations: new Set(session.people.map((person) => person.spec.organisation)).size,
    rounds: run.rounds.length,
    roundSeconds: run.rounds.map((ms) => Math.round(ms / 100) / 10),
    durationSeconds: Math.round(run.durationMs / 1000),
    reloads: reloadTimes.length,
    reloadMs: {
      p50: percentile(reloadTimes, 50),
      p95: percentile(reloadTimes, 95),
      max: reloadTimes.at(-1) ?? Number.NaN,
    },
    offlinePeriods: session.people.reduce((sum, person) => sum + person.offlinePeriods, 0),
    votes: counters.votes,
    silentRounds: counters.silentRounds,
    freezes: counters.freezes,
    restores: counters.restores,
    timers: counters.timers,
    notesWritten: session.notes.size + session.lost.length,
    notesLost: session.lost,
    notesVerifiedOnScreens: run.verifiedOnScreens,
    notesVerifiedInStore: 0,
    notesMissingInStore: [],
    manifestoLinesMissingInStore: [],
    manifestoLines: session.manifestoLines.length,
    pageErrors: events.pageErrors,
    consoleErrors: harmfulConsoleErrors(events).map(({ person, text }) => ({ person, text })),
    benignConsoleErrors: events.consoleErrors.length - harmfulConsoleErrors(events).length,
    lockouts: [
      ...events.lockouts,
      ...lockoutCloses(events).map((close) => ({
        person: close.person,
        what: `websocket closed ${close.code} ${close.reason}`,
      })),
    ],
    closeCodes,
    serverRssMiB: { before: mib(run.rssBefore), after: mib(run.rssAfter) },
    noteRoundTripMs: {
      samples: trips.length,
      p50: percentile(trips, 50),
      p95: percentile(trips, 95),
      max: trips.at(-1) ?? Number.NaN,
    },
    loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
  }
}

/** A few lines for a person to read. */
export function summarise(figures: SoakFigures): string {
  const trip = figures.noteRoundTripMs
  return [
    `# Soak: ${figures.people} people, ${figures.organisations} organisations, seed ${figures.seed}`,
    '',
    `- duration: ${figures.durationSeconds} s, ${figures.rounds} rounds (${figures.roundSeconds.join(', ')} s)`,
    `- reloads: ${figures.reloads} (back and connected after p50 ${figures.reloadMs.p50} ms, p95 ${figures.reloadMs.p95} ms, max ${figures.reloadMs.max} ms); offline periods: ${figures.offlinePeriods}`,
    `- votes ${figures.votes}, silent rounds ${figures.silentRounds}, freezes ${figures.freezes}, restores ${figures.restores}, timers ${figures.timers}`,
    `- notes written: ${figures.notesWritten}; lost: ${figures.notesLost.length} ${JSON.stringify(figures.notesLost)}; verified on screens: ${figures.notesVerifiedOnScreens} (note × screen); in the store: ${figures.notesVerifiedInStore}`,
    `- manifesto sentences typed or promoted: ${figures.manifestoLines}; missing in the store: ${figures.manifestoLinesMissingInStore.length} ${JSON.stringify(figures.manifestoLinesMissingInStore)}`,
    `- page errors: ${figures.pageErrors.length}; console errors: ${figures.consoleErrors.length} (+${figures.benignConsoleErrors} known benign); lockouts: ${figures.lockouts.length}`,
    `- websocket close codes seen: ${JSON.stringify(figures.closeCodes)}`,
    `- server RSS: ${figures.serverRssMiB.before} MiB before, ${figures.serverRssMiB.after} MiB after`,
    `- note round trip (${trip.samples} samples): p50 ${trip.p50} ms, p95 ${trip.p95} ms, max ${trip.max} ms`,
    `- load average at the end: ${figures.loadAverage.join(' ')}`,
    '',
  ].join('\n')
}

const RESULTS = new URL('../../../test-results/', import.meta.url).pathname

/** Writes test-results/soak-NAME.json and soak-NAME.md; returns their paths. */
export function writeFigures(name: string, figures: SoakFigures): string[] {
  mkdirSync(RESULTS, { recursive: true })
  const json = `${RESULTS}soak-${name}.json`
  const markdown = `${RESULTS}soak-${name}.md`
  writeFileSync(json, `${JSON.stringify(figures, null, 2)}\n`)
  writeFileSync(markdown, summarise(figures))
  return [json, markdown]
}
