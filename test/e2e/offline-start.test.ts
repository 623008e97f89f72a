import { describe, expect, it } from 'vitest'
import {
  addNoteViaUi,
  joinBoard,
  shapesOf,
  waitForEditor,
  waitForShapes,
  waitForStatus,
} from './helpers/board-page'
import { createBoard } from './helpers/boards'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'

describe('starting without a network', () => {
  const session = useBrowserSession()

  it('opens a board that was visited before, with its notes, when reloaded offline', async () => {
    const context = await session.newContext({ serviceWorker: true })
    const page = await context.newPage()
    const boardUrl = (await createBoard(session.server.server.url)).links.editor
    await joinBoard(page, boardUrl, { name: 'Eva', organisation: 'Woningcorporatie' })
    await waitForStatus(page, 'connected')
    await addNoteViaUi(page, 'Ook in de trein', { x: 500, y: 300 })
    await waitForShapes(page, (shapes) => shapes.some((shape) => shape.text === 'Ook in de trein'))
    // The binding writes the doc once per frame and y-indexeddb commits asynchronously; a person
    // pauses longer than that before reloading (persistence.test.ts waits the same way).
    await page.waitForFunction(() =>
      JSON.stringify(window.__stip?.doc.getArray('tldraw-records').toJSON()).includes(
        'in de trein',
      ),
    )
    await page.waitForTimeout(250)

    // The service worker has precached the app once it is active.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await context.setOffline(true)
    await page.reload()
    await waitForEditor(page)
    await waitForStatus(page, 'offline')
    await waitForShapes(page, (shapes) => shapes.some((shape) => shape.text === 'Ook in de trein'))
    // Still editable: a note written now is kept and reaches the server once back online.
    await addNoteViaUi(page, 'Zonder netwerk geschreven', { x: 700, y: 450 })
    await waitForShapes(page, (shapes) =>
      shapes.some((s) => s.text === 'Zonder netwerk geschreven'),
    )
    await screenshot(page, 'offline-start-board')

    await context.setOffline(false)
    await waitForStatus(page, 'connected')
    const other = await (await session.newContext()).newPage()
    await joinBoard(other, boardUrl, { name: 'Frank', organisation: 'GGD' })
    const seen = await waitForShapes(other, (shapes) =>
      shapes.some((shape) => shape.text === 'Zonder netwerk geschreven'),
    )
    expect(seen.map((shape) => shape.text).sort()).toEqual(
      (await shapesOf(page)).map((shape) => shape.text).sort(),
    )
  })
})
