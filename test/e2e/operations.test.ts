import { readFile } from 'node:fs/promises'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard } from './helpers/board-page'
import { launchBrowser, newContext } from './helpers/browser'
import { screenshot } from './helpers/screenshots'
import { startTestServer, type TestServer } from './helpers/test-server'

const KEY = 'gemeente-sleutel-2040'
const DAY_MS = 24 * 60 * 60 * 1000

/** Issue 18 in the browser: the creation key on the start page, the retention banner, the audit log download. */
describe('operations in the browser', () => {
  let server: TestServer
  let browser: Browser
  beforeAll(async () => {
    server = await startTestServer({
      boardCreationKey: KEY,
      retentionDays: 30,
      retentionWarnDays: 7,
    })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('asks for the creation key, says so in Dutch when it is wrong, and creates the board with it', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    await page.goto(`${server.server.url}/`)
    await page.getByLabel('Titel van het bord').fill('Samen naar 2040')
    const key = page.getByLabel('Aanmaaksleutel')
    await key.waitFor()
    await key.fill('niet-de-sleutel')
    await page.getByRole('button', { name: 'Bord maken' }).click()
    await page.getByRole('alert').getByText('Deze aanmaaksleutel klopt niet').waitFor()
    await page.setViewportSize({ width: 1440, height: 900 })
    await screenshot(page, 'ops-start-key-wrong-desktop')
    await page.setViewportSize({ width: 390, height: 844 })
    await screenshot(page, 'ops-start-key-wrong-phone')
    await key.fill(KEY)
    await page.getByRole('button', { name: 'Bord maken' }).click()
    await page.waitForURL(/\/b\/[A-Za-z0-9_-]+$/)
    expect(await page.evaluate(() => localStorage.getItem('stip.creationKey'))).toBe(KEY)
    await context.close()
  })

  it('warns the facilitator of the deletion date in the board and hands out the audit log', async () => {
    const created = await fetch(`${server.server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stip-creation-key': KEY },
      body: JSON.stringify({ title: 'Bijna vergeten' }),
    })
    const board = (await created.json()) as { id: string; links: { facilitator: string } }
    // Made 25 days ago and never opened since: five days left of thirty.
    const db = new Database(path.join(server.dataDir, 'stip.sqlite'))
    db.prepare('UPDATE boards SET created_at = ? WHERE id = ?').run(
      Date.now() - 25 * DAY_MS,
      board.id,
    )
    db.close()

    const context = await newContext(browser)
    const page = await context.newPage()
    await page.setViewportSize({ width: 1440, height: 900 })
    await joinBoard(page, board.links.facilitator, { name: 'Fatma', organisation: 'Gemeente' })
    const banner = page.getByRole('alert').filter({ hasText: 'wordt op' })
    await banner.getByText('Let op: dit bord wordt op').waitFor()
    await screenshot(page, 'ops-retention-banner-desktop')
    await page.setViewportSize({ width: 390, height: 844 })
    await screenshot(page, 'ops-retention-banner-phone')
    await page.setViewportSize({ width: 1440, height: 900 })

    await page.getByRole('button', { name: 'Delen', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Bord delen' })
    const auditButton = dialog.getByRole('button', { name: 'Logboek downloaden (CSV)' })
    await auditButton.scrollIntoViewIfNeeded()
    await screenshot(page, 'ops-audit-download-desktop')
    const [download] = await Promise.all([page.waitForEvent('download'), auditButton.click()])
    expect(download.suggestedFilename()).toBe(`stip-${board.id}-logboek.csv`)
    const csv = await readFile((await download.path())!, 'utf8')
    expect(csv).toContain('board.created,facilitator')
    // The download itself is logged with the name and organisation given on joining.
    expect(csv).toContain('audit.downloaded,facilitator,Gemeente,Fatma,')

    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await banner.getByRole('button', { name: 'Sluiten' }).click()
    await banner.waitFor({ state: 'detached' })
    await context.close()
  })
})
