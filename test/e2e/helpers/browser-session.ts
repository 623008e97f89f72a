import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { type ContextOptions, launchBrowser, newContext } from './browser'
import { startTestServer, type TestServer } from './test-server'

export interface BrowserSession {
  readonly server: TestServer
  readonly browser: Browser
  /** A fresh desktop profile (own storage), closed after the test file. */
  newContext(options?: ContextOptions): Promise<BrowserContext>
}

/**
 * One Stip server and one Chromium for a test file, started before its tests and closed after
 * them together with every context the tests opened.
 */
export function useBrowserSession(): BrowserSession {
  let server: TestServer | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close()
    await browser?.close()
    await server?.close()
  })
  const session: BrowserSession = {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll')
      return server
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll')
      return browser
    },
    async newContext(options) {
      const context = await newContext(session.browser, options)
      contexts.push(context)
      return context
    },
  }
  return session
}
