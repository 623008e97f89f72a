import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { joinBoard, waitForEditor, waitForStatus } from './helpers/board-page'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'
import { createBoardViaStartPage, joinChoosingOrganisation } from './helpers/start-form'

type Links = { facilitator: string; editor: string; viewer: string }

describe('starting a board and sharing its links', () => {
  const session = useBrowserSession()
  const fresh = async (): Promise<Page> => {
    const context = await session.newContext()
    return context.newPage()
  }
  const storedLinks = (page: Page, boardId: string) =>
    page.evaluate((id) => JSON.parse(localStorage.getItem(`stip.links.${id}`) ?? '{}'), boardId)
  const boardIdOf = (page: Page) => new URL(page.url()).pathname.split('/')[2] ?? ''

  let facilitator: Page
  /** The participant the organisation test opened; the renewal test cuts them off. */
  let participant: Page | undefined
  let boardId = ''
  let links: Links

  it('creates a board from the start form and lands as facilitator with the share dialog open', async () => {
    const context = await session.newContext()
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: session.server.server.url,
    })
    facilitator = await context.newPage()
    await facilitator.goto(`${session.server.server.url}/`)
    // Submitting without a title is stopped on the page, with the reason next to the form.
    await facilitator.getByRole('button', { name: 'Bord maken' }).click()
    await facilitator.getByRole('alert').filter({ hasText: 'Geef het bord een titel.' }).waitFor()

    await facilitator.getByLabel('Titel van het bord').fill('Samen naar 2040 – Noord')
    await facilitator.getByRole('button', { name: 'Toevoegen: Gemeente', exact: true }).click()
    await facilitator.getByRole('button', { name: 'Toevoegen: GGD', exact: true }).click()
    await facilitator.getByRole('radio', { name: /Wat heb je al/ }).check()
    expect(await facilitator.getByLabel(/^Naam organisatie \d$/).count()).toBe(2)
    await facilitator.evaluate(() => window.scrollTo(0, 0))
    await screenshot(facilitator, 'start-page-form')
    await facilitator.getByRole('button', { name: 'Bord maken' }).click()
    await facilitator.waitForURL(/\/b\/[A-Za-z0-9_-]+$/)
    boardId = boardIdOf(facilitator)

    links = (await storedLinks(facilitator, boardId)) as Links
    expect(Object.keys(links).sort()).toEqual(['editor', 'facilitator', 'viewer'])
    // The token went from the server's answer to storage, never into the address bar.
    expect(facilitator.url()).toBe(links.facilitator.replace(/#token=.*$/, ''))
    // The server knows the organisations and the template the form sent.
    const token = new URL(links.facilitator).hash.replace('#token=', '')
    const info = await (
      await fetch(`${session.server.server.url}/api/boards/${boardId}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()
    expect(info).toMatchObject({ title: 'Samen naar 2040 – Noord', template: 'hebben-zaaien' })
    expect(info.organisations.map((o: { name: string }) => o.name)).toEqual(['Gemeente', 'GGD'])

    await joinChoosingOrganisation(facilitator, null, { name: 'Fatma', organisation: 'Gemeente' })
    const dialog = facilitator.getByRole('dialog', { name: 'Bord delen' })
    await dialog.waitFor()
    expect(await dialog.getAttribute('aria-modal')).toBe('true')
    const values = await dialog
      .locator('input[readonly]')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))
    expect(values.sort()).toEqual([links.editor, links.facilitator, links.viewer].sort())
    const qr = dialog.getByRole('img', { name: 'QR-code voor Deelnemers' })
    await qr.waitFor()
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
    await screenshot(facilitator, 'share-dialog')

    await dialog.getByRole('button', { name: 'Kopiëren: Deelnemers' }).click()
    await dialog.getByText('Gekopieerd').waitFor()
    expect(await facilitator.evaluate(() => navigator.clipboard.readText())).toBe(links.editor)

    // The QR switch shows the viewer link's code instead.
    await dialog.getByRole('button', { name: 'Meekijkers', exact: true }).click()
    await dialog.getByRole('img', { name: 'QR-code voor Meekijkers' }).waitFor()

    await facilitator.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
  })

  it('reopens from "Delen" and gives focus back to that button when closed', async () => {
    const share = facilitator.getByRole('button', { name: 'Delen', exact: true })
    await share.click()
    const dialog = facilitator.getByRole('dialog', { name: 'Bord delen' })
    await dialog.waitFor()
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true)
    await facilitator.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect(await share.evaluate((el) => el === document.activeElement)).toBe(true)
  })

  it("lets a participant choose one of the board's organisations and colours them with it", async () => {
    const page = await fresh()
    participant = page
    await page.goto(links.editor)
    await page.getByLabel('Organisatie').waitFor()
    const options = await page
      .getByLabel('Organisatie')
      .locator('option')
      .evaluateAll((all) => all.map((o) => o.textContent))
    expect(options).toEqual(['Kies je organisatie', 'Gemeente', 'GGD'])
    await joinChoosingOrganisation(page, null, { name: 'Gijs', organisation: 'GGD' })
    await waitForStatus(page, 'connected')
    const token = new URL(links.editor).hash.replace('#token=', '')
    const info = await (
      await fetch(`${session.server.server.url}/api/boards/${boardId}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()
    const ggd = info.organisations.find((o: { name: string }) => o.name === 'GGD').color
    const shown = await page.evaluate(() => window.__stip?.editor.user.getColor())
    expect(shown?.toLowerCase()).toBe(ggd.toLowerCase())
    // Editors do not get the share button: only the facilitator hands out links.
    expect(await page.getByRole('button', { name: 'Delen', exact: true }).count()).toBe(0)
  })

  it('renews the editor link: the old one is cut off at once and the new one works', async () => {
    const previous = participant
    if (!previous) throw new Error('the previous test did not open a participant')

    await facilitator.getByRole('button', { name: 'Delen', exact: true }).click()
    const dialog = facilitator.getByRole('dialog', { name: 'Bord delen' })
    await dialog.getByRole('button', { name: 'Nieuwe link maken: Deelnemers' }).click()
    await dialog.getByText('Nieuwe link gemaakt. De oude link werkt niet meer.').waitFor()
    const renewed = ((await storedLinks(facilitator, boardId)) as Links).editor
    expect(renewed).not.toBe(links.editor)
    expect(await dialog.locator('input[readonly]').first().inputValue()).toBe(renewed)

    await previous.getByRole('heading', { name: 'Geen toegang tot dit bord' }).waitFor()
    await screenshot(previous, 'share-old-link-no-access')

    const third = await fresh()
    await joinChoosingOrganisation(third, renewed, { name: 'Hanna', organisation: 'Gemeente' })
    await waitForStatus(third, 'connected')
    await facilitator.keyboard.press('Escape')
  })

  it('opens the viewer link read-only', async () => {
    const viewer = await fresh()
    await viewer.goto(links.viewer)
    await joinChoosingOrganisation(viewer, null, { name: 'Vera', organisation: 'GGD' })
    await waitForStatus(viewer, 'connected')
    await viewer.locator('.read-only-tag', { hasText: 'alleen lezen' }).waitFor()
    await viewer.waitForFunction(() => window.__stip?.editor.getIsReadonly() === true)
    expect(await viewer.getByRole('button', { name: 'Delen', exact: true }).count()).toBe(0)
  })

  it('shows a facilitator who did not create the board their own link and lets them renew the others', async () => {
    const elsewhere = await fresh()
    await elsewhere.goto(links.facilitator)
    await joinChoosingOrganisation(elsewhere, null, { name: 'Fatma', organisation: 'Gemeente' })
    // No welcome here: the dialog only opens by itself in the browser that created the board.
    await elsewhere.getByRole('button', { name: 'Delen', exact: true }).click()
    const dialog = elsewhere.getByRole('dialog', { name: 'Bord delen' })
    expect(await dialog.locator('input[readonly]').count()).toBe(1)
    expect(await dialog.locator('input[readonly]').inputValue()).toBe(links.facilitator)
    expect(
      await dialog.getByText('Deze link is niet in deze browser bewaard', { exact: false }).count(),
    ).toBeGreaterThan(0)
    await dialog.getByRole('button', { name: 'Nieuwe link maken: Meekijkers' }).click()
    await dialog.getByText('Nieuwe link gemaakt. De oude link werkt niet meer.').waitFor()
    const fresher = (await storedLinks(elsewhere, boardId)) as Partial<Links>
    expect(fresher.viewer).toMatch(new RegExp(`/b/${boardId}#token=`))
    const late = await fresh()
    await late.goto(fresher.viewer ?? '')
    await joinChoosingOrganisation(late, null, { name: 'Lot', organisation: 'GGD' })
    await late.locator('.read-only-tag').waitFor()
  })

  it('still offers free text on a board without organisations', async () => {
    const page = await fresh()
    await createBoardViaStartPage(page, session.server.server.url, { title: 'Zonder partners' })
    await joinBoard(page, page.url(), { name: 'Ole', organisation: 'Politie' })
    await waitForEditor(page)
    await page.getByRole('dialog', { name: 'Bord delen' }).waitFor()
  })
})
