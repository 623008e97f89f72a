import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addNoteViaUi, joinBoard, waitForStatus } from './helpers/board-page'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'
import { joinChoosingOrganisation } from './helpers/start-form'
import {
  createBoardWithOrganisations,
  openPanel,
  screenPointOf,
  waitForNotes,
} from './session/session-helpers'

const FRAME = { x: 100, y: 150, w: 720, h: 420 }

/** The vote control drawn on the canvas at a note (not the Stemmen panel's button). */
const canvasVote = (page: Page, text: string): Locator =>
  page.locator('.note-dots').getByRole('button', { name: `Stem op: ${text}`, exact: true })

/** The control on the canvas that takes one of this person's dots back from a note. */
const canvasUnvote = (page: Page, text: string): Locator =>
  page.locator('.note-dots').getByRole('button', { name: `Stip terug van: ${text}`, exact: true })

/** This person's dots on a note as the canvas shows them. */
const canvasDots = (page: Page, text: string) =>
  canvasVote(page, text).locator('xpath=..').getAttribute('data-dots')

/** This person's dots on a note as the Stemmen panel shows them. */
const panelDots = (page: Page, text: string) =>
  page.locator('.ballot-item', { hasText: text }).locator('.ballot-mine').getAttribute('data-dots')

/** The counts on the notes after the reveal: text → [count, place]. */
async function countsOnNotes(page: Page): Promise<Record<string, [number, number]>> {
  return page.evaluate(() => {
    const out: Record<string, [number, number]> = {}
    for (const badge of document.querySelectorAll<HTMLElement>('.note-dot-count')) {
      const text = (badge.getAttribute('aria-label') ?? '').split(':')[0] ?? ''
      out[text] = [Number(badge.dataset.count), Number(badge.dataset.rank)]
    }
    return out
  })
}

describe('dots on the notes themselves', () => {
  const session = useBrowserSession()
  let facilitator: Page
  let anna: Page
  let bram: Page
  let viewer: Page

  // Four people join and write through the UI: on a loaded machine that alone nears 90 s.
  it('shows a vote control on each note of the werkvorm once a vote opens', async () => {
    const board = await createBoardWithOrganisations(session.server.server.url, 'Stippenbord')
    facilitator = await (await session.newContext()).newPage()
    anna = await (await session.newContext()).newPage()
    bram = await (await session.newContext()).newPage()
    viewer = await (await session.newContext()).newPage()
    await joinChoosingOrganisation(facilitator, board.links.facilitator, {
      name: 'Fenna Facilitator',
      organisation: 'Gemeente',
    })
    await joinChoosingOrganisation(anna, board.links.editor, {
      name: 'Anna de Vries',
      organisation: 'GGD',
    })
    await joinChoosingOrganisation(bram, board.links.editor, {
      name: 'Bram Jansen',
      organisation: 'Woningcorporatie',
    })
    await joinBoard(viewer, board.links.viewer ?? '', { name: 'Lars', organisation: 'Inwoners' })
    const everyone = [facilitator, anna, bram, viewer]
    await Promise.all(everyone.map((page) => waitForStatus(page, 'connected')))

    const frameId: string = await facilitator.evaluate((frame) => {
      const editor = window.__stip?.editor
      editor?.createShape({
        type: 'frame',
        x: frame.x,
        y: frame.y,
        props: { w: frame.w, h: frame.h, name: 'Waarden' },
      })
      return editor?.getCurrentPageShapes().find((shape) => shape.type === 'frame')?.id ?? ''
    }, FRAME)
    const spots = [
      [anna, 'Respect', 230],
      [anna, 'Gelijkwaardigheid', 460],
      [bram, 'Verantwoordelijkheid', 690],
    ] as const
    for (const [page, text, x] of spots) {
      await page.waitForFunction(
        (id) => Boolean(window.__stip?.editor.getShape(id as never)),
        frameId,
      )
      await addNoteViaUi(page, text, await screenPointOf(page, { x, y: FRAME.y + 200 }))
    }
    await waitForNotes(facilitator, (all) => all.length === 3)

    // No vote yet: nothing on the notes.
    for (const page of everyone) expect(await page.locator('.note-dot-control').count()).toBe(0)

    await openPanel(facilitator, 'Stemmen')
    await facilitator.evaluate((id) => {
      window.__stip?.editor.select(id as never)
    }, frameId)
    await facilitator.getByLabel('Stippen per persoon').fill('2')
    await facilitator.getByRole('button', { name: 'Start stemronde' }).click()
    for (const page of [anna, bram]) {
      await openPanel(page, 'Stemmen')
      await page.getByText('Je hebt nog 2 van 2 stippen.').waitFor()
      for (const text of ['Respect', 'Gelijkwaardigheid', 'Verantwoordelijkheid']) {
        await canvasVote(page, text).waitFor()
      }
    }
    // A meekijker cannot vote: once the open vote reached them, still no controls on the notes.
    await viewer.waitForFunction(() =>
      JSON.stringify(window.__stip?.doc.getMap('facilitator').get('vote')).includes('"open"'),
    )
    expect(await viewer.locator('.note-dot-control').count()).toBe(0)
  }, 240_000)

  it('takes a click on the canvas and shows the same dots in the panel, and back', async () => {
    await anna.evaluate(() => {
      window.__stip?.editor.selectNone()
    })
    await canvasVote(anna, 'Respect').click()
    await anna.getByText('Je hebt nog 1 van 2 stippen.').waitFor()
    await expect.poll(() => panelDots(anna, 'Respect')).toBe('1')
    expect(await canvasDots(anna, 'Respect')).toBe('1')
    // Clicking the control is a vote, not a click on the board: the note is not selected.
    expect(await anna.evaluate(() => window.__stip?.editor.getSelectedShapeIds().length)).toBe(0)

    // A dot placed in the panel shows on the note.
    await anna
      .locator('.ballot-list')
      .getByRole('button', { name: 'Stem op: Gelijkwaardigheid', exact: true })
      .click()
    await anna.getByText('Je hebt nog 0 van 2 stippen.').waitFor()
    await expect.poll(() => canvasDots(anna, 'Gelijkwaardigheid')).toBe('1')

    // The budget holds on the canvas too: every control is off, a click changes nothing.
    for (const text of ['Respect', 'Gelijkwaardigheid', 'Verantwoordelijkheid']) {
      expect(await canvasVote(anna, text).isDisabled()).toBe(true)
    }
    await canvasVote(anna, 'Verantwoordelijkheid').click({ force: true })
    expect(await canvasDots(anna, 'Verantwoordelijkheid')).toBe('0')
    await anna.getByText('Je hebt nog 0 van 2 stippen.').waitFor()
    await screenshot(anna, 'dots-on-notes-open-desktop')

    // Taking a dot back in the panel frees the control on the canvas.
    await anna
      .locator('.ballot-list')
      .getByRole('button', { name: 'Stip terug van: Gelijkwaardigheid' })
      .click()
    await expect.poll(() => canvasVote(anna, 'Verantwoordelijkheid').isDisabled()).toBe(false)
    await canvasVote(anna, 'Gelijkwaardigheid').click()
    await expect.poll(() => panelDots(anna, 'Gelijkwaardigheid')).toBe('1')
  })

  it('takes Enter and Space on a focused control', async () => {
    await canvasVote(bram, 'Verantwoordelijkheid').focus()
    await bram.keyboard.press('Enter')
    await bram.getByText('Je hebt nog 1 van 2 stippen.').waitFor()
    await canvasVote(bram, 'Respect').focus()
    await bram.keyboard.press('Space')
    await bram.getByText('Je hebt nog 0 van 2 stippen.').waitFor()
    await expect.poll(() => panelDots(bram, 'Respect')).toBe('1')
    expect(await panelDots(bram, 'Verantwoordelijkheid')).toBe('1')
    expect(await canvasDots(bram, 'Respect')).toBe('1')
    // The keys went to the control, not the board: no note went into editing.
    expect(await bram.evaluate(() => window.__stip?.editor.getEditingShapeId())).toBeNull()

    // Before the reveal nobody sees counts on the notes, only their own dots.
    for (const page of [facilitator, anna, bram]) {
      await page.getByText('2 mensen hebben gestemd.').waitFor()
    }
    for (const page of [facilitator, anna, bram, viewer]) {
      expect(await page.locator('.note-dot-count').count()).toBe(0)
    }
    // A reload shows Anna her own dots on the notes again, from the server.
    await anna.reload()
    await waitForStatus(anna, 'connected')
    await expect.poll(() => canvasDots(anna, 'Gelijkwaardigheid')).toBe('1')
    expect(await canvasDots(anna, 'Respect')).toBe('1')

    await bram.setViewportSize({ width: 390, height: 844 })
    await bram.evaluate(() => {
      window.__stip?.editor.zoomToFit()
    })
    await canvasVote(bram, 'Respect').waitFor()
    // A finger needs 44 px: the buttons' own boxes grow on a phone, the badge stays small.
    for (const button of [canvasVote(bram, 'Respect'), canvasUnvote(bram, 'Respect')]) {
      const box = await button.boundingBox()
      expect(box?.width).toBeGreaterThanOrEqual(44)
      expect(box?.height).toBeGreaterThanOrEqual(44)
      const face = await button.locator('.note-dot-face').boundingBox()
      expect(face?.width).toBeLessThan(29)
    }
    await screenshot(bram, 'dots-on-notes-open-phone')
    await bram.setViewportSize({ width: 1440, height: 900 })
    // On a desktop the button is as small as it looks.
    expect((await canvasVote(bram, 'Respect').boundingBox())?.width).toBeLessThan(29)
  })

  it('takes a dot back on the note itself, by click and by keyboard', async () => {
    await openPanel(anna, 'Stemmen')
    await anna.getByText('Je hebt nog 0 van 2 stippen.').waitFor()
    // Only notes with a dot of one's own offer to take one back.
    expect(await canvasUnvote(anna, 'Verantwoordelijkheid').count()).toBe(0)
    await canvasUnvote(anna, 'Respect').click()
    await anna.getByText('Je hebt nog 1 van 2 stippen.').waitFor()
    await expect.poll(() => panelDots(anna, 'Respect')).toBe('0')
    expect(await canvasDots(anna, 'Respect')).toBe('0')
    expect(await canvasUnvote(anna, 'Respect').count()).toBe(0)
    expect(await anna.evaluate(() => window.__stip?.editor.getSelectedShapeIds().length)).toBe(0)

    await canvasUnvote(anna, 'Gelijkwaardigheid').focus()
    await anna.keyboard.press('Enter')
    await anna.getByText('Je hebt nog 2 van 2 stippen.').waitFor()
    await expect.poll(() => panelDots(anna, 'Gelijkwaardigheid')).toBe('0')
    expect(await anna.evaluate(() => window.__stip?.editor.getEditingShapeId())).toBeNull()

    // The server kept the change: after a reload both are still back.
    await anna.reload()
    await waitForStatus(anna, 'connected')
    await openPanel(anna, 'Stemmen')
    await anna.getByText('Je hebt nog 2 van 2 stippen.').waitFor()
    expect(await canvasDots(anna, 'Respect')).toBe('0')

    // Placed again for the reveal below.
    await canvasVote(anna, 'Respect').click()
    await anna.getByText('Je hebt nog 1 van 2 stippen.').waitFor()
    await canvasVote(anna, 'Gelijkwaardigheid').click()
    await anna.getByText('Je hebt nog 0 van 2 stippen.').waitFor()
  })

  it('shows the counts and places on the notes to everyone after the reveal', async () => {
    await facilitator.getByRole('button', { name: 'Toon uitslag' }).click()
    for (const page of [facilitator, anna, bram, viewer]) {
      // Only notes in sight carry a badge: bring the whole werkvorm into view.
      await page.evaluate(() => {
        window.__stip?.editor.zoomToFit()
      })
      await page.locator('.note-dot-count').first().waitFor()
      await expect
        .poll(() => countsOnNotes(page))
        .toEqual({
          Respect: [2, 1],
          Gelijkwaardigheid: [1, 2],
          Verantwoordelijkheid: [1, 2],
        })
      expect(await page.locator('.note-dots').getByRole('button').count()).toBe(0)
    }
    await screenshot(viewer, 'dots-on-notes-revealed-desktop')
    // On a phone the board gets the whole screen once the panels are hidden.
    await anna.setViewportSize({ width: 390, height: 844 })
    await anna.getByRole('button', { name: 'Panelen verbergen' }).click()
    await anna.waitForFunction(() => (window.__stip?.editor.getViewportScreenBounds().w ?? 0) < 400)
    await anna.evaluate(() => {
      window.__stip?.editor.zoomToFit()
    })
    await expect.poll(() => anna.locator('.note-dot-count').count()).toBe(3)
    await screenshot(anna, 'dots-on-notes-revealed-phone')
  })
})
