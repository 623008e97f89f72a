import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitForEditor, waitForStatus } from './helpers/board-page'
import { launchBrowser, newContext, newPhoneContext } from './helpers/browser'
import { insertDefaultStructure, openManifesto } from './helpers/manifesto-page'
import { screenshot } from './helpers/screenshots'
import { createBoardViaStartPage, joinChoosingOrganisation } from './helpers/start-form'
import { startTestServer, type TestServer } from './helpers/test-server'
import { notesOf, openPanel, screenPointOf, waitForNotes } from './session/session-helpers'

/*
 * A workshop on the LAN: the board is opened over plain HTTP at a name that is not localhost,
 * as `http://<laptop>:8787` in a council chamber. Browsers give such a page no secure context
 * (no crypto.subtle, no Clipboard API, no service worker), and the whole session must still
 * work: create, share, join from a phone, write, vote, sign.
 */

const LAN_NAME = 'stip.test'
// A frame that fits a phone's screen at the default camera.
const FRAME = { x: 20, y: 20, w: 340, h: 420 }

describe('a workshop on the LAN over plain HTTP', () => {
  let server: TestServer
  let browser: Browser
  const errors: string[] = []
  const lanUrl = () => `http://${LAN_NAME}:${server.server.port}`
  const watch = (page: Page) => {
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`))
    return page
  }

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser([`--host-resolver-rules=MAP ${LAN_NAME} 127.0.0.1`])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('creates a board, joins from a phone, writes a note, votes and signs with no page error', async () => {
    const facilitator = watch(await (await newContext(browser)).newPage())
    await facilitator.setViewportSize({ width: 1440, height: 900 })
    await createBoardViaStartPage(facilitator, lanUrl(), {
      title: 'Werksessie in de raadzaal',
      chips: ['Gemeente', 'GGD'],
    })
    // The premise: this origin is no secure context.
    expect(
      await facilitator.evaluate(() => ({
        secure: window.isSecureContext,
        subtle: typeof globalThis.crypto.subtle,
        clipboard: typeof navigator.clipboard,
        serviceWorker: 'serviceWorker' in navigator,
      })),
    ).toEqual({ secure: false, subtle: 'undefined', clipboard: 'undefined', serviceWorker: false })
    await joinChoosingOrganisation(facilitator, null, { name: 'Fenna', organisation: 'Gemeente' })
    await waitForStatus(facilitator, 'connected')

    // The share dialog shows LAN links and their QR code; copying falls back to the selected
    // field and says what happened.
    const dialog = facilitator.getByRole('dialog', { name: 'Bord delen' })
    await dialog.waitFor()
    const editorLink = await dialog.locator('[data-role="editor"] input').inputValue()
    expect(editorLink).toMatch(new RegExp(`^${lanUrl()}/b/[A-Za-z0-9_-]+#token=`))
    await dialog.getByRole('img', { name: 'QR-code voor Deelnemers' }).waitFor()
    await dialog.getByRole('button', { name: 'Kopiëren: Deelnemers' }).click()
    await dialog.getByText(/Gekopieerd|De link is geselecteerd/).waitFor()
    await screenshot(facilitator, 'lan-share-dialog')
    await facilitator.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    const boardId = new URL(editorLink).pathname.split('/')[2] ?? ''

    const frameId: string = await facilitator.evaluate((frame) => {
      const editor = window.__stip?.editor
      editor?.createShape({
        type: 'frame',
        x: frame.x,
        y: frame.y,
        props: { w: frame.w, h: frame.h, name: 'Waarden' },
      })
      return String(editor?.getCurrentPageShapes().find((shape) => shape.type === 'frame')?.id)
    }, FRAME)

    // A phone scans the QR code: it opens the editor link.
    const phone = watch(await (await newPhoneContext(browser)).newPage())
    await phone.goto(editorLink)
    await phone.getByLabel('Je naam').fill('Anna de Vries')
    await phone.getByLabel('Organisatie').selectOption({ label: 'GGD' })
    await phone.getByRole('button', { name: 'Naar het bord' }).tap()
    await waitForEditor(phone)
    await waitForStatus(phone, 'connected')
    await phone.waitForFunction(
      (id) => Boolean(window.__stip?.editor.getShape(id as never)),
      frameId,
    )
    const inFrame = await screenPointOf(phone, { x: FRAME.x + 170, y: FRAME.y + 200 })
    await phone.getByTestId('tools.note').tap()
    await phone.locator('.tl-canvas').tap({ position: inFrame })
    await phone.waitForFunction(() => Boolean(window.__stip?.editor.getEditingShapeId()))
    await phone.keyboard.type('Naar elkaar luisteren')
    await phone.keyboard.press('Escape')
    const notes = await waitForNotes(facilitator, (all) =>
      all.some((note) => note.text === 'Naar elkaar luisteren'),
    )
    expect(notes.find((note) => note.text === 'Naar elkaar luisteren')?.parentId).toBe(frameId)
    await screenshot(phone, 'lan-phone-note')

    // The facilitator starts a vote on the frame; the phone spends a dot.
    await openPanel(facilitator, 'Stemmen')
    await facilitator.evaluate((id) => {
      window.__stip?.editor.select(id as never)
    }, frameId)
    await facilitator.getByText(/^(Frame|Stemmen over): Waarden$/).waitFor()
    await facilitator.getByLabel('Stippen per persoon').fill('2')
    await facilitator.getByRole('button', { name: 'Start stemronde' }).click()
    await phone.getByRole('button', { name: 'Panelen tonen' }).tap()
    await openPanel(phone, 'Stemmen')
    await phone.getByText('Je hebt nog 2 van 2 stippen.').waitFor()
    await screenshot(phone, 'lan-phone-vote-panel')
    await phone
      .locator('.ballot-list')
      .getByRole('button', { name: 'Stem op: Naar elkaar luisteren', exact: true })
      .tap()
    await phone.getByText('Je hebt nog 1 van 2 stippen.').waitFor()
    await screenshot(phone, 'lan-phone-vote')

    // The manifesto is frozen for signing; GGD's signing link opens on the same phone.
    await openManifesto(facilitator)
    await insertDefaultStructure(facilitator)
    await facilitator.locator('.manifesto-prose > p').first().click()
    await facilitator.keyboard.type('Wij luisteren naar elkaar.')
    await facilitator.getByRole('button', { name: 'Tekst bevriezen voor ondertekening' }).click()
    const signingLink = await createSigningLink(lanUrl(), boardId, facilitator)
    await phone.goto(signingLink)
    await waitForEditor(phone)
    // A signing link walks its signer straight to the Manifest tab's signing step.
    await phone.getByRole('tab', { name: 'Manifest', selected: true }).waitFor()
    const form = phone.getByRole('form', { name: 'Ondertekenen namens GGD' })
    await form.waitFor()
    await phone.locator('.manifesto-prose', { hasText: 'luisteren naar elkaar' }).waitFor()
    await form.getByLabel('Functie').fill('Directeur publieke gezondheid')
    await form.getByRole('checkbox').check()
    await form.getByRole('button', { name: 'Ondertekenen' }).tap()
    // Once signed, the step says so (and by whom), in place of the form.
    await phone
      .locator('.manifesto-signing')
      .getByText(/Al ondertekend namens GGD door/)
      .waitFor()
    await screenshot(phone, 'lan-phone-signed')
    await facilitator
      .locator('.manifesto-signature', { hasText: 'Anna de Vries' })
      .getByText('geldig voor deze tekst')
      .waitFor()
    expect((await notesOf(phone)).length).toBeGreaterThan(0)
    // Plain HTTP is development to tldraw: its watermark shows, the canvas stays.
    for (const page of [facilitator, phone]) {
      expect(await page.locator('.tl-canvas').count()).toBe(1)
      expect(await page.locator('.licence-notice').count()).toBe(0)
    }
    expect(errors).toEqual([])
  })
})

/** The facilitator makes GGD's signing link from the share dialog's API, on the LAN origin. */
async function createSigningLink(
  origin: string,
  boardId: string,
  facilitator: Page,
): Promise<string> {
  return facilitator.evaluate(
    async ({ origin, boardId }) => {
      const token = localStorage.getItem(`stip.token.${boardId}`) ?? ''
      const auth = { authorization: `Bearer ${token}` }
      const info = await (await fetch(`${origin}/api/boards/${boardId}`, { headers: auth })).json()
      const ggd = info.organisations.find((o: { name: string }) => o.name === 'GGD')
      const response = await fetch(`${origin}/api/boards/${boardId}/signing-links/${ggd.id}`, {
        method: 'POST',
        headers: auth,
      })
      return (await response.json()).link as string
    },
    { origin, boardId },
  )
}
