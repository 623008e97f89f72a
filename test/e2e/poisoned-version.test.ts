import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { noteRecord, recordsOf } from '../integration/helpers/board-shapes'
import { useCleanup } from '../integration/helpers/cleanup'
import { openRawSocket, sendFrame, updateFrame } from '../integration/helpers/raw-socket'
import { waitForStatus } from './helpers/board-page'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'
import { joinChoosingOrganisation } from './helpers/start-form'
import { createBoardWithOrganisations, openPanel } from './session/session-helpers'

/** Notes a modified client may send: each fails tldraw's validation in its own way. */
const POISON = [
  { id: 'shape:bad-colour', patch: { color: 'not-a-colour' } },
  { id: 'shape:bad-url', patch: { url: 'javascript:alert(1)' } },
]

describe('a saved version that holds invalid records', () => {
  const session = useBrowserSession()
  const cleanup = useCleanup()

  it('opens without a blank page: the invalid records are skipped, the rest is drawn', async () => {
    const url = session.server.server.url
    const board = await createBoardWithOrganisations(url, 'Vergiftigd bord')
    const editorToken = new URLSearchParams(new URL(board.links.editor).hash.slice(1)).get('token')
    const page = await (await session.newContext()).newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(String(error)))
    await joinChoosingOrganisation(page, board.links.facilitator, {
      name: 'Fenna Facilitator',
      organisation: 'Gemeente',
    })
    await waitForStatus(page, 'connected')
    const share = page.getByRole('dialog', { name: 'Bord delen' })
    if (await share.isVisible()) await page.keyboard.press('Escape')

    // An editor's modified client writes one good and two invalid notes in one raw frame.
    const raw = await openRawSocket(
      cleanup,
      `${url.replace(/^http/, 'ws')}/ws/${board.id}?token=${editorToken}`,
    )
    const forged = new Y.Doc()
    const records = recordsOf(forged)
    records.set(noteRecord('shape:good', 'Gewone notitie', { x: 100, y: 100 }))
    for (const [index, poison] of POISON.entries()) {
      const note = noteRecord(poison.id, `Giftig ${index}`, { x: 400 + index * 250, y: 100 })
      records.set({ ...note, props: { ...(note.props as object), ...poison.patch } })
    }
    await sendFrame(raw, updateFrame(Y.encodeStateAsUpdate(forged)))
    // The live board skips the invalid notes and shows the good one.
    await page.waitForFunction(() => Boolean(window.__stip?.editor.getShape('shape:good' as never)))
    const inDoc = await page.evaluate(() => JSON.stringify(window.__stip?.doc.toJSON()))
    for (const poison of POISON) expect(inDoc).toContain(poison.id)

    await openPanel(page, 'Versies')
    await page.getByLabel('Naam van de versie').fill('Met foute notities')
    await page.getByRole('button', { name: 'Versie bewaren' }).click()
    const item = page.locator('.version-item', { hasText: 'Met foute notities' })
    await item.waitFor()
    await item.getByRole('button', { name: 'Bekijken: Met foute notities' }).click()
    const viewer = page.getByRole('dialog', { name: 'Versie: Met foute notities' })
    await viewer.waitFor()
    await viewer
      .locator('.version-image img, .version-image svg')
      .first()
      .waitFor({ timeout: 15_000 })
    expect(await viewer.locator('.error-boundary').count()).toBe(0)
    await screenshot(page, 'poisoned-version-viewer')
    await page.keyboard.press('Escape')
    await viewer.waitFor({ state: 'detached' })
    await page.locator('.board-canvas .tl-canvas').first().waitFor()
    expect(errors).toEqual([])
  })
})
