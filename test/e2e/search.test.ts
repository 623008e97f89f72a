import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from './helpers/axe'
import { joinBoard, waitForShapes, waitForStatus } from './helpers/board-page'
import { createBoard } from './helpers/boards'
import { useBrowserSession } from './helpers/browser-session'
import { insertDefaultStructure, openManifesto } from './helpers/manifesto-page'
import { screenshot } from './helpers/screenshots'

/** Writes a note far from the others through the editor; it is claimed by whoever writes it. */
function writeNote(page: Page, text: string, at: { x: number; y: number }): Promise<string> {
  return page.evaluate(
    ({ text, at }) => {
      const editor = window.__stip!.editor
      editor.createShape({
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
      return editor.getCurrentPageShapes().at(-1)!.id as string
    },
    { text, at },
  )
}

/** Whether the shape is selected and lies wholly inside the visible part of the canvas. */
function selectedAndInView(page: Page, id: string): Promise<boolean> {
  return page.evaluate((id) => {
    const editor = window.__stip!.editor
    const bounds = editor.getShapePageBounds(id as never)
    return (
      editor.getSelectedShapeIds().includes(id as never) &&
      bounds !== undefined &&
      editor.getViewportPageBounds().contains(bounds)
    )
  }, id)
}

const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Zoek op het bord' })

describe('searching the board', () => {
  const session = useBrowserSession()

  it('finds notes by author and by a word in another case or accent, jumps there, and finds the manifesto', async () => {
    const board = await createBoard(session.server.server.url, 'Zoeken')
    const bram = await (await session.newContext()).newPage()
    await joinBoard(bram, board.links.editor, { name: 'Bram Bakker', organisation: 'GGD' })
    await waitForStatus(bram, 'connected')
    const wijkteams = await writeNote(bram, 'De wijkteams kennen de bewoners', { x: 4000, y: 3000 })

    const anouk = await (await session.newContext()).newPage()
    // The jump is then immediate, so 'in view' is checked without waiting out a glide.
    await anouk.emulateMedia({ reducedMotion: 'reduce' })
    await anouk.setViewportSize({ width: 1440, height: 900 })
    await joinBoard(anouk, board.links.editor, { name: 'Anouk', organisation: 'Gemeente' })
    await waitForStatus(anouk, 'connected')
    const zorg = await writeNote(anouk, 'Meer Zorg in de wijk', { x: -3000, y: -2000 })
    await waitForShapes(anouk, (shapes) => shapes.some((shape) => shape.id === wijkteams))

    // "/" on the canvas opens the box with the focus in it.
    await anouk.locator('.tl-canvas').click({ position: { x: 700, y: 450 } })
    await anouk.keyboard.press('/')
    await expect
      .poll(() => searchBox(anouk).evaluate((box) => box === document.activeElement))
      .toBe(true)

    // By the author's name, from another browser.
    await anouk.keyboard.type('bram')
    const result = anouk.getByRole('option', { name: /wijkteams/ })
    await result.waitFor()
    expect(await result.textContent()).toContain('GGD')
    expect(await result.locator('mark').allTextContents()).toEqual(['Bram'])
    expect(await selectedAndInView(anouk, wijkteams)).toBe(false)
    await anouk.keyboard.press('Enter')
    await expect.poll(() => selectedAndInView(anouk, wijkteams)).toBe(true)

    // Case and accents do not matter; arrows move between results.
    await searchBox(anouk).fill('ZÓRG')
    const zorgResult = anouk.getByRole('option', { name: /Meer Zorg in de wijk/ })
    await zorgResult.waitFor()
    expect(await zorgResult.locator('mark').allTextContents()).toEqual(['Zorg'])
    await searchBox(anouk).fill('wijk')
    await anouk.getByRole('option').nth(1).waitFor()
    const first = await anouk.getByRole('option', { selected: true }).textContent()
    await anouk.keyboard.press('ArrowDown')
    const second = await anouk.getByRole('option', { selected: true }).textContent()
    expect(second).not.toBe(first)
    await searchBox(anouk).fill('zorg')
    await zorgResult.click()
    await expect.poll(() => selectedAndInView(anouk, zorg)).toBe(true)

    expect(await axeViolations(anouk)).toEqual([])
    await screenshot(anouk, 'search-desktop')

    // Escape closes the search and hands the keys back to the canvas.
    await searchBox(anouk).focus()
    await anouk.keyboard.press('Escape')
    await expect.poll(() => searchBox(anouk).count()).toBe(0)
    await anouk.getByRole('button', { name: 'Panelen tonen' }).waitFor()
    await expect
      .poll(() => anouk.evaluate(() => Boolean(document.activeElement?.closest('.tl-container'))))
      .toBe(true)
    expect(await anouk.evaluate(() => window.__stip?.editor.getInstanceState().isFocused)).toBe(
      true,
    )

    // Ctrl+F on the canvas opens it again, empty.
    await anouk.keyboard.press('Control+f')
    await expect
      .poll(() => searchBox(anouk).evaluate((box) => box === document.activeElement))
      .toBe(true)
    expect(await searchBox(anouk).inputValue()).toBe('')

    // A werkvorm's title is found under Werkvormen and jumps to the werkvorm.
    const frame = await anouk.evaluate(() => {
      const editor = window.__stip!.editor
      editor.createShape({ type: 'frame', x: 6000, y: -4000, props: { name: 'Ambities 2040' } })
      return editor.getCurrentPageShapes().at(-1)!.id as string
    })
    await searchBox(anouk).fill('ambities')
    await anouk
      .getByRole('group', { name: 'Werkvormen' })
      .getByRole('option', { name: /Ambities 2040/ })
      .click()
    await expect.poll(() => selectedAndInView(anouk, frame)).toBe(true)

    // A manifesto sentence opens the Manifest tab at that passage.
    await openManifesto(anouk)
    await insertDefaultStructure(anouk)
    await anouk.locator('.manifesto-prose > p').nth(1).click()
    await anouk.keyboard.type('Wij delen wat we weten over de wijk.')
    await anouk.getByRole('tab', { name: 'Zoeken' }).click()
    await searchBox(anouk).fill('delen wat')
    const passage = anouk
      .getByRole('group', { name: 'Manifest' })
      .getByRole('option', { name: /Wij delen wat we weten/ })
    await passage.click()
    await expect
      .poll(() => anouk.getByRole('tab', { name: 'Manifest' }).getAttribute('aria-selected'))
      .toBe('true')
    await expect
      .poll(() =>
        anouk.evaluate(() => {
          const found = [...document.querySelectorAll('.manifesto-prose p')].find((p) =>
            p.textContent?.includes('Wij delen wat we weten'),
          )
          const box = found?.getBoundingClientRect()
          return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight
        }),
      )
      .toBe(true)
  })

  it('works on a phone', async () => {
    const board = await createBoard(session.server.server.url, 'Zoeken op de telefoon')
    const page = await (await session.newContext()).newPage()
    await page.setViewportSize({ width: 390, height: 844 })
    await joinBoard(page, board.links.editor, { name: 'Chloë', organisation: 'Welzijn' })
    await waitForStatus(page, 'connected')
    await writeNote(page, 'Één loket voor ouderen', { x: 0, y: 0 })
    await page.getByRole('button', { name: 'Panelen tonen' }).click()
    await page.getByRole('tab', { name: 'Zoeken' }).click()
    await searchBox(page).fill('een loket')
    await page.getByRole('option', { name: /loket voor ouderen/ }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'search-phone')
  })
})
