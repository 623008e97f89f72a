import { type Browser, type BrowserContext, chromium } from 'playwright-core'

/**
 * Headless Chromium from the system; never a Playwright-downloaded browser. `extraArgs` adds
 * switches such as `--host-resolver-rules` (a LAN name for 127.0.0.1).
 */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
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
      ...extraArgs,
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

/** A fresh profile on a phone: 390x844, touch, as a bestuurder joining from a link. */
export function newPhoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'nl-NL',
    serviceWorkers: 'block',
  })
}
