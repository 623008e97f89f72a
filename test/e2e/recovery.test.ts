import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addNoteViaUi, waitForStatus } from './helpers/board-page'
import { newPhoneContext } from './helpers/browser'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'
import { joinChoosingOrganisation } from './helpers/start-form'
import { createBoardWithOrganisations, waitForNotes } from './session/session-helpers'

/** Writes facilitator-only state into the page's own copy, as a stale or modified client would. */
function forgeFacilitatorState(page: Page, label: string): Promise<void> {
  return page.evaluate((value) => {
    window.__stip?.doc.getMap('facilitator').set('timer', { forged: value })
  }, label)
}

/** Waits until IndexedDB holds the page's latest changes (y-indexeddb writes asynchronously). */
async function flushedToIndexedDb(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const request = indexedDB.open(`stip-board-${location.pathname.split('/').pop()}`)
        request.onsuccess = () => {
          const db = request.result
          const read = db.transaction('updates').objectStore('updates').count()
          read.onsuccess = () => {
            db.close()
            resolve()
          }
        }
      }),
  )
}

describe('recovery: a refused change never locks a person out', () => {
  const session = useBrowserSession()
  let facilitator: Page
  let editor: Page
  const errors: string[] = []
  let editorLink = ''

  it('drops a refused change, says so in plain Dutch, and keeps the editor writing', async () => {
    const board = await createBoardWithOrganisations(session.server.server.url, 'Herstelbord')
    facilitator = await (await session.newContext()).newPage()
    editor = await (await session.newContext()).newPage()
    editorLink = board.links.editor
    editor.on('pageerror', (error) => errors.push(String(error)))
    await joinChoosingOrganisation(facilitator, board.links.facilitator, {
      name: 'Fenna Facilitator',
      organisation: 'Gemeente',
    })
    await joinChoosingOrganisation(editor, board.links.editor, {
      name: 'Anna de Vries',
      organisation: 'GGD',
    })
    await Promise.all([facilitator, editor].map((page) => waitForStatus(page, 'connected')))

    await forgeFacilitatorState(editor, 'online')
    const notice = editor.locator('.connection-notice[data-notice="refused"]')
    await notice.waitFor()
    expect(await notice.textContent()).toContain('Die wijziging is weggelaten')
    await waitForStatus(editor, 'connected')
    expect(await editor.getByText('Geen toegang tot dit bord').count()).toBe(0)
    // The fresh copy holds what the server has, not the forged state.
    await editor.waitForFunction(
      () => window.__stip?.doc.getMap('facilitator').get('timer') === undefined,
    )
    await screenshot(editor, 'recovery-notice-desktop')

    await addNoteViaUi(editor, 'Na het herstel', { x: 500, y: 400 })
    await waitForNotes(facilitator, (notes) => notes.some((n) => n.text === 'Na het herstel'))
    expect(
      await facilitator.evaluate(() => window.__stip?.doc.getMap('facilitator').get('timer')),
    ).toBeUndefined()
  })

  it('recovers from a refused change kept in the offline copy, on the reload that sends it', async () => {
    // Offline, the forged change reaches only IndexedDB; the reload loads it and sends it.
    await editor.evaluate(() => window.__stip?.provider.disconnect())
    await addNoteViaUi(editor, 'Offline geschreven', { x: 800, y: 600 })
    await forgeFacilitatorState(editor, 'offline')
    await flushedToIndexedDb(editor)
    await editor.reload()
    await editor.locator('.connection-notice[data-notice="refused"]').waitFor()
    await waitForStatus(editor, 'connected')
    expect(await editor.getByText('Geen toegang tot dit bord').count()).toBe(0)
    // The note written offline beside the refused change was never stored: it comes along.
    await waitForNotes(facilitator, (notes) => notes.some((n) => n.text === 'Offline geschreven'))
    expect(
      await facilitator.evaluate(() => window.__stip?.doc.getMap('facilitator').get('timer')),
    ).toBeUndefined()
    await addNoteViaUi(editor, 'Na de herlaadbeurt', { x: 500, y: 600 })
    await waitForNotes(facilitator, (notes) => notes.some((n) => n.text === 'Na de herlaadbeurt'))

    // The offline copy was replaced: the next reload is quiet and the notes are all there.
    await editor.reload()
    await waitForStatus(editor, 'connected')
    await waitForNotes(editor, (notes) =>
      ['Na het herstel', 'Na de herlaadbeurt'].every((text) => notes.some((n) => n.text === text)),
    )
    expect(await editor.locator('.connection-notice').count()).toBe(0)
    await addNoteViaUi(editor, 'Nog een', { x: 800, y: 400 })
    await waitForNotes(facilitator, (notes) => notes.some((n) => n.text === 'Nog een'))
    expect(errors).toEqual([])
  })

  it('stops by itself when the refusal keeps coming back, and carries on at a click', async () => {
    // A client that keeps writing what is refused (a fault of its own) must not loop.
    for (let round = 0; round < 4; round++) {
      const before = await editor.evaluate(() => window.__stip?.doc.guid ?? '')
      if ((await editor.locator('.connection-notice[data-stopped="true"]').count()) > 0) break
      await forgeFacilitatorState(editor, `again-${round}`)
      await editor.waitForFunction(
        (guid) => window.__stip !== undefined && window.__stip.doc.guid !== guid,
        before,
      )
    }
    const stopped = editor.locator('.connection-notice[data-stopped="true"]')
    await stopped.waitFor()
    expect(await stopped.textContent()).toContain('verbinden we niet vanzelf opnieuw')
    await editor.waitForTimeout(1000)
    expect(await editor.locator('.status-pill').getAttribute('data-status')).not.toBe('connected')
    await stopped.getByRole('button', { name: 'Opnieuw verbinden' }).click()
    await waitForStatus(editor, 'connected')
    await addNoteViaUi(editor, 'Weer verbonden', { x: 300, y: 300 })
    await waitForNotes(facilitator, (notes) => notes.some((n) => n.text === 'Weer verbonden'))
  })

  it('shows the notice on a phone too', async () => {
    const context = await newPhoneContext(session.browser)
    const phone = await context.newPage()
    try {
      await joinChoosingOrganisation(phone, editorLink, {
        name: 'Bram Jansen',
        organisation: 'GGD',
      })
      await waitForStatus(phone, 'connected')
      await forgeFacilitatorState(phone, 'phone')
      await phone.locator('.connection-notice[data-notice="refused"]').waitFor()
      await waitForStatus(phone, 'connected')
      await screenshot(phone, 'recovery-notice-phone')
    } finally {
      await context.close()
    }
  })
})
