import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { joinBoard, waitForStatus } from './helpers/board-page'
import { createBoard } from './helpers/boards'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'

const NOTE = 'Meer groen in de wijk'
const NOTE_AT = { x: 320, y: 220 }

/** The reactions drawn on the note (in front of the canvas). */
const row = (page: Page): Locator =>
  page.getByRole('group', { name: `Reacties op: ${NOTE}`, exact: true })

/** The count of one kind on the note, or 0 when nobody gave it. */
async function countOf(page: Page, kind: string): Promise<number> {
  const chip = row(page).locator(`.note-reaction-count[data-kind="${kind}"]`)
  if ((await chip.count()) === 0) return 0
  return Number(await chip.getAttribute('data-count'))
}

/** Whether the count of a kind shows as one's own (a pressed toggle). */
const isMine = (page: Page, kind: string) =>
  row(page).locator(`.note-reaction-count[data-kind="${kind}"]`).getAttribute('aria-pressed')

const addButton = (page: Page) =>
  page.getByRole('button', { name: `Reageer op: ${NOTE}`, exact: true })

/** The same camera everywhere, so the note is in sight at a readable size. */
async function lookAtNote(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    window.__stip?.editor.getCurrentPageShapes().some((shape) => shape.type === 'note'),
  )
  await page.evaluate(() => {
    window.__stip?.editor.setCamera({ x: 0, y: 0, z: 1 })
  })
}

describe('quick reactions on notes', () => {
  const session = useBrowserSession()
  let anna: Page
  let bram: Page
  let lars: Page

  // Three people join a fresh board: on a loaded machine that alone nears 90 s.
  it('A reacts by click and B and a viewer see the count at once; a viewer cannot react', async () => {
    const board = await createBoard(session.server.server.url, 'Reacties')
    anna = await (await session.newContext()).newPage()
    bram = await (await session.newContext()).newPage()
    lars = await (await session.newContext()).newPage()
    await joinBoard(anna, board.links.editor, { name: 'Anna de Vries', organisation: 'GGD' })
    await joinBoard(bram, board.links.editor, { name: 'Bram Jansen', organisation: 'Gemeente' })
    await joinBoard(lars, board.links.viewer ?? '', { name: 'Lars', organisation: 'Inwoners' })
    await Promise.all([anna, bram, lars].map((page) => waitForStatus(page, 'connected')))

    await anna.evaluate(
      ({ text, at }) => {
        window.__stip?.editor.createShape({
          type: 'note',
          x: at.x,
          y: at.y,
          props: {
            richText: {
              type: 'doc',
              content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
            },
          },
        })
      },
      { text: NOTE, at: NOTE_AT },
    )
    for (const page of [anna, bram, lars]) await lookAtNote(page)

    // Nobody reacted yet: the offer is there but out of sight until the note is pointed at.
    await addButton(anna).waitFor({ state: 'attached' })
    expect(await addButton(anna).evaluate((button) => getComputedStyle(button).opacity)).toBe('0')
    await anna.mouse.click(NOTE_AT.x + 100, NOTE_AT.y + 60)
    await expect
      .poll(() => addButton(anna).evaluate((button) => getComputedStyle(button).opacity))
      .toBe('1')
    await addButton(anna).click()
    expect(await addButton(anna).getAttribute('aria-expanded')).toBe('true')
    await screenshot(anna, 'reactions-choose-desktop')
    await row(anna).getByRole('button', { name: 'Eens', exact: true }).click()

    await expect.poll(() => countOf(anna, 'eens')).toBe(1)
    expect(await isMine(anna, 'eens')).toBe('true')
    expect(await addButton(anna).getAttribute('aria-expanded')).toBe('false')
    // Bram sees Anna's reaction live, as not his own.
    await expect.poll(() => countOf(bram, 'eens')).toBe(1)
    expect(await isMine(bram, 'eens')).toBe('false')
    await row(bram).getByRole('button', { name: 'Eens: 1 reactie', exact: true }).waitFor()

    // The viewer sees the count and is offered nothing to press.
    await expect.poll(() => countOf(lars, 'eens')).toBe(1)
    await row(lars).getByRole('img', { name: 'Eens: 1 reactie' }).waitFor()
    expect(await row(lars).getByRole('button').count()).toBe(0)
    expect(await addButton(lars).count()).toBe(0)
  }, 240_000)

  it('takes reactions by keyboard, one of each kind per person', async () => {
    await addButton(bram).focus()
    // Reached by keyboard, the offer shows itself.
    expect(await addButton(bram).evaluate((button) => getComputedStyle(button).opacity)).toBe('1')
    await bram.keyboard.press('Enter')
    // The set opens with the focus on its first choice.
    const eens = row(bram).locator('.note-reaction-choice').first()
    await expect.poll(() => eens.evaluate((button) => button === document.activeElement)).toBe(true)
    await bram.keyboard.press('Enter')
    await expect.poll(() => countOf(anna, 'eens')).toBe(2)
    // The focus is back on the button that opened the set, the board did not take the key.
    await expect
      .poll(() => addButton(bram).evaluate((button) => button === document.activeElement))
      .toBe(true)
    expect(await bram.evaluate(() => window.__stip?.editor.getEditingShapeId())).toBeNull()

    await bram.keyboard.press('Space')
    await row(bram).locator('.note-reaction-choice').first().waitFor()
    await bram.keyboard.press('Tab')
    await bram.keyboard.press('Tab')
    await bram.keyboard.press('Space')
    await expect.poll(() => countOf(anna, 'vraag')).toBe(1)
    expect(await isMine(bram, 'vraag')).toBe('true')

    // Escape closes the set without choosing, and gives the focus back to its button.
    await bram.keyboard.press('Enter')
    await row(bram).locator('.note-reaction-choice').first().waitFor()
    await bram.keyboard.press('Escape')
    expect(await row(bram).locator('.note-reaction-choice').count()).toBe(0)
    expect(await addButton(bram).evaluate((button) => button === document.activeElement)).toBe(true)

    // Choosing Eens again in the set takes Bram's own off: one per kind per person.
    await bram.keyboard.press('Enter')
    await row(bram).locator('.note-reaction-choice').first().waitFor()
    expect(
      await row(bram).locator('.note-reaction-choice').first().getAttribute('aria-pressed'),
    ).toBe('true')
    await bram.keyboard.press('Enter')
    await expect.poll(() => countOf(anna, 'eens')).toBe(1)
    await row(bram).getByRole('button', { name: 'Eens: 1 reactie', exact: true }).focus()
    await bram.keyboard.press('Enter')
    await expect.poll(() => countOf(anna, 'eens')).toBe(2)
  })

  it('toggles off by clicking one’s own count, and keeps reactions over a reload', async () => {
    await row(anna).getByRole('button', { name: 'Eens: 2 reacties, ook van jou' }).click()
    await expect.poll(() => countOf(bram, 'eens')).toBe(1)
    expect(await isMine(anna, 'eens')).toBe('false')

    await bram.reload()
    await waitForStatus(bram, 'connected')
    await lookAtNote(bram)
    await expect.poll(() => countOf(bram, 'eens')).toBe(1)
    expect(await isMine(bram, 'eens')).toBe('true')
    expect(await countOf(bram, 'vraag')).toBe(1)
    expect(await isMine(bram, 'vraag')).toBe('true')
    expect(await countOf(bram, 'idee')).toBe(0)
    await screenshot(bram, 'reactions-desktop')
  })

  it('gives a finger 44 px on a phone', async () => {
    await bram.setViewportSize({ width: 390, height: 844 })
    // On a phone the board gets the whole screen once the panels are hidden.
    await bram.getByRole('button', { name: 'Panelen verbergen' }).click()
    await bram.evaluate(() => {
      window.__stip?.editor.setCamera({ x: -220, y: -120, z: 1 })
    })
    await row(bram).waitFor()
    await bram.mouse.click(220, 300)
    await addButton(bram).click()
    for (const button of await row(bram).getByRole('button').all()) {
      const box = await button.boundingBox()
      expect(box?.width).toBeGreaterThanOrEqual(44)
      expect(box?.height).toBeGreaterThanOrEqual(44)
    }
    await screenshot(bram, 'reactions-phone')
  })
})
