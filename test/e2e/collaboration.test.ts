import type { BrowserContext } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addNoteViaUi, joinBoard, waitForShapes, waitForStatus } from './helpers/board-page'
import { createBoard } from './helpers/boards'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'

describe('two people on one board', () => {
  const session = useBrowserSession()
  let contexts: BrowserContext[] = []

  it('shows a note typed by one to the other within a second, with the cursor and name', async () => {
    contexts = [await session.newContext(), await session.newContext()]
    const [anna, bram] = await Promise.all(contexts.map((context) => context.newPage()))
    if (!anna || !bram) throw new Error('no pages')
    const boardUrl = (await createBoard(session.server.server.url)).links.editor

    await joinBoard(anna, boardUrl, { name: 'Anna de Vries', organisation: 'GGD' })
    await joinBoard(bram, boardUrl, { name: 'Bram Jansen', organisation: 'Gemeente' })
    await Promise.all([waitForStatus(anna, 'connected'), waitForStatus(bram, 'connected')])

    await addNoteViaUi(anna, 'Niet vinken maar vonken', { x: 500, y: 350 })
    const annaShapes = await waitForShapes(anna, (s) => s.some((x) => x.text.includes('vonken')))
    const note = annaShapes.find((shape) => shape.type === 'note')
    expect(note?.text).toBe('Niet vinken maar vonken')

    // "Within a second": measured from the moment Anna's store holds the text.
    const started = Date.now()
    const bramShapes = await waitForShapes(bram, (s) => s.some((x) => x.text === note?.text), 1000)
    expect(Date.now() - started).toBeLessThanOrEqual(1000)
    expect(bramShapes.map((s) => s.id)).toContain(note?.id)

    // Anna moves her mouse; Bram sees her cursor with her name (tldraw's collaborator cursor).
    await anna.mouse.move(420, 300)
    await anna.mouse.move(440, 320, { steps: 5 })
    const annaCursor = bram.locator('.tl-collaborator__cursor', { hasText: 'Anna de Vries' })
    await annaCursor.waitFor({ state: 'visible', timeout: 5000 })
    expect(await annaCursor.textContent()).toContain('GGD')

    await screenshot(anna, 'collaboration-anna')
    await screenshot(bram, 'collaboration-bram-sees-anna')
  })

  it('shows a changed name to the others without reloading', async () => {
    const [anna, bram] = contexts.map((context) => context.pages()[0])
    if (!anna || !bram) throw new Error('the first test did not open both pages')

    await anna.getByRole('button', { name: /Anna de Vries, GGD/ }).click()
    const dialog = anna.getByRole('dialog', { name: 'Jouw gegevens' })
    await dialog.getByLabel('Je naam').fill('Anna Smit')
    await screenshot(anna, 'collaboration-edit-details-dialog')
    await dialog.getByLabel('Je naam').press('Enter')
    await dialog.waitFor({ state: 'hidden' })
    expect(await anna.locator('.participant-badge').textContent()).toContain('Anna Smit')

    await anna.mouse.move(600, 420, { steps: 5 })
    await bram
      .locator('.tl-collaborator__cursor', { hasText: 'Anna Smit' })
      .waitFor({ timeout: 5000 })
    // Remembered on Anna's device for the next visit.
    const stored = await anna.evaluate(() => localStorage.getItem('stip.participant'))
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ name: 'Anna Smit', organisation: 'GGD' })
  })
})
