import type { Page } from 'playwright-core'
import { joinedAsViewer, waitForEditor } from './board-page'

export interface StartForm {
  title: string
  /** Names of the quick-add chips to click, in order. */
  chips?: string[]
  /** Organisations typed into new rows. */
  typed?: string[]
  /** A template's Dutch name (or part of it), e.g. "Wat heb je al". */
  template?: string | RegExp
}

/** Fills the start page's form through its labels and submits it; waits for the board URL. */
export async function createBoardViaStartPage(
  page: Page,
  serverUrl: string,
  form: StartForm,
): Promise<void> {
  await page.goto(`${serverUrl}/`)
  await page.getByLabel('Titel van het bord').fill(form.title)
  for (const chip of form.chips ?? []) {
    await page.getByRole('button', { name: `Toevoegen: ${chip}`, exact: true }).click()
  }
  for (const name of form.typed ?? []) {
    await page.getByRole('button', { name: /Andere organisatie toevoegen/ }).click()
    await page
      .getByLabel(/^Naam organisatie \d+$/)
      .last()
      .fill(name)
  }
  if (form.template) await page.getByRole('radio', { name: form.template }).check()
  await page.getByRole('button', { name: 'Bord maken' }).click()
  await page.waitForURL(/\/b\/[A-Za-z0-9_-]+$/)
}

/**
 * Joins a board that has organisations: the organisation is chosen from a list, or, on a
 * signing link, is already fixed to the one it signs for (and must be `who.organisation`).
 */
export async function joinChoosingOrganisation(
  page: Page,
  boardUrl: string | null,
  who: { name: string; organisation: string },
): Promise<void> {
  if (boardUrl) await page.goto(boardUrl)
  if (!(await joinedAsViewer(page, who.name))) {
    await page.getByLabel('Je naam').fill(who.name)
    const organisation = page.getByLabel('Organisatie')
    if ((await organisation.evaluate((element) => element.tagName)) === 'SELECT') {
      await organisation.selectOption({ label: who.organisation })
    } else if ((await organisation.inputValue()) !== who.organisation) {
      throw new Error(
        `this link is for ${await organisation.inputValue()}, not ${who.organisation}`,
      )
    }
    await page.getByRole('button', { name: /^Naar het (bord|manifest)$/ }).click()
  }
  await waitForEditor(page)
}
