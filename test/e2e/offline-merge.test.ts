import { describe, expect, it } from 'vitest'
import {
  addNoteViaUi,
  joinBoard,
  shapesOf,
  waitForShapes,
  waitForStatus,
} from './helpers/board-page'
import { createBoard } from './helpers/boards'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'

describe('working offline', () => {
  const session = useBrowserSession()

  it('merges what both wrote while one of them was offline', async () => {
    const offlineContext = await session.newContext()
    const onlineContext = await session.newContext()
    const away = await offlineContext.newPage()
    const here = await onlineContext.newPage()
    const boardUrl = (await createBoard(session.server.server.url)).links.editor

    await joinBoard(away, boardUrl, { name: 'Carla', organisation: 'Politie' })
    await joinBoard(here, boardUrl, { name: 'Dirk', organisation: 'Zorggroep' })
    await Promise.all([waitForStatus(away, 'connected'), waitForStatus(here, 'connected')])
    await addNoteViaUi(here, 'Voor de storing', { x: 300, y: 250 })
    await waitForShapes(away, (s) => s.some((x) => x.text === 'Voor de storing'))

    await offlineContext.setOffline(true)
    await waitForStatus(away, 'offline')
    await screenshot(away, 'offline-status-pill')

    await addNoteViaUi(away, 'Geschreven zonder netwerk', { x: 600, y: 250 })
    await addNoteViaUi(here, 'Intussen online', { x: 300, y: 520 })
    await waitForShapes(away, (s) => s.some((x) => x.text === 'Geschreven zonder netwerk'))
    // The offline note must not have reached the other side by some other path.
    await here.waitForTimeout(500)
    expect((await shapesOf(here)).map((s) => s.text)).not.toContain('Geschreven zonder netwerk')
    expect((await shapesOf(away)).map((s) => s.text)).not.toContain('Intussen online')

    await offlineContext.setOffline(false)
    await waitForStatus(away, 'connected')
    const expected = ['Geschreven zonder netwerk', 'Intussen online', 'Voor de storing']
    const hasAll = (shapes: { text: string }[]) =>
      expected.every((text) => shapes.some((shape) => shape.text === text))
    const [awayShapes, hereShapes] = await Promise.all([
      waitForShapes(away, hasAll),
      waitForShapes(here, hasAll),
    ])
    expect(awayShapes).toEqual(hereShapes)
    expect(awayShapes.map((s) => s.text).sort()).toEqual(expected)
    await screenshot(here, 'offline-merged')
  })
})
