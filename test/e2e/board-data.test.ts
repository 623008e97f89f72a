import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { addNoteViaUi, joinBoard, waitForShapes, waitForStatus } from './helpers/board-page'
import { createBoard } from './helpers/boards'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'

describe("a facilitator's control over the board's data", () => {
  const session = useBrowserSession()

  it('downloads everything as JSON, then deletes the board for everyone', async () => {
    const board = await createBoard(session.server.server.url, 'Proefbord AVG')
    const facilitator = await (await session.newContext()).newPage()
    const participant = await (await session.newContext()).newPage()
    await joinBoard(facilitator, board.links.facilitator, {
      name: 'Fatma',
      organisation: 'Gemeente',
    })
    await joinBoard(participant, board.links.editor, { name: 'Pim', organisation: 'GGD' })
    await waitForStatus(participant, 'connected')
    await addNoteViaUi(facilitator, 'Wij delen data zorgvuldig', { x: 500, y: 350 })
    await waitForShapes(participant, (shapes) => shapes.some((s) => s.text.includes('zorgvuldig')))

    await facilitator.getByRole('button', { name: 'Delen', exact: true }).click()
    const dialog = facilitator.getByRole('dialog', { name: 'Bord delen' })
    const [download] = await Promise.all([
      facilitator.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Alles downloaden (JSON)' }).click(),
    ])
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8'))
    expect(exported.format).toBe('stip-board-export')
    expect(exported.board.title).toBe('Proefbord AVG')
    expect(JSON.stringify(exported.records)).toContain('Wij delen data zorgvuldig')

    await dialog.getByRole('button', { name: 'Bord verwijderen…' }).click()
    await dialog.getByText('Dit kan niet ongedaan worden gemaakt').waitFor()
    await screenshot(facilitator, 'board-data-confirm-delete')
    await dialog.getByRole('button', { name: 'Ja, definitief verwijderen' }).click()

    await facilitator.waitForURL((url) => url.pathname === '/')
    await participant.getByRole('heading', { name: 'Geen toegang tot dit bord' }).waitFor()
    const facilitatorToken = new URL(board.links.facilitator).hash.replace('#token=', '')
    const afterwards = await fetch(`${session.server.server.url}/api/boards/${board.id}`, {
      headers: { authorization: `Bearer ${facilitatorToken}` },
    })
    expect(afterwards.status).toBe(401)
    expect(
      await facilitator.evaluate((id) => localStorage.getItem(`stip.links.${id}`), board.id),
    ).toBeNull()
  })
})
