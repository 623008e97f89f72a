import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations } from './helpers/axe'
import { waitForEditor } from './helpers/board-page'
import { launchBrowser } from './helpers/browser'
import { screenshot } from './helpers/screenshots'
import { joinChoosingOrganisation } from './helpers/start-form'
import { startTestServer, type TestServer } from './helpers/test-server'
import { startTlsProxy, type TlsProxy } from './helpers/tls-proxy'
import { createBoardWithOrganisations } from './session/session-helpers'

/*
 * tldraw's licence check, as it runs on a real install: HTTPS on a host that is not localhost
 * counts as production, and without TLDRAW_LICENSE_KEY tldraw removes its editor after about
 * five seconds. Stip must then say why, in place of the canvas: the facilitator what to do,
 * everyone else whom to ask. The check itself is left exactly as tldraw ships it.
 */

const PRODUCTION_NAME = 'stip.gemeente.test'

describe("tldraw's licence on an HTTPS production host without a key", () => {
  let server: TestServer
  let proxy: TlsProxy
  let browser: Browser
  const errors: string[] = []
  /** The addresses tldraw's licence beacon reported. */
  const beaconUrls: string[] = []

  beforeAll(async () => {
    server = await startTestServer()
    proxy = await startTlsProxy(server.server.port, PRODUCTION_NAME)
    browser = await launchBrowser([
      `--host-resolver-rules=MAP ${PRODUCTION_NAME} 127.0.0.1`,
      '--ignore-certificate-errors',
    ])
  })
  afterAll(async () => {
    await browser?.close()
    await proxy?.close()
    await server?.close()
  })

  /** A share link as the install hands it out: https on its own name. */
  const onProduction = (link: string) => {
    const url = new URL(link)
    return `https://${PRODUCTION_NAME}:${proxy.port}${url.pathname}${url.hash}`
  }

  async function open(link: string, size: { width: number; height: number }, name: string) {
    const page = await (
      await browser.newContext({ viewport: size, locale: 'nl-NL', serviceWorkers: 'block' })
    ).newPage()
    page.on('pageerror', (error) => {
      // tldraw reports an unlicensed production install to cdn.tldraw.com (Stip's CSP lets
      // exactly that through); this machine has no internet, so the fetch rejects inside
      // tldraw. That is tldraw's beacon failing, not Stip: anything else counts.
      if (error.message === 'Failed to fetch' && error.stack?.includes('maybeTrack')) return
      errors.push(error.message)
    })
    page.on('request', (request) => {
      if (request.url().includes('watermark-track.svg')) {
        beaconUrls.push(decodeURIComponent(request.url()))
      }
    })
    await joinChoosingOrganisation(page, onProduction(link), { name, organisation: 'GGD' })
    return page
  }

  const notice = (page: Page) => page.getByRole('alert').filter({ hasText: 'niet worden getoond' })

  it('explains the vanished canvas: what to do for the facilitator, whom to ask for others', async () => {
    const board = await createBoardWithOrganisations(server.server.url, 'Licentiebord')
    const facilitator = await open(board.links.facilitator, { width: 1440, height: 900 }, 'Fenna')
    const participant = await open(board.links.editor, { width: 390, height: 844 }, 'Anna')
    expect(await facilitator.evaluate(() => location.protocol)).toBe('https:')
    await facilitator.keyboard.press('Escape')

    // tldraw's own gate replaces the editor; Stip only adds its explanation beside it.
    for (const page of [facilitator, participant]) {
      await page.locator('[data-testid="tl-license-expired"]').waitFor({
        state: 'attached',
        timeout: 20_000,
      })
      await notice(page).waitFor()
      expect(await page.locator('.tl-canvas').count()).toBe(0)
    }
    const forFacilitator = notice(facilitator)
    await forFacilitator.getByText('TLDRAW_LICENSE_KEY').waitFor()
    expect(
      await forFacilitator
        .getByRole('link', { name: 'De licentieopties van tldraw (Engels)' })
        .getAttribute('href'),
    ).toBe('https://tldraw.dev/sdk-features/license-key')
    await notice(participant).getByText('Vraag de begeleider van deze sessie').waitFor()
    expect(await notice(participant).getByText('TLDRAW_LICENSE_KEY').count()).toBe(0)
    expect(await axeViolations(facilitator)).toEqual([])
    expect(await axeViolations(participant)).toEqual([])
    await screenshot(facilitator, 'licence-notice-facilitator')
    await screenshot(participant, 'licence-notice-phone')
    expect(errors).toEqual([])
    // tldraw's beacon sends location.href; the token left the address bar before it looked.
    expect(beaconUrls.length).toBeGreaterThan(0)
    for (const link of [board.links.facilitator, board.links.editor]) {
      const token = new URL(link).hash.replace('#token=', '')
      expect(beaconUrls.filter((url) => url.includes(token))).toEqual([])
    }
  })

  it('keeps the canvas and says nothing on the same install over plain HTTP', async () => {
    const board = await createBoardWithOrganisations(server.server.url, 'Zonder TLS')
    const page = await (await browser.newContext({ locale: 'nl-NL' })).newPage()
    await joinChoosingOrganisation(page, board.links.editor, { name: 'Eva', organisation: 'GGD' })
    await waitForEditor(page)
    // Longer than tldraw's five seconds: a development origin is never gated.
    await page.waitForTimeout(6_500)
    expect(await page.locator('.tl-canvas').count()).toBe(1)
    expect(await notice(page).count()).toBe(0)
  })
})
