import type { Browser, BrowserContext, Page } from 'playwright-core'
import { newContext, newPhoneContext } from '../helpers/browser'
import { screenshot } from '../helpers/screenshots'
import { type PageEvents, watchContext, watchPage } from './page-watch'

/** Who takes part: eight people from four organisations, one of them on a phone. */
export interface PersonSpec {
  name: string
  organisation: string
  facilitator?: boolean
  phone?: boolean
}

export const SOAK_PEOPLE: readonly PersonSpec[] = [
  { name: 'Fenna', organisation: 'Gemeente', facilitator: true },
  { name: 'Anna', organisation: 'GGD' },
  { name: 'Bram', organisation: 'Woningcorporatie' },
  { name: 'Karim', organisation: 'Politie' },
  { name: 'Gerrit', organisation: 'Gemeente' },
  { name: 'Ilse', organisation: 'GGD', phone: true },
  { name: 'Wim', organisation: 'Woningcorporatie' },
  { name: 'Priya', organisation: 'Politie' },
]

/**
 * One person in their own browser profile. A person does one thing at a time: every action
 * (writing, voting, reloading, going offline) waits for the one before it, while the other
 * people carry on, so a reload never cuts a person's own action short but does land in the
 * middle of everyone else's.
 */
export class Person {
  private queue: Promise<unknown> = Promise.resolve()
  offline = false
  /** How long each reload took until the board was connected again. */
  readonly reloadMs: number[] = []
  offlinePeriods = 0

  constructor(
    readonly spec: PersonSpec,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  get name(): string {
    return this.spec.name
  }

  act<T>(action: (page: Page) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => action(this.page)).catch((error) => this.explain(error))
    // The queue keeps going after a failure; the failure reaches whoever awaited this action.
    this.queue = run.catch(() => {})
    return run
  }

  /** Adds what this person's screen showed to a failure, and keeps a screenshot of it. */
  private async explain(error: unknown): Promise<never> {
    const name = `soak-failed-${this.name.toLowerCase()}`
    const shown = await this.page
      .evaluate(() => (document.body.textContent ?? '').replace(/\s+/g, ' ').slice(0, 400))
      .catch(() => '(unreadable)')
    await screenshot(this.page, name).catch(() => {})
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(`${this.name}: ${message}\n${this.name}'s screen (${name}.png): ${shown}`, {
      cause: error,
    })
  }

  /** Resolves once everything this person was asked to do is done. */
  idle(): Promise<void> {
    return this.queue.then(() => {})
  }
}

/** Opens a watched profile and page per person (not yet on the board). */
export async function openPeople(
  browser: Browser,
  specs: readonly PersonSpec[],
  events: PageEvents,
): Promise<Person[]> {
  const people: Person[] = []
  for (const spec of specs) {
    const context = spec.phone ? await newPhoneContext(browser) : await newContext(browser)
    await watchContext(context, spec.name, events)
    const page = await context.newPage()
    watchPage(page, spec.name, events)
    people.push(new Person(spec, context, page))
  }
  return people
}
