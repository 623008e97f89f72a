import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { waitForEditor, waitForStatus } from './helpers/board-page'
import { useBrowserSession } from './helpers/browser-session'
import { openManifesto } from './helpers/manifesto-page'
import { screenshot } from './helpers/screenshots'
import { joinChoosingOrganisation } from './helpers/start-form'

/** Whether an element is inside the window, as a person would see it without scrolling. */
function inView(page: Page, selector: string) {
  return page.evaluate((s) => {
    const box = document.querySelector(s)?.getBoundingClientRect()
    return !!box && box.top >= 0 && box.top < window.innerHeight && box.height > 0
  }, selector)
}

describe('a bestuurder signs from a signing link', () => {
  const session = useBrowserSession()

  it('is walked to one Ondertekenen step for their own organisation and signs in three actions', async () => {
    const url = session.server.server.url
    const response = await fetch(`${url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Manifest 2040',
        organisations: [{ name: 'GGD' }, { name: 'Gemeente' }],
      }),
    })
    const board = (await response.json()) as { id: string; links: Record<string, string> }

    // The facilitator freezes the text and makes GGD's first signing link.
    const facilitator = await (await session.newContext()).newPage()
    await facilitator.setViewportSize({ width: 1440, height: 900 })
    await joinChoosingOrganisation(facilitator, board.links.facilitator!, {
      name: 'Fenna',
      organisation: 'Gemeente',
    })
    await waitForStatus(facilitator, 'connected')
    const dialog = facilitator.getByRole('dialog', { name: 'Bord delen' })
    if (!(await dialog.isVisible()))
      await facilitator.getByRole('button', { name: 'Delen' }).click()
    await dialog.getByRole('button', { name: 'Link maken: GGD' }).click()
    const field = dialog.getByRole('textbox', { name: 'GGD' })
    await field.waitFor()
    const link = await field.inputValue()
    // Nothing old to stop: the first link says what to do with it.
    const row = dialog.locator('[data-organisation="ggd"]')
    await row.getByText('Link gemaakt. Kopieer hem').waitFor()
    expect(await row.getByText('De oude link werkt niet meer').count()).toBe(0)
    await screenshot(facilitator, 'signer-first-link')
    await facilitator.keyboard.press('Escape')
    await openManifesto(facilitator)
    await facilitator.getByRole('button', { name: 'Tekst bevriezen voor ondertekening' }).click()

    // The bestuurder opens the link on a phone.
    const signer = await (await session.newContext()).newPage()
    await signer.setViewportSize({ width: 390, height: 844 })
    await signer.goto(link)
    await signer.getByRole('heading', { name: 'Ondertekenen namens GGD' }).waitFor()
    const organisation = signer.getByLabel('Organisatie')
    expect(await organisation.inputValue()).toBe('GGD')
    expect(await organisation.getAttribute('readonly')).not.toBeNull()
    await screenshot(signer, 'signer-join-phone')
    await signer.getByLabel('Je naam').fill('Anna de Vries')
    await signer.getByLabel('Functie').fill('Wethouder')
    // Action 1: to the manifesto, which opens at the signing step.
    await signer.getByRole('button', { name: 'Naar het manifest' }).click()
    await waitForEditor(signer)
    const form = signer.getByRole('form', { name: 'Ondertekenen namens GGD' })
    await form.waitFor()
    expect(await signer.getByRole('tab', { name: 'Manifest' }).getAttribute('aria-selected')).toBe(
      'true',
    )
    await expect.poll(() => inView(signer, '.manifesto-signing h3')).toBe(true)
    await screenshot(signer, 'signer-step-phone')
    // Action 2: consent; action 3: sign.
    await form.getByRole('checkbox').check()
    await form.getByRole('button', { name: 'Ondertekenen' }).click()
    const step = signer.locator('.manifesto-signing')
    await step.getByText(/Al ondertekend namens GGD door Anna de Vries op \d/).waitFor()
    expect(await form.count()).toBe(0)
    await screenshot(signer, 'signer-signed-phone')

    // Coming back later, the step says it is done and signing again is a deliberate choice.
    await signer.reload()
    await step.getByText(/Al ondertekend namens GGD/).waitFor()
    await step.getByRole('button', { name: 'Opnieuw ondertekenen' }).click()
    await form.getByText('Een nieuwe handtekening vervangt de vorige').waitFor()
    await facilitator
      .locator('.manifesto-signature', { hasText: 'Anna de Vries, Wethouder' })
      .getByText('geldig voor deze tekst')
      .waitFor()
  })
})
