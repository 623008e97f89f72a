import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addNoteViaUi, waitForStatus } from './helpers/board-page'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'
import { joinChoosingOrganisation } from './helpers/start-form'
import {
  axeViolations,
  createBoardWithOrganisations,
  notesOf,
  openPanel,
  screenPointOf,
  tabTo,
  waitForNotes,
} from './session/session-helpers'

const FRAME = { x: 100, y: 150, w: 720, h: 420 }
const VALUES = ['Respect', 'Gelijkwaardigheid', 'Verantwoordelijkheid'] as const

/** The texts and counts of the results list, top first. */
async function resultsOf(page: Page): Promise<[string, number][]> {
  const items = page.locator('.results-list .result-item')
  const out: [string, number][] = []
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i)
    out.push([
      ((await item.locator('.ballot-text').textContent()) ?? '').trim(),
      Number(await item.getAttribute('data-count')),
    ])
  }
  return out
}

describe('dot voting on the notes of a frame', () => {
  const session = useBrowserSession()
  let facilitator: Page
  let anna: Page
  let bram: Page
  let frameId = ''

  it('starts a vote on the selected frame with N dots per person', async () => {
    const board = await createBoardWithOrganisations(session.server.server.url, 'Stembord')
    facilitator = await (await session.newContext()).newPage()
    anna = await (await session.newContext()).newPage()
    bram = await (await session.newContext()).newPage()
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
    await Promise.all([facilitator, anna, bram].map((page) => waitForStatus(page, 'connected')))

    frameId = await facilitator.evaluate((frame) => {
      const editor = window.__stip?.editor
      if (!editor) return ''
      editor.createShape({
        type: 'frame',
        x: frame.x,
        y: frame.y,
        props: { w: frame.w, h: frame.h, name: 'Waarden' },
      })
      return editor.getCurrentPageShapes().find((shape) => shape.type === 'frame')?.id ?? ''
    }, FRAME)
    expect(frameId).toMatch(/^shape:/)

    // Notes are written through the UI, inside the frame, by two organisations.
    const spots = [
      [anna, VALUES[0], 230],
      [anna, VALUES[1], 460],
      [bram, VALUES[2], 690],
    ] as const
    for (const [page, text, x] of spots) {
      await page.waitForFunction(
        (id) => Boolean(window.__stip?.editor.getShape(id as never)),
        frameId,
      )
      const at = await screenPointOf(page, { x, y: FRAME.y + 200 })
      await addNoteViaUi(page, text, at)
    }
    const notes = await waitForNotes(facilitator, (all) => all.length === 3)
    expect(notes.every((note) => note.parentId === frameId)).toBe(true)

    await openPanel(facilitator, 'Stemmen')
    await facilitator.getByText('Klik op het bord op de naam van de werkvorm').waitFor()
    await facilitator.evaluate((id) => {
      window.__stip?.editor.select(id as never)
    }, frameId)
    await facilitator.getByText('Stemmen over: Waarden').waitFor()
    await facilitator.getByLabel('Stippen per persoon').fill('2')
    await screenshot(facilitator, 'voting-facilitator-start')
    await facilitator.getByRole('button', { name: 'Start stemronde' }).click()
    for (const page of [anna, bram]) {
      await openPanel(page, 'Stemmen')
      await page.getByText('Je hebt nog 2 van 2 stippen.').waitFor()
    }
  })

  it('spends dots, takes one back, and keeps the counts hidden until the reveal', async () => {
    const voteOn = (page: Page, text: string) =>
      page
        .locator('.ballot-list')
        .getByRole('button', { name: `Stem op: ${text}`, exact: true })
        .click()
    await voteOn(anna, 'Gelijkwaardigheid')
    await voteOn(anna, 'Gelijkwaardigheid')
    await anna.getByText('Je hebt nog 0 van 2 stippen.').waitFor()
    expect(
      await anna
        .locator('.ballot-list')
        .getByRole('button', { name: 'Stem op: Respect', exact: true })
        .isDisabled(),
    ).toBe(true)
    await anna
      .locator('.ballot-list')
      .getByRole('button', { name: 'Stip terug van: Gelijkwaardigheid' })
      .click()
    await anna.getByText('Je hebt nog 1 van 2 stippen.').waitFor()
    await voteOn(anna, 'Respect')

    // Bram votes once on the note he selected on the canvas, once with the keyboard.
    const gelijk = (await notesOf(bram)).find((note) => note.text === 'Gelijkwaardigheid')
    await bram.evaluate((id) => {
      window.__stip?.editor.select(id as never)
    }, gelijk?.id ?? '')
    await bram.getByRole('button', { name: 'Stem op geselecteerde notitie' }).click()
    await bram.getByText('Je hebt nog 1 van 2 stippen.').waitFor()
    await bram.getByRole('tab', { name: 'Stemmen', exact: true }).focus()
    await tabTo(bram, 'Stem op: Verantwoordelijkheid')
    await bram.keyboard.press('Enter')
    await bram.getByText('Je hebt nog 0 van 2 stippen.').waitFor()

    // Nobody sees the totals yet: only their own dots and how many voted. No browser's copy
    // of the board holds a single dot: the server keeps them until the reveal.
    for (const page of [anna, bram, facilitator]) {
      expect(await page.locator('.results-list').count()).toBe(0)
      await page.getByText('2 mensen hebben gestemd.').waitFor()
      const raw = await page.evaluate(() => JSON.stringify(window.__stip?.doc.getMap('votes')))
      const votes = JSON.parse(raw) as Record<string, { voters: number; counts: unknown }>
      expect(Object.values(votes)).toEqual([expect.objectContaining({ voters: 2, counts: null })])
      for (const note of await notesOf(page)) expect(raw).not.toContain(note.id)
    }
    // A reload shows Anna her own dots again, from the server.
    await anna.reload()
    await waitForStatus(anna, 'connected')
    await openPanel(anna, 'Stemmen')
    await anna.getByText('Je hebt nog 0 van 2 stippen.').waitFor()
    const annaRow = anna.locator('.ballot-item', { hasText: 'Gelijkwaardigheid' })
    expect(await annaRow.locator('.ballot-mine').getAttribute('data-dots')).toBe('1')
    expect(await axeViolations(anna)).toEqual([])
    await screenshot(anna, 'voting-ballot-participant')
    // The same ballot on a phone-sized window (the panel keeps its place in the layout).
    await anna.setViewportSize({ width: 390, height: 844 })
    await anna.locator('.vote-progress').scrollIntoViewIfNeeded()
    await screenshot(anna, 'voting-ballot-phone')
    await anna.setViewportSize({ width: 1280, height: 800 })
  })

  it('shows the results to everyone, sorted, once the facilitator reveals them', async () => {
    await facilitator.getByRole('button', { name: 'Toon uitslag' }).click()
    for (const page of [anna, bram, facilitator]) {
      await page.locator('.results-list').waitFor()
      const results = await resultsOf(page)
      expect(results[0]).toEqual(['Gelijkwaardigheid', 2])
      // The two tied notes follow in the board's order of notes, which a reload may change.
      expect(results.slice(1).sort()).toEqual([
        ['Respect', 1],
        ['Verantwoordelijkheid', 1],
      ])
      // The counts come from the tally the server wrote into the board.
      const raw = await page.evaluate(() => JSON.stringify(window.__stip?.doc.getMap('votes')))
      const counts = Object.values(JSON.parse(raw) as Record<string, { counts: object }>)[0]
      expect(Object.values(counts?.counts ?? {}).sort()).toEqual([1, 1, 2])
    }
    expect(await anna.getByRole('button', { name: /^Stem op/ }).count()).toBe(0)
    expect(await axeViolations(facilitator)).toEqual([])
    await screenshot(anna, 'voting-results-participant')
  })

  it('promotes the winner to a Kernwaarden frame and the manifesto’s shared values', async () => {
    await facilitator.getByLabel('Aantal winnaars').fill('1')
    // A plain frame is not the Gedeelde waarden werkvorm: the manifesto is opted into here.
    await facilitator.getByLabel('Ook in het manifest onder Gedeelde waarden').check()
    await facilitator.getByRole('button', { name: 'Zet winnaars in Kernwaarden' }).click()
    await facilitator.getByText('1 notitie staat nu in Kernwaarden.').waitFor()
    const promoted = await anna.waitForFunction(() => {
      const editor = window.__stip?.editor
      const frame = editor
        ?.getCurrentPageShapes()
        .find(
          (shape) =>
            shape.type === 'frame' && (shape.props as { name: string }).name === 'Kernwaarden',
        )
      if (!editor || !frame) return null
      const children = editor.getSortedChildIdsForParent(frame.id).map((id) => editor.getShape(id))
      return children.map((child) => ({
        text: child ? editor.getShapeUtil(child).getText(child) : '',
        organisation: child?.meta.organisation,
      }))
    })
    expect(await promoted.jsonValue()).toEqual([{ text: 'Gelijkwaardigheid', organisation: 'GGD' }])
    // The manifesto's change travels on its own; wait for it rather than read it once.
    await anna.waitForFunction(() =>
      window.__stip?.doc.getXmlFragment('manifesto').toString().includes('Gelijkwaardigheid'),
    )
    await facilitator.evaluate(() => {
      window.__stip?.editor.zoomToFit()
    })
    await screenshot(facilitator, 'voting-promoted-kernwaarden')
  })

  it('closes the vote for everyone', async () => {
    await facilitator.getByRole('button', { name: 'Sluit stemronde' }).click()
    await bram.getByText('Stemronde gesloten').waitFor()
    expect(await bram.getByRole('button', { name: /^Stem op/ }).count()).toBe(0)
    await facilitator.getByRole('button', { name: 'Start stemronde' }).waitFor()
  })
})
