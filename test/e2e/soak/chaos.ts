import { reload } from './note-actions'
import type { Person } from './soak-people'
import type { SoakSession } from './soak-session'

export interface Chaos {
  /** Called as step `index` of the round begins: this step's reloads start, each a bit later. */
  stepStarts(index: number): void
  /** Waits for every reload of the round (whoever has not reloaded yet does so now). */
  finish(): Promise<void>
}

/**
 * Every person reloads at least once a round (plus `extra` reloads of random people), each
 * at a moment drawn from the seed: during a random step of the round and a random delay
 * into it, so reloads land in the middle of everyone else's votes, reveals and restores.
 */
export function reloadAtRandomMoments(session: SoakSession, steps: number, extra = 0): Chaos {
  const { random } = session
  const plan = [
    ...session.people,
    ...Array.from({ length: extra }, () => random.pick(session.people)),
  ].map((person) => ({ person, step: random.int(0, steps - 1), delayMs: random.int(0, 3_000) }))
  const timers: NodeJS.Timeout[] = []
  const reloads: Promise<void>[] = []
  const waiting = new Set(plan)
  const fire = (entry: { person: Person }) => {
    session.log(`    ${entry.person.name} reloads`)
    reloads.push(reload(entry.person))
  }
  return {
    stepStarts(index) {
      for (const entry of plan) {
        if (entry.step !== index) continue
        timers.push(
          setTimeout(() => {
            waiting.delete(entry)
            fire(entry)
          }, entry.delayMs),
        )
      }
    },
    async finish() {
      for (const timer of timers) clearTimeout(timer)
      for (const entry of waiting) fire(entry)
      waiting.clear()
      await Promise.all(reloads)
    },
  }
}
