import { describe, expect, it } from 'vitest'
import { addNoteViaUi, joinBoard, waitForShapes, waitForStatus } from './helpers/board-page'
import { createBoard } from './helpers/boards'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'

describe('what a link lets you do', () => {
  const session = useBrowserSession()
  const fresh = async () => {
    const context = await session.newContext()
    return context.newPage()
  }

  it('says there is no access for a link without a token or with a wrong one', async () => {
    const board = await createBoard(session.server.server.url)
    const page = await fresh()
    await page.goto(`${session.server.server.url}/b/${board.id}`)
    await page.getByRole('heading', { name: 'Geen toegang tot dit bord' }).waitFor()

    await page.goto(`${session.server.server.url}/b/${board.id}#token=verkeerd`)
    await page.reload()
    await page.getByLabel('Je naam').fill('Joost')
    await page.getByLabel('Organisatie').fill('Gemeente')
    await page.getByRole('button', { name: 'Naar het bord' }).click()
    await page.getByRole('heading', { name: 'Geen toegang tot dit bord' }).waitFor()
    await screenshot(page, 'access-wrong-token')
  })

  it('shows the board title and lets a viewer watch but not write', async () => {
    const board = await createBoard(session.server.server.url, 'Visie sociaal domein 2040')
    const editor = await fresh()
    const viewer = await fresh()
    await joinBoard(editor, board.links.editor, { name: 'Kim', organisation: 'GGD' })
    await joinBoard(viewer, board.links.viewer, { name: 'Lars', organisation: 'Inwoners' })
    await Promise.all([waitForStatus(editor, 'connected'), waitForStatus(viewer, 'connected')])
    expect(await editor.locator('.board-title').textContent()).toBe('Visie sociaal domein 2040')
    await viewer.locator('.read-only-tag', { hasText: 'alleen lezen' }).waitFor()
    await viewer.waitForFunction(() => window.__stip?.editor.getIsReadonly() === true)

    await addNoteViaUi(editor, 'Zichtbaar voor iedereen', { x: 500, y: 350 })
    await waitForShapes(viewer, (s) => s.some((x) => x.text === 'Zichtbaar voor iedereen'))
    expect(await viewer.getByTestId('tools.note').count()).toBe(0)
    await screenshot(viewer, 'access-viewer-read-only')
  })
})
