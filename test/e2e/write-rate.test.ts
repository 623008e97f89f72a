import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitForStatus } from './helpers/board-page'
import { launchBrowser, newContext } from './helpers/browser'
import { screenshot } from './helpers/screenshots'
import { joinChoosingOrganisation } from './helpers/start-form'
import { startTestServer, type TestServer } from './helpers/test-server'

interface Board {
  id: string
  links: { facilitator: string; editor: string; viewer: string }
}

/** Puts a note on the board through the editor, as the note tool would; returns its id. */
function addNote(page: Page, text: string): Promise<string> {
  return page.evaluate((text) => {
    const editor = window.__stip?.editor
    if (!editor) throw new Error('no editor')
    const before = new Set(editor.getCurrentPageShapeIds())
    editor.createShape({
      type: 'note',
      x: 60,
      y: 120,
      props: {
        richText: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
        },
      },
    })
    const created = [...editor.getCurrentPageShapeIds()].find((id) => !before.has(id))
    if (!created) throw new Error('the note was not created')
    editor.setCamera({ x: 0, y: 0, z: 1 })
    editor.select(created)
    return created as string
  }, text)
}

describe('a comment refused for the link’s write rate', () => {
  let server: TestServer
  let browser: Browser
  beforeAll(async () => {
    // One write a minute per link: the second write of the editor link is refused.
    server = await startTestServer({ maxWritesPerMinute: 1 })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('says in Dutch to wait and how long, and keeps the reply in its box to send later', async () => {
    const response = await fetch(`${server.server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Drukke sessie', organisations: [{ name: 'GGD' }] }),
    })
    const board = (await response.json()) as Board
    const page = await (await newContext(browser)).newPage()
    page.setDefaultTimeout(25_000)
    await joinChoosingOrganisation(page, board.links.editor, { name: 'Aïsha', organisation: 'GGD' })
    await waitForStatus(page, 'connected')

    const noteId = await addNote(page, 'Buurthuis elke avond open')
    await page.locator(`.comment-badge-add[data-shape-id="${noteId}"]`).click()
    await page.getByLabel('Je opmerking').fill('Kan dit ook in het weekend?')
    await page.getByRole('button', { name: 'Plaatsen', exact: true }).click()
    await page.locator('.comment-thread .comment-text', { hasText: 'weekend' }).waitFor()

    const reply = page.getByLabel('Je antwoord')
    await reply.fill('En op zondag?')
    await page.getByRole('button', { name: 'Antwoorden', exact: true }).click()
    const alert = page.locator('.comment-error[role="alert"]')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(
      /^Via deze link komen nu te veel wijzigingen tegelijk binnen\. Probeer het over \d+ seconden? opnieuw; wat je schreef blijft staan\.$/,
    )
    expect(await reply.inputValue()).toBe('En op zondag?')
    await screenshot(page, 'write-rate-refused')
    expect(await page.locator('.comment-thread .comment-text').count()).toBe(1)
  })
})
