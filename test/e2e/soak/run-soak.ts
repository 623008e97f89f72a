/*
 * `pnpm soak`: the soak scenario of test/e2e/soak.test.ts played for a long time against the
 * built server in a process of its own (docs/soak.md). Settings from the environment:
 * SOAK_MINUTES (20), SOAK_PEOPLE (8), SOAK_SEED (from the clock), SOAK_NOTES (notes per
 * person per round, 7). Writes test-results/soak-long.json and soak-long.md; exits 1 when
 * anyone was locked out, a page threw, or a note went missing.
 */
import { launchBrowser } from '../helpers/browser'
import { summarise, writeFigures } from './soak-figures'
import { runSoak } from './soak-scenario'
import { spawnedServer } from './soak-server'

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number >= 0`)
  return value
}

const minutes = setting('SOAK_MINUTES', 20)
const people = setting('SOAK_PEOPLE', 8)
const seed = setting('SOAK_SEED', Date.now() % 1_000_000)
const notesPerPerson = setting('SOAK_NOTES', 7)
const revealPauseMs = setting('SOAK_REVEAL_PAUSE_MS', 1_500)
const say = (line: string) => process.stdout.write(`${line}\n`)

say(`soak: ${people} people for ${minutes} min, seed ${seed} (SOAK_SEED=${seed} replays it)`)
const browser = await launchBrowser()
const server = await spawnedServer()
let failed = false
try {
  const figures = await runSoak({
    browser,
    server,
    seed,
    people,
    minutes,
    notesPerPerson,
    revealPauseMs,
    keepGoing: true,
    log: say,
  })
  const paths = writeFigures('long', figures)
  say(summarise(figures))
  say(`written: ${paths.join(', ')}`)
  failed =
    figures.lockouts.length > 0 ||
    figures.pageErrors.length > 0 ||
    figures.consoleErrors.length > 0 ||
    figures.notesLost.length > 0 ||
    figures.manifestoLinesMissingInStore.length > 0 ||
    figures.notesVerifiedInStore !== figures.notesWritten - figures.notesLost.length
} catch (error) {
  failed = true
  say(`soak failed (seed ${seed}): ${error instanceof Error ? error.stack : String(error)}`)
} finally {
  await browser.close()
  await server.close()
}
process.exit(failed ? 1 : 0)
