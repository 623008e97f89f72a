import { mkdirSync } from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useCleanup } from '../integration/helpers/cleanup'
import { waitForEditor, waitForStatus } from './helpers/board-page'
import { newPhoneContext } from './helpers/browser'
import { useBrowserSession } from './helpers/browser-session'
import {
  axeViolations,
  insertDefaultStructure,
  openManifesto,
  tokenOf,
  waitForServerMarkdown,
} from './helpers/manifesto-page'
import { screenshot } from './helpers/screenshots'

/** Where the brief asks the screenshots to be, besides the suite's own folder. */
const SHOTS = '/work/shots/amend/'

async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name)
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: false })
}

interface Board {
  id: string
  links: { facilitator: string; editor: string; viewer: string }
}

async function createBoard(serverUrl: string): Promise<Board> {
  const response = await fetch(`${serverUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Amendementen',
      organisations: [{ name: 'Gemeente' }, { name: 'GGD' }],
    }),
  })
  if (response.status !== 201) throw new Error(`board creation failed: ${response.status}`)
  return (await response.json()) as Board
}

async function signingLink(serverUrl: string, board: Board, organisationId: string) {
  const response = await fetch(
    `${serverUrl}/api/boards/${board.id}/signing-links/${organisationId}`,
    { method: 'POST', headers: { authorization: `Bearer ${tokenOf(board.links.facilitator)}` } },
  )
  if (response.status !== 201) throw new Error(`no signing link: ${response.status}`)
  return ((await response.json()) as { link: string }).link
}

async function join(page: Page, link: string, name: string, organisation: string, role = '') {
  // A step that cannot happen fails with its own message, well inside the test's time.
  page.setDefaultTimeout(25_000)
  await page.goto(link)
  await page.getByLabel('Je naam').fill(name)
  const field = page.getByLabel('Organisatie')
  if ((await field.evaluate((element) => element.tagName)) === 'SELECT') {
    await field.selectOption({ label: organisation })
  }
  if (role) await page.getByLabel(/^(Rol|Functie)$/).fill(role)
  await page.getByRole('button', { name: /^Naar het (bord|manifest)$/ }).click()
  await waitForEditor(page)
  await waitForStatus(page, 'connected')
  // On a phone the panels start hidden behind the top bar's toggle.
  const showPanels = page.getByRole('button', { name: 'Panelen tonen' })
  if (await showPanels.isVisible()) await showPanels.click()
  await openManifesto(page)
}

/** Selects `word` inside a paragraph of the editor, as a person dragging over it would. */
async function selectWord(paragraph: Locator, word: string): Promise<void> {
  await paragraph.click()
  await paragraph.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + wanted.length)
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
      return
    }
    throw new Error(`no "${wanted}" in the paragraph`)
  }, word)
}

/** The paragraph under the title: the first one of the default structure. */
const opening = (page: Page) => page.locator('.manifesto-prose > p').first()

describe('amendments on the manifesto between two organisations', () => {
  const session = useBrowserSession()
  const cleanup = useCleanup()
  const url = () => session.server.server.url

  it('proposes, answers and accepts an amendment; while frozen it waits and the page says why', async () => {
    const board = await createBoard(url())
    const facilitator = await (await session.newContext()).newPage()
    await join(facilitator, board.links.facilitator, 'Fenna', 'Gemeente')
    await insertDefaultStructure(facilitator)
    await opening(facilitator).click()
    await facilitator.keyboard.type('Wij geloven in samenwerking met bewoners.')
    await waitForServerMarkdown(cleanup, url(), board.id, tokenOf(board.links.viewer), (md) =>
      md.includes('bewoners.'),
    )
    // The chair proposes nothing: the form is for partners.
    expect(await facilitator.getByRole('button', { name: 'Amendement voorstellen' }).count()).toBe(
      0,
    )

    const wim = await (await session.newContext()).newPage()
    await join(wim, board.links.editor, 'Wim', 'Gemeente')
    const ggd = await (await session.newContext()).newPage()
    await join(ggd, await signingLink(url(), board, 'ggd'), 'Aïsha Bakker', 'GGD', 'Directeur')
    await opening(wim).getByText('bewoners.').waitFor()

    // Wim selects a word and proposes its replacement on behalf of the Gemeente.
    const propose = wim.getByRole('button', { name: 'Amendement voorstellen' })
    expect(await propose.isDisabled()).toBe(true)
    await wim.getByText('Selecteer eerst een passage binnen één alinea').waitFor()
    await selectWord(opening(wim), 'geloven')
    await expect.poll(() => propose.isDisabled()).toBe(false)
    await propose.click()
    const form = wim.getByRole('form', { name: 'Amendement namens Gemeente' })
    await form.locator('blockquote', { hasText: 'geloven' }).waitFor()
    await form.getByLabel('Vervangen door').fill('kiezen voor')
    await form.getByLabel('Omdat').fill('Geloven is te vrijblijvend.')
    await shot(wim, 'amendment-form-desktop')
    await form.getByRole('button', { name: 'Voorstel indienen' }).click()
    await wim.getByText('Amendement 1 is ingediend.').waitFor()
    // The passage is marked in the text, with the amendment's number, for both organisations.
    for (const page of [wim, ggd]) {
      const mark = opening(page).locator('.amendment-mark[data-amendment="1"]')
      await mark.waitFor()
      expect(await mark.textContent()).toBe('geloven')
    }
    await opening(ggd).scrollIntoViewIfNeeded()
    await shot(ggd, 'amendment-marked-desktop')

    // The GGD sees it, with a count on the Manifest tab, and objects with a reason.
    const card = (page: Page) => page.locator('.amendment', { hasText: 'Amendement 1' })
    await card(ggd).waitFor()
    await ggd.getByRole('tab', { name: /Manifest.*1 open amendement/ }).waitFor()
    await card(ggd).getByLabel('Waarom (één regel)').fill('Liever eerst de wijk horen.')
    await card(ggd).getByRole('button', { name: 'Bezwaar maken' }).click()
    await card(ggd).getByRole('button', { name: 'Bezwaar maken', pressed: true }).waitFor()
    for (const page of [wim, facilitator]) {
      await card(page).getByText('GGD maakt bezwaar: Liever eerst de wijk horen.').waitFor()
    }
    await card(wim).getByText('Dit is het voorstel van jouw organisatie.').waitFor()
    expect(await axeViolations(ggd)).toEqual([])
    await shot(ggd, 'amendment-answered-desktop')

    // Wim starts a second proposal; the facilitator freezes the text for signing meanwhile.
    await selectWord(opening(wim), 'bewoners')
    await propose.click()
    await form.getByLabel('Vervangen door').fill('inwoners')
    await form.getByLabel('Omdat').fill('Iedereen telt mee.')
    await facilitator.getByRole('button', { name: 'Tekst bevriezen voor ondertekening' }).click()
    await form.getByRole('button', { name: 'Voorstel indienen' }).click()
    await form.getByText('De tekst is bevroren voor ondertekening; dit wacht').waitFor()
    await form.getByRole('button', { name: 'Annuleren' }).click()
    await wim.getByText('amendementen wachten tot de begeleider de bevriezing opheft').waitFor()
    expect(await propose.isDisabled()).toBe(true)
    const accept = card(facilitator).getByRole('button', { name: 'Aannemen' })
    expect(await accept.isDisabled()).toBe(true)
    await card(facilitator).getByText('Aannemen kan pas als de bevriezing is opgeheven.').waitFor()
    await card(facilitator).scrollIntoViewIfNeeded()
    await shot(facilitator, 'amendment-frozen-desktop')

    // Unfrozen, the facilitator accepts: the text changes for everyone, credited to the Gemeente.
    await facilitator.getByRole('button', { name: 'Bevriezing opheffen' }).click()
    await expect.poll(() => accept.isDisabled()).toBe(false)
    await card(facilitator)
      .getByLabel('Toelichting bij het besluit')
      .fill('Besproken op 5 december')
    await accept.click()
    for (const page of [facilitator, wim, ggd]) {
      await opening(page).getByText('Wij kiezen voor in samenwerking met bewoners.').waitFor()
      await card(page).getByText('aangenomen', { exact: true }).waitFor()
      await card(page).getByText('Tekst gewijzigd op voorstel van Gemeente.').waitFor()
    }
    expect(await ggd.getByRole('tab', { name: /open amendement/ }).count()).toBe(0)
    expect(await opening(ggd).locator('.amendment-mark').count()).toBe(0)
    await waitForServerMarkdown(cleanup, url(), board.id, tokenOf(board.links.viewer), (md) =>
      md.includes('Wij kiezen voor in samenwerking'),
    )

    // The GGD signs after the amendment: the signature says so.
    const signing = ggd.getByRole('form', { name: 'Ondertekenen namens GGD' })
    await signing.getByRole('checkbox').check()
    await signing.getByRole('button', { name: 'Ondertekenen' }).click()
    const signature = ggd.locator('.manifesto-signature', { hasText: 'Aïsha Bakker' })
    await signature.getByText('ondertekend na amendement 1').waitFor()
    await facilitator
      .locator('.manifesto-signature', { hasText: 'Aïsha Bakker' })
      .getByText('ondertekend na amendement 1')
      .waitFor()
    await card(ggd).scrollIntoViewIfNeeded()
    await shot(ggd, 'amendment-accepted-desktop')
    // Three browsers, two organisations and the chair on a shared machine: more than one minute.
  }, 240_000)

  it('answers an amendment on a phone with touch-sized buttons', async () => {
    const board = await createBoard(url())
    const facilitator = await (await session.newContext()).newPage()
    await join(facilitator, board.links.facilitator, 'Fenna', 'Gemeente')
    await insertDefaultStructure(facilitator)
    await opening(facilitator).click()
    await facilitator.keyboard.type('Wij geloven in samenwerking.')
    const wim = await (await session.newContext()).newPage()
    await join(wim, board.links.editor, 'Wim', 'Gemeente')
    await opening(wim).getByText('samenwerking.').waitFor()
    await selectWord(opening(wim), 'samenwerking')
    await wim.getByRole('button', { name: 'Amendement voorstellen' }).click()
    await wim.getByLabel('Vervangen door').fill('verbinding')
    await wim.getByLabel('Omdat').fill('Verbinding zegt meer.')
    await wim.getByRole('button', { name: 'Voorstel indienen' }).click()
    await wim.getByText('Amendement 1 is ingediend.').waitFor()

    const phone = await newPhoneContext(session.browser)
    const ggd = await phone.newPage()
    await join(ggd, board.links.editor, 'Aïsha', 'GGD')
    const card = ggd.locator('.amendment', { hasText: 'Amendement 1' })
    await card.scrollIntoViewIfNeeded()
    const support = card.getByRole('button', { name: 'Steunen' })
    const box = await support.boundingBox()
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44)
    await shot(ggd, 'amendment-phone')
    await support.tap()
    await wim.locator('.amendment').getByText('GGD steunt').waitFor()
    await phone.close()
  }, 180_000)
})
