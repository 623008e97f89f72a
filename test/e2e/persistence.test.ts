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

describe('what is written stays written', () => {
  const session = useBrowserSession()

  it('shows the board again after the server restarted, also to a newcomer', async () => {
    const context = await session.newContext()
    const page = await context.newPage()
    const boardUrl = (await createBoard(session.server.server.url)).links.editor
    await joinBoard(page, boardUrl, { name: 'Eva', organisation: 'Woningcorporatie' })
    await waitForStatus(page, 'connected')
    await addNoteViaUi(page, 'Blijft bewaard', { x: 500, y: 350 })
    const before = await waitForShapes(page, (s) => s.some((x) => x.text === 'Blijft bewaard'))

    await session.server.restart()
    expect(session.server.server.url).toBe(new URL(boardUrl).origin)
    await page.reload()
    await waitForEditor(page)
    await waitForStatus(page, 'connected')
    expect(await waitForShapes(page, (s) => s.length === before.length)).toEqual(before)

    // A fresh browser has no IndexedDB copy: it can only have the note from the server.
    const newcomerContext = await session.newContext()
    const newcomer = await newcomerContext.newPage()
    await joinBoard(newcomer, boardUrl, { name: 'Fatima', organisation: 'Gemeente' })
    await waitForStatus(newcomer, 'connected')
    expect(await waitForShapes(newcomer, (s) => s.length === before.length)).toEqual(before)
    await screenshot(newcomer, 'persistence-after-restart')
  })

  it('keeps a note written offline across a reload and delivers it once the server is reachable', async () => {
    const context = await session.newContext()
    const page = await context.newPage()
    const boardUrl = (await createBoard(session.server.server.url)).links.editor
    await joinBoard(page, boardUrl, { name: 'Gijs', organisation: 'GGD' })
    await waitForStatus(page, 'connected')

    // From the reload on, this page's sync socket never gets through (Playwright's socket
    // routing applies to documents loaded after it is set), while the page and its assets
    // still load: after the next reload only IndexedDB can bring the note back.
    await page.routeWebSocket(/\/ws\//, (ws) => ws.close({ code: 1011, reason: 'blocked by test' }))
    await page.reload()
    await waitForEditor(page)
    await waitForStatus(page, 'connecting')
    await context.setOffline(true)
    await waitForStatus(page, 'offline')
    await addNoteViaUi(page, 'Alleen op dit apparaat', { x: 500, y: 350 })
    await waitForShapes(page, (s) => s.some((x) => x.text === 'Alleen op dit apparaat'))
    // The binding writes the doc once per frame and y-indexeddb commits asynchronously, so a
    // reload within ~20 ms of the last keystroke could lose it. A person pauses longer than
    // that; the test waits until the doc holds the text, then for a human-scale moment.
    await page.waitForFunction(() =>
      JSON.stringify(window.__stip?.doc.getArray('tldraw-records').toJSON()).includes('apparaat'),
    )
    await page.waitForTimeout(250)
    await context.setOffline(false)
    await page.reload()
    await waitForEditor(page)
    await waitForShapes(page, (s) => s.some((x) => x.text === 'Alleen op dit apparaat'))
    expect(await page.locator('.status-pill').getAttribute('data-status')).toBe('connecting')

    const otherContext = await session.newContext()
    const other = await otherContext.newPage()
    await joinBoard(other, boardUrl, { name: 'Hanna', organisation: 'Politie' })
    await waitForStatus(other, 'connected')
    expect((await shapesOf(other)).map((s) => s.text)).not.toContain('Alleen op dit apparaat')

    // A new tab of the same browser profile shares the IndexedDB copy and is not blocked.
    await page.close()
    const again = await context.newPage()
    await again.goto(boardUrl)
    await waitForEditor(again)
    await waitForStatus(again, 'connected')
    await waitForShapes(other, (s) => s.some((x) => x.text === 'Alleen op dit apparaat'))
  })
})
