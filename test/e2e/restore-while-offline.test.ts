import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { waitForStatus } from './helpers/board-page'
import { newPhoneContext } from './helpers/browser'
import { useBrowserSession } from './helpers/browser-session'
import { openManifesto } from './helpers/manifesto-page'
import { screenshot } from './helpers/screenshots'
import { joinChoosingOrganisation } from './helpers/start-form'
import { createBoardWithOrganisations } from './session/session-helpers'

/*
 * A facilitator restores a version while a partner on a phone, offline, adds to a paragraph
 * the version has as it is. The partner's words must survive the restore, also when a
 * paragraph the version lacks was added above theirs (until 2026-12-05 the restore rewrote
 * every block below such a paragraph, and Yjs drops text typed into a removed block).
 */

const manifestoText = async (page: Page) =>
  (await page.locator('.manifesto-prose').textContent()) ?? ''

async function join(page: Page, link: string, name: string, organisation: string) {
  page.setDefaultTimeout(25_000)
  await joinChoosingOrganisation(page, link, { name, organisation })
  await waitForStatus(page, 'connected')
}

describe('restoring a version while a partner is offline', () => {
  const session = useBrowserSession()

  it('keeps what the partner typed offline into a paragraph the version kept', async () => {
    const board = await createBoardWithOrganisations(session.server.server.url, 'Herstel')
    const femke = await (await session.newContext()).newPage()
    await join(femke, board.links.facilitator!, 'Femke', 'Gemeente')
    const share = femke.getByRole('dialog', { name: 'Bord delen' })
    if (await share.isVisible()) await femke.keyboard.press('Escape')
    await openManifesto(femke)
    const valuesHeading = femke.locator('.manifesto-prose h2', { hasText: 'Gedeelde waarden' })
    await femke.locator('.manifesto-prose h2:has-text("Gedeelde waarden") + p').click()
    await femke.keyboard.type('Wij werken samen aan gezondheid.')
    await femke.getByRole('tab', { name: 'Versies' }).click()
    await femke.getByLabel('Naam van de versie').fill('Voor de pauze')
    await femke.getByRole('button', { name: 'Versie bewaren' }).click()
    const version = femke.locator('.version-item', { hasText: 'Voor de pauze' })
    await version.waitFor()

    const phoneContext = await newPhoneContext(session.browser)
    try {
      const gijs = await phoneContext.newPage()
      await join(gijs, board.links.editor!, 'Gijs', 'GGD')
      await gijs.getByRole('button', { name: /Panelen tonen/ }).click()
      await openManifesto(gijs)
      const shared = gijs.locator('.manifesto-prose p', { hasText: 'Wij werken samen' })
      await shared.waitFor()
      await phoneContext.setOffline(true)
      await shared.click()
      await gijs.keyboard.press('End')
      await gijs.keyboard.type(' Ook wonen telt mee.')
      await screenshot(gijs, 'restore-offline-phone')

      // Meanwhile: a paragraph above Gijs's, a line under the ambitions, then the restore.
      await femke.getByRole('tab', { name: 'Manifest' }).click()
      await valuesHeading.click()
      await femke.keyboard.press('End')
      await femke.keyboard.press('Enter')
      await femke.keyboard.type('Een inleiding die weer weg moet.')
      await femke.locator('.manifesto-prose h2:has-text("Ambities 2040") + p').click()
      await femke.keyboard.type('Een ambitie van na de pauze.')
      await femke.getByRole('tab', { name: 'Versies' }).click()
      await version.getByRole('button', { name: 'Herstellen: Voor de pauze' }).click()
      await version.getByRole('button', { name: 'Ja, herstellen' }).click()
      await femke.getByText('Versie hersteld.').waitFor()
      await femke.getByRole('tab', { name: 'Manifest' }).click()
      await expect.poll(() => manifestoText(femke)).not.toContain('Een inleiding')

      await phoneContext.setOffline(false)
      await waitForStatus(gijs, 'connected')
      const both = 'Wij werken samen aan gezondheid. Ook wonen telt mee.'
      await expect.poll(() => manifestoText(femke)).toContain(both)
      const restored = await manifestoText(femke)
      expect(restored).not.toContain('Een inleiding')
      expect(restored).not.toContain('Een ambitie van na de pauze')
      await expect.poll(() => manifestoText(gijs)).toBe(restored)
      // And it is stored: a reload on the phone reads it back from the server.
      await gijs.reload()
      await waitForStatus(gijs, 'connected')
      if (await gijs.getByRole('button', { name: /Panelen tonen/ }).isVisible()) {
        await gijs.getByRole('button', { name: /Panelen tonen/ }).click()
      }
      await openManifesto(gijs)
      await expect.poll(() => manifestoText(gijs)).toBe(restored)
      await screenshot(femke, 'restore-offline-facilitator')
    } finally {
      await phoneContext.close()
    }
  })
})
