import type { BrowserContext, Page } from 'playwright-core'

/*
 * What a soak needs to see inside every page, whatever it does and however often it reloads:
 * page errors, console errors, websocket close codes, the "Geen toegang" screen, and when each
 * note first appeared. An init script reports through one binding, so nothing is lost when a
 * page reloads.
 */

/** Console errors that are expected in a session with reloads and offline periods. */
export const BENIGN_CONSOLE_ERRORS: readonly { pattern: RegExp; why: string }[] = [
  {
    pattern: /WebSocket connection to '.*\/ws\/.*' failed/,
    why: 'the browser logs every reconnect attempt made while offline or while the page unloads',
  },
  {
    pattern: /net::ERR_INTERNET_DISCONNECTED/,
    why: 'requests made while the context is offline (setOffline)',
  },
  {
    pattern: /status of 409 \(Conflict\) at .*\/silent-round\/notes\//,
    why: "a silent note's last change on its way as the round is revealed: the author's page writes it to the board itself",
  },
]

/** Close codes after which a person no longer works on the board. */
const LOCKOUT_CLOSE_CODES = new Set([4401, 4403])

export interface NoteSighting {
  /** When the page first saw the note (ms since epoch, the browser's clock). */
  at: number
  /** When the page started watching: a note made earlier was loaded, not received. */
  watchingSince: number
}

export interface PageEvents {
  pageErrors: { person: string; message: string }[]
  consoleErrors: { person: string; text: string; benign: boolean }[]
  closes: { person: string; code: number; reason: string }[]
  lockouts: { person: string; what: string }[]
  /** note id -> person -> first sighting since that page was last loaded. */
  sightings: Map<string, Map<string, NoteSighting>>
}

export function newPageEvents(): PageEvents {
  return { pageErrors: [], consoleErrors: [], closes: [], lockouts: [], sightings: new Map() }
}

export function lockoutCloses(events: PageEvents) {
  return events.closes.filter((close) => LOCKOUT_CLOSE_CODES.has(close.code))
}

export function harmfulConsoleErrors(events: PageEvents) {
  return events.consoleErrors.filter((error) => !error.benign)
}

type Report =
  | { kind: 'close'; code: number; reason: string }
  | { kind: 'lockout'; what: string }
  | { kind: 'note-seen'; id: string; at: number; since: number }

/** Watches every page of a person's context; call before the first page opens. */
export async function watchContext(
  context: BrowserContext,
  person: string,
  events: PageEvents,
): Promise<void> {
  await context.exposeBinding('__soakReport', (_source, report: Report) => {
    if (report.kind === 'close') {
      events.closes.push({ person, code: report.code, reason: report.reason })
    } else if (report.kind === 'lockout') {
      events.lockouts.push({ person, what: report.what })
    } else {
      const byPerson = events.sightings.get(report.id) ?? new Map<string, NoteSighting>()
      events.sightings.set(report.id, byPerson)
      // Only the first sighting counts: after a reload the page loads the note, it does not
      // receive it (and a sighting watched only since after the note was made is skipped later).
      if (!byPerson.has(person))
        byPerson.set(person, { at: report.at, watchingSince: report.since })
    }
  })
  // tsx (pnpm soak) compiles with esbuild's keepNames: functions sent into the page call
  // its `__name` helper, which the page lacks.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn' })
  await context.addInitScript(inPageWatcher)
}

/** Listens to one page's errors and console. */
export function watchPage(page: Page, person: string, events: PageEvents): void {
  page.on('pageerror', (error) => events.pageErrors.push({ person, message: error.message }))
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    // A failed request's message names no address; its location does.
    const url = message.location().url
    const text = url ? `${message.text()} at ${url}` : message.text()
    const benign = BENIGN_CONSOLE_ERRORS.some(({ pattern }) => pattern.test(text))
    events.consoleErrors.push({ person, text, benign })
  })
}

/** Runs inside the page before its own scripts (serialised by Playwright: self-contained). */
function inPageWatcher() {
  if (window.top !== window) return
  type Reporter = (report: unknown) => Promise<void>
  const report = (value: unknown) => {
    const send = (window as unknown as { __soakReport?: Reporter }).__soakReport
    send?.(value).catch(() => {})
  }
  const NativeSocket = window.WebSocket
  class WatchedSocket extends NativeSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      this.addEventListener('close', (event) => {
        report({ kind: 'close', code: event.code, reason: event.reason })
      })
    }
  }
  window.WebSocket = WatchedSocket
  let lockoutSeen = false
  let watchedEditor: unknown = null
  setInterval(() => {
    if (!lockoutSeen) {
      const title = document.getElementById('no-access-title')
      const denied = document.querySelector('.status-pill[data-status="denied"]')
      if (title || denied) {
        lockoutSeen = true
        report({ kind: 'lockout', what: title?.textContent ?? 'status pill: denied' })
      }
    }
    const editor = window.__stip?.editor
    if (!editor || editor === watchedEditor) return
    watchedEditor = editor
    const since = Date.now()
    editor.store.listen(
      (entry) => {
        const at = Date.now()
        for (const record of Object.values(entry.changes.added)) {
          if (record.typeName === 'shape' && record.type === 'note') {
            report({ kind: 'note-seen', id: record.id, at, since })
          }
        }
      },
      { scope: 'document' },
    )
  }, 50)
}
