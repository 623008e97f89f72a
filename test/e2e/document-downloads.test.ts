import { readFileSync, writeFileSync } from 'node:fs'
import { createKeyValueContainer } from '@stip/board/record-container'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { laneRect, noteRecord } from '../integration/helpers/board-notes'
import { createBoard } from '../integration/helpers/boards'
import { useCleanup } from '../integration/helpers/cleanup'
import { connectClient } from '../integration/helpers/clients'
import { pdfText } from '../integration/helpers/documents'
import { wsBaseOf } from '../integration/helpers/test-server'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'

const ORGANISATIONS = [
  'Gemeente Ĳsselstein',
  'GGD Utrecht',
  'Woningcorporatie Łukasz',
  'Welzijn Ørsted',
  'Politie Midden',
  'Zorggroep Yılmaz',
]

/**
 * Watches, frame by frame in the page, whether a progress bar is painted wholly inside the
 * window (where the person who clicked sees it). In the page rather than polled from the test:
 * on a loaded machine a busy canvas paints few frames, and a poll from outside can miss them.
 */
function watchProgressBar(page: Page): Promise<void> {
  return page.evaluate(() => {
    const seen = { inWindow: false, label: '' }
    ;(window as unknown as { __progressSeen: typeof seen }).__progressSeen = seen
    const frame = () => {
      const bar = document.querySelector('progress')
      if (bar) {
        const rect = bar.getBoundingClientRect()
        if (rect.height > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight) {
          seen.inWindow = true
          seen.label = bar.getAttribute('aria-label') ?? ''
        }
      }
      if (!seen.inWindow) requestAnimationFrame(frame)
    }
    requestAnimationFrame(frame)
  })
}

describe('downloading the session report of a large board', () => {
  const session = useBrowserSession()
  const cleanup = useCleanup()

  it('shows the report of 2,000 notes being made where the button was pressed, then that it is downloaded', async () => {
    const url = session.server.server.url
    const board = await createBoard(url, {
      title: 'Grote sessie Ĳsselstein',
      template: 'hebben-zaaien',
      organisations: ORGANISATIONS.map((name) => ({ name })),
    })
    const writer = await connectClient(cleanup, wsBaseOf(url), board.id, {
      token: board.tokens.editor,
    })
    const lanes = ['opgave', 'hebben', 'zaaien'].map((section) => laneRect(writer.doc, section))
    const records = Array.from({ length: 2000 }, (_, n) => {
      const lane = lanes[n % lanes.length]!
      const perRow = Math.max(1, Math.floor((lane.w - 220) / 60))
      const rows = Math.max(1, Math.floor((lane.h - 340) / 60))
      const slot = Math.floor(n / lanes.length)
      return noteRecord(
        {
          x: lane.x + 10 + (slot % perRow) * 60,
          y: lane.y + 120 + (Math.floor(slot / perRow) % rows) * 60,
        },
        `Idee ${n + 1}: samen met bewoners de wijk sterker maken`,
        {
          authorId: `u-${n % 40}`,
          authorName: `Deelnemer ${n % 40} Ayşe`,
          organisation: ORGANISATIONS[n % ORGANISATIONS.length],
        },
      )
    })
    for (let start = 0; start < records.length; start += 400)
      writer.doc.transact(() => {
        const log = createKeyValueContainer(writer.doc)
        for (const record of records.slice(start, start + 400)) log.set(record.id, record)
      })
    await expect
      .poll(
        async () =>
          (
            await (
              await fetch(`${url}/api/boards/${board.id}/report.md?token=${board.tokens.viewer}`)
            ).text()
          ).includes('2.000 briefjes'),
        { timeout: 60_000, interval: 250 },
      )
      .toBe(true)

    const context = await session.newContext()
    const page = await context.newPage()
    await page.goto(board.links.facilitator)
    await page.getByLabel('Je naam').fill('Fenna')
    await page.getByLabel('Organisatie').selectOption({ label: 'Gemeente Ĳsselstein' })
    await page.getByRole('button', { name: 'Naar het bord' }).click()
    // Two thousand notes take the canvas a while on a loaded machine.
    await page.getByRole('tab', { name: 'Werkvormen', exact: true }).click({ timeout: 240_000 })
    const button = page.getByRole('button', { name: 'Verslag (PDF)' })
    await button.scrollIntoViewIfNeeded({ timeout: 120_000 })

    await watchProgressBar(page)
    const started = Date.now()
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      (async () => {
        await button.click()
        // The words, a moving bar and the seconds so far, seen in the window rather than
        // below the panel's fold.
        await page
          .getByRole('status')
          .filter({ hasText: 'Verslag (PDF) wordt gemaakt…' })
          .waitFor({ timeout: 30_000 })
        await screenshot(page, 'document-downloads-busy')
      })(),
    ])
    const seconds = (Date.now() - started) / 1000
    // Seconds, not minutes (typical figures in docs/documents.md).
    expect(seconds).toBeLessThan(60)
    expect(
      await page.evaluate(() => (window as unknown as { __progressSeen: object }).__progressSeen),
    ).toEqual({ inWindow: true, label: 'Verslag (PDF) wordt gemaakt…' })
    const done = page.getByRole('status').filter({ hasText: 'Verslag (PDF) is gedownload.' })
    await done.waitFor({ timeout: 30_000 })
    expect(await page.getByRole('progressbar').count()).toBe(0)
    await screenshot(page, 'document-downloads-done')
    expect(download.suggestedFilename()).toBe('verslag-grote-sessie-ijsselstein.pdf')
    const text = await pdfText(readFileSync(await download.path()))
    expect(text).toContain('Idee 2000: samen met bewoners')
    expect(text).toContain('Gemeente Ĳsselstein')
    // The figure for docs/documents.md.
    writeFileSync(
      new URL('../../test-results/documents-2000-notes-browser.txt', import.meta.url),
      `report.pdf through the browser: ${seconds.toFixed(1)} s\n`,
    )
  }, 600_000)

  it('gives every download button a full touch target on a phone and shows the wait there too', async () => {
    const url = session.server.server.url
    const board = await createBoard(url, {
      title: 'Klein bord',
      template: 'hebben-zaaien',
      organisations: [{ name: 'GGD Utrecht' }],
    })
    const context = await session.newContext()
    const phone = await context.newPage()
    await phone.setViewportSize({ width: 390, height: 844 })
    await phone.goto(board.links.facilitator)
    await phone.getByLabel('Je naam').fill('Fenna')
    await phone.getByLabel('Organisatie').selectOption({ label: 'GGD Utrecht' })
    await phone.getByRole('button', { name: 'Naar het bord' }).click()
    // A phone opens on the canvas; the panels are one button away.
    await phone.getByRole('button', { name: 'Panelen tonen' }).click({ timeout: 60_000 })
    await phone.getByRole('tab', { name: 'Werkvormen', exact: true }).click({ timeout: 60_000 })
    for (const name of [
      'Verslag (PDF)',
      'Verslag (Word)',
      'Verslag (Markdown)',
      'Verslag (CSV, voor Excel)',
    ]) {
      const button = phone.getByRole('button', { name })
      await button.scrollIntoViewIfNeeded()
      const box = await button.boundingBox()
      expect(box!.height, name).toBeGreaterThanOrEqual(44)
    }
    // Held back, so the wait can be seen on a small board too.
    await phone.route('**/report.docx*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2000))
      await route.continue()
    })
    await watchProgressBar(phone)
    const [download] = await Promise.all([
      phone.waitForEvent('download', { timeout: 60_000 }),
      (async () => {
        await phone.getByRole('button', { name: 'Verslag (Word)' }).click()
        await phone
          .getByRole('status')
          .filter({ hasText: 'Verslag (Word) wordt gemaakt…' })
          .waitFor({ timeout: 30_000 })
        await screenshot(phone, 'document-downloads-phone-busy')
      })(),
    ])
    expect(download.suggestedFilename()).toBe('verslag-klein-bord.docx')
    expect(
      await phone.evaluate(() => (window as unknown as { __progressSeen: object }).__progressSeen),
    ).toEqual({ inWindow: true, label: 'Verslag (Word) wordt gemaakt…' })
    await phone.getByRole('status').filter({ hasText: 'Verslag (Word) is gedownload.' }).waitFor()
    await screenshot(phone, 'document-downloads-phone-done')
  }, 180_000)
})
