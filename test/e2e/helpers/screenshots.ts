import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'

const DIR = new URL('../../../test-results/screenshots/', import.meta.url).pathname

/** Saves a full-window screenshot as test-results/screenshots/NAME.png for a human to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(DIR, { recursive: true })
  const path = `${DIR}${name}.png`
  await page.screenshot({ path })
  return path
}
