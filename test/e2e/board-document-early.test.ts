import type { WebSocket } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addNoteViaUi, joinBoard, waitForEditor, waitForShapes } from './helpers/board-page'
import { createBoard } from './helpers/boards'
import { useBrowserSession } from './helpers/browser-session'

const CANVAS_CODE = /\/assets\/board-screen-[^/]*\.js$/
/** How long the canvas code is held back at most, waiting for the document to arrive first. */
const HOLD_LIMIT_MS = 8_000

describe('the board document arrives early', () => {
  const session = useBrowserSession()

  it("fetches the board's document while the canvas code is still downloading, over one connection", async () => {
    const context = await session.newContext()
    const boardUrl = (await createBoard(session.server.server.url)).links.editor
    const first = await context.newPage()
    await joinBoard(first, boardUrl, { name: 'Anna', organisation: 'GGD' })
    await addNoteViaUi(first, 'Er al', { x: 500, y: 350 })
    await first.close()

    // The same browser comes back: it remembers who this is, so no join form.
    const page = await context.newPage()
    const sockets: WebSocket[] = []
    let documentArrived: () => void = () => {}
    const arrived = new Promise<'document first'>((resolve) => {
      documentArrived = () => resolve('document first')
    })
    page.on('websocket', (socket) => {
      if (!socket.url().includes('/ws/')) return
      sockets.push(socket)
      socket.once('framereceived', documentArrived)
    })
    // The canvas code is held back until the board's websocket has received its first frame
    // (or the limit passes, which is what happened when the connection waited for that code).
    let released: 'document first' | 'limit' | undefined
    await page.route(CANVAS_CODE, async (route) => {
      released = await Promise.race([
        arrived,
        new Promise<'limit'>((resolve) => setTimeout(() => resolve('limit'), HOLD_LIMIT_MS)),
      ])
      await route.continue()
    })
    await page.goto(boardUrl)
    await waitForEditor(page)
    await waitForShapes(page, (shapes) => shapes.some((shape) => shape.text === 'Er al'))

    expect(released).toBe('document first')
    // The board screen took over the connection the page had opened instead of opening its own.
    expect(sockets.filter((socket) => !socket.isClosed())).toHaveLength(1)
    expect(sockets).toHaveLength(1)
  })

  it('fetches the document while a newcomer fills in the join form, and keeps that connection', async () => {
    const context = await session.newContext()
    const boardUrl = (await createBoard(session.server.server.url)).links.editor
    const writer = await context.newPage()
    await joinBoard(writer, boardUrl, { name: 'Anna', organisation: 'GGD' })
    await addNoteViaUi(writer, 'Al op het bord', { x: 500, y: 350 })

    const newcomer = await (await session.newContext()).newPage()
    const sockets: WebSocket[] = []
    const documentArrived = new Promise<void>((resolve) => {
      newcomer.on('websocket', (socket) => {
        if (!socket.url().includes('/ws/')) return
        sockets.push(socket)
        socket.once('framereceived', () => resolve())
      })
    })
    await newcomer.goto(boardUrl)
    await newcomer.getByLabel('Je naam').waitFor()
    await documentArrived
    // Still on the join form: nobody has joined yet, the document is already here.
    expect(await newcomer.getByRole('button', { name: 'Naar het bord' }).isVisible()).toBe(true)
    await newcomer.getByLabel('Je naam').fill('Bram')
    await newcomer.getByLabel('Organisatie').fill('Gemeente')
    await newcomer.getByRole('button', { name: 'Naar het bord' }).click()
    await waitForEditor(newcomer)
    await waitForShapes(newcomer, (shapes) =>
      shapes.some((shape) => shape.text === 'Al op het bord'),
    )
    expect(sockets).toHaveLength(1)
    expect(sockets[0]?.isClosed()).toBe(false)
  })
})
