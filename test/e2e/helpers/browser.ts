import { type Browser, type BrowserContext, chromium } from 'playwright-core'

/** Headless Chromium from the system; never a Playwright-downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export interface ContextOptions {
  /**
   * Let Stip's service worker install. Off by default: it precaches ~3.6 MB per fresh
   * profile, which only the tests of offline starts need.
   */
  serviceWorker?: boolean
}

/** A fresh profile (own localStorage and IndexedDB) with a desktop-sized window. */
export function newContext(
  browser: Browser,
  options: ContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'nl-NL',
    serviceWorkers: options.serviceWorker ? 'allow' : 'block',
  })
}
