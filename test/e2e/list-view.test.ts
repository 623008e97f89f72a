import { copyFileSync, mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeRuleViolations } from './helpers/axe'
import { addNoteViaUi, joinBoard, waitForCanvasIdle, waitForStatus } from './helpers/board-page'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'
import { joinChoosingOrganisation } from './helpers/start-form'
import {
  axeViolations,
  createBoardWithOrganisations,
  openPanel,
  screenPointOf,
  waitForNotes,
} from './session/session-helpers'

/*
 * The list view (issue 20, item 5): the whole board without the canvas. Anna works in the list
 * with the keyboard; Fenna (the begeleider) works on the canvas. What one does shows at once
 * for the other, and Carla takes part with Tab, Enter, Space and her typing alone.
 */

const SHOTS = '/work/shots/listview'

/** Where a note sits on a page's canvas: its werkvorm section, whether wholly inside, what it covers. */
function placementOf(page: Page, text: string) {
  return page.evaluate((text) => {
    const editor = window.__stip?.editor
    if (!editor) return null
    const shapes = editor.getCurrentPageShapes()
    const textOf = (shape: (typeof shapes)[number]) => editor.getShapeUtil(shape).getText(shape)
    const note = shapes.find((shape) => shape.type === 'note' && textOf(shape) === text)
    const box = note && editor.getShapePageBounds(note)
    if (!note || !box) return null
    const lane = shapes
      .filter((shape) => (shape.meta as { stipPart?: string }).stipPart === 'lane')
      .find((shape) => editor.getShapePageBounds(shape)?.containsPoint(box.center))
    const area = lane && editor.getShapePageBounds(lane)
    const inside =
      !!area &&
      box.minX >= area.minX &&
      box.maxX <= area.maxX &&
      box.minY >= area.minY &&
      box.maxY <= area.maxY
    const covers = shapes
      .filter((shape) => shape.type === 'note' && shape.id !== note.id)
      .filter((shape) => editor.getShapePageBounds(shape)?.collides(box))
      .map(textOf)
    return {
      section: (lane?.meta as { stipSection?: string } | undefined)?.stipSection ?? null,
      inside,
      covers,
      parentIsFrame: editor.getShape(note.parentId as never)?.type === 'frame',
    }
  }, text)
}

/** A page's notes with exactly this text. */
const notesOfText = (page: Page, text: string) =>
  waitForNotes(page, (notes) => notes.some((n) => n.text === text)).then((notes) =>
    notes.filter((n) => n.text === text),
  )

/** The section heading a note is listed under in a page's list view (null when not listed). */
function listedUnder(page: Page, text: string) {
  return page.evaluate((text) => {
    for (const article of document.querySelectorAll<HTMLElement>('.list-view .list-note')) {
      if (article.querySelector('.list-note-text')?.textContent !== text) continue
      const heading = article.closest('section')?.querySelector('h3, h4')
      return heading?.firstChild?.textContent?.trim() ?? null
    }
    return null
  }, text)
}

/**
 * Presses Tab until the focused element's accessible name (aria-label, its label, or its text)
 * starts with `name`; every stop must show a focus indicator and none may be in the canvas.
 */
async function tabToName(page: Page, name: string, maxTabs = 80): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab')
    const state = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el || el === document.body) return null
      const labelled = (el as HTMLInputElement).labels?.[0]?.textContent
      const style = getComputedStyle(el)
      return {
        name: (el.getAttribute('aria-label') ?? labelled ?? el.textContent ?? '').trim(),
        visible:
          (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
          style.boxShadow !== 'none',
        inCanvas: Boolean(el.closest('.tl-container')),
      }
    })
    if (!state) continue
    expect(state.inCanvas, `focus went into the hidden canvas at ${state.name}`).toBe(false)
    expect(state.visible, `focus indicator on ${state.name}`).toBe(true)
    if (state.name.startsWith(name)) return
  }
  throw new Error(`nothing named "${name}" within ${maxTabs} tabs`)
}

/** The focused element's accessible name, for checking where focus went. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return el?.getAttribute('aria-label') ?? el?.textContent ?? ''
  })

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  copyFileSync(await screenshot(page, `list-view-${name}`), `${SHOTS}/${name}.png`)
}

describe('the list view', () => {
  const session = useBrowserSession()
  let anna: Page
  let fenna: Page
  let editorLink = ''
  let viewerLink = ''

  it('puts a note added in the list on the other person’s canvas, in that section', async () => {
    const board = await createBoardWithOrganisations(
      session.server.server.url,
      'Rondetafel Zuid',
      'rondetafel',
    )
    editorLink = board.links.editor
    viewerLink = board.links.viewer
    fenna = await (await session.newContext()).newPage()
    anna = await (await session.newContext()).newPage()
    await joinChoosingOrganisation(fenna, board.links.facilitator, {
      name: 'Fenna Facilitator',
      organisation: 'Gemeente',
    })
    await joinChoosingOrganisation(anna, board.links.editor, {
      name: 'Anna de Vries',
      organisation: 'GGD',
    })
    await Promise.all([waitForStatus(fenna, 'connected'), waitForStatus(anna, 'connected')])

    await anna.getByRole('button', { name: 'Lijst', exact: true }).click()
    await anna.getByRole('heading', { name: 'Het bord als lijst' }).waitFor()
    expect(await anna.locator('.tl-canvas').isVisible()).toBe(false)
    await anna.getByRole('heading', { name: 'Rondetafel', level: 3 }).waitFor()
    await anna.getByLabel('Nieuwe notitie bij De opgave').fill('Eenzaamheid onder ouderen')
    await anna
      .getByRole('region', { name: /^De opgave/ })
      .getByRole('button', { name: 'Notitie toevoegen' })
      .click()
    await anna
      .getByRole('status')
      .filter({ hasText: 'Notitie toegevoegd bij De opgave.' })
      .waitFor()

    const [note] = await waitForNotes(fenna, (notes) =>
      notes.some((n) => n.text === 'Eenzaamheid onder ouderen'),
    ).then((notes) => notes.filter((n) => n.text === 'Eenzaamheid onder ouderen'))
    expect(note?.meta).toMatchObject({ authorName: 'Anna de Vries', organisation: 'GGD' })
    expect(await placementOf(fenna, 'Eenzaamheid onder ouderen')).toMatchObject({
      section: 'opgave',
      inside: true,
      covers: [],
      parentIsFrame: true,
    })
    expect(await listedUnder(anna, 'Eenzaamheid onder ouderen')).toBe('De opgave')
    await expect
      .poll(() =>
        anna
          .locator('.list-note', { hasText: 'Eenzaamheid onder ouderen' })
          .locator('.list-note-by')
          .textContent(),
      )
      .toBe('Anna de Vries, GGD')
  })

  it('shows a note written, moved and edited on the canvas in the list at once', async () => {
    await fenna.evaluate(() => {
      window.__stip?.editor.zoomToFit()
    })
    const lanes = await fenna.evaluate(() => {
      const editor = window.__stip?.editor
      const centre = (section: string) => {
        const lane = editor
          ?.getCurrentPageShapes()
          .find((shape) => (shape.meta as { stipSection?: string }).stipSection === section)
        const box = lane && editor?.getShapePageBounds(lane)
        return box ? { x: box.center.x, y: box.maxY - 150 } : { x: 0, y: 0 }
      }
      return { kansen: centre('kansen'), succes: centre('succes') }
    })
    await addNoteViaUi(fenna, 'Buurtteams', await screenPointOf(fenna, lanes.kansen))
    await expect.poll(() => listedUnder(anna, 'Buurtteams')).toBe('Kansen')
    expect(
      await anna
        .locator('.list-note', { hasText: 'Buurtteams' })
        .locator('.list-note-by')
        .textContent(),
    ).toBe('Fenna Facilitator, Gemeente')

    // Fenna drags it into Succes with the mouse.
    const from = await fenna.evaluate(() => {
      const editor = window.__stip?.editor
      const note = editor
        ?.getCurrentPageShapes()
        .find(
          (shape) =>
            shape.type === 'note' && editor.getShapeUtil(shape).getText(shape) === 'Buurtteams',
        )
      const box = note && editor?.getShapePageBounds(note)
      return box ? { x: box.center.x, y: box.center.y } : { x: 0, y: 0 }
    })
    await fenna.keyboard.press('Escape')
    await waitForCanvasIdle(fenna)
    const start = await screenPointOf(fenna, from)
    const end = await screenPointOf(fenna, lanes.succes)
    await fenna.mouse.move(start.x, start.y)
    await fenna.mouse.down()
    await fenna.mouse.move(end.x, end.y, { steps: 12 })
    await fenna.mouse.up()
    await expect.poll(() => listedUnder(anna, 'Buurtteams')).toBe('Succes')

    // And changes its words.
    await fenna.evaluate(() => {
      const editor = window.__stip?.editor
      const note = editor
        ?.getCurrentPageShapes()
        .find(
          (shape) =>
            shape.type === 'note' && editor.getShapeUtil(shape).getText(shape) === 'Buurtteams',
        )
      if (note) editor?.select(note.id)
    })
    await fenna.keyboard.press('Enter')
    await fenna.waitForFunction(() => Boolean(window.__stip?.editor.getEditingShapeId()))
    await fenna.keyboard.press('ControlOrMeta+a')
    await fenna.keyboard.type('Buurtteams in elke wijk')
    await fenna.keyboard.press('Escape')
    await expect.poll(() => listedUnder(anna, 'Buurtteams in elke wijk')).toBe('Succes')
    expect(await listedUnder(anna, 'Buurtteams')).toBeNull()
  })

  it('moves a note to another section with the keyboard, onto a free spot of that section', async () => {
    const select = anna.getByLabel('Verplaats “Eenzaamheid onder ouderen” naar')
    await select.focus()
    // Hartenkreet holds the werkvorm's example note: the moved note must not land on it.
    for (let i = 0; i < 8; i++) {
      const chosen = await select.evaluate(
        (el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent,
      )
      if (chosen === 'Hartenkreet') break
      await anna.keyboard.press('ArrowDown')
    }
    await anna.keyboard.press('Tab')
    expect(await focusedName(anna)).toBe('Verplaats: Eenzaamheid onder ouderen')
    await anna.keyboard.press('Enter')
    await expect.poll(() => listedUnder(anna, 'Eenzaamheid onder ouderen')).toBe('Hartenkreet')
    // Focus follows the note to its new place.
    await expect
      .poll(() => anna.evaluate(() => document.activeElement?.classList.contains('list-note')))
      .toBe(true)
    await expect
      .poll(() => placementOf(fenna, 'Eenzaamheid onder ouderen'))
      .toMatchObject({ section: 'hartenkreet', inside: true, covers: [], parentIsFrame: true })
    // A second note moved there finds its own spot too.
    await anna
      .getByLabel('Verplaats “Buurtteams in elke wijk” naar')
      .selectOption({ label: 'Hartenkreet' })
    await anna.getByRole('button', { name: 'Verplaats: Buurtteams in elke wijk' }).press('Enter')
    await expect
      .poll(() => placementOf(fenna, 'Buurtteams in elke wijk'))
      .toMatchObject({ section: 'hartenkreet', inside: true, covers: [] })
    const example = await fenna.evaluate(() => {
      const editor = window.__stip?.editor
      const note = editor
        ?.getCurrentPageShapes()
        .find((shape) => (shape.meta as { stipPart?: string }).stipPart === 'example')
      return note ? editor?.getShapeUtil(note).getText(note) : null
    })
    expect(example).toBe('Niet vinken, maar vonken!')
    expect((await placementOf(fenna, 'Niet vinken, maar vonken!'))?.covers).toEqual([])
    await fenna.evaluate(() => {
      const editor = window.__stip?.editor
      const frame = editor?.getCurrentPageShapes().find((shape) => shape.type === 'frame')
      const box = frame && editor?.getShapePageBounds(frame)
      if (box) editor?.zoomToBounds(box, { inset: 16 })
    })
    await shot(fenna, 'canvas-after-list-moves')
  })

  it('takes part with Tab, Enter, Space and typing alone; Backspace in the list leaves the canvas alone', async () => {
    const carlaContext = await session.newContext()
    const carla = await carlaContext.newPage()
    await joinChoosingOrganisation(carla, editorLink, {
      name: 'Carla Politie',
      organisation: 'Politie',
    })
    await waitForStatus(carla, 'connected')
    // A note selected on Carla's canvas: keys typed in the list must not reach it.
    await waitForNotes(carla, (notes) => notes.some((n) => n.text === 'Buurtteams in elke wijk'))
    await carla.evaluate(() => {
      const editor = window.__stip?.editor
      const note = editor
        ?.getCurrentPageShapes()
        .find(
          (shape) =>
            shape.type === 'note' &&
            editor.getShapeUtil(shape).getText(shape) === 'Buurtteams in elke wijk',
        )
      if (note) editor?.select(note.id)
    })
    await carla.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())

    await tabToName(carla, 'Lijst')
    await carla.keyboard.press('Enter')
    await carla.getByRole('heading', { name: 'Het bord als lijst' }).waitFor()
    expect(
      await carla.getByRole('button', { name: 'Lijst', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true')

    await tabToName(carla, 'Nieuwe notitie bij Ander perspectief')
    await carla.keyboard.type('Vraag het de jongeren zelf!!')
    await carla.keyboard.press('Backspace')
    await carla.keyboard.press('Backspace')
    await carla.keyboard.press('Delete')
    await tabToName(carla, 'Notitie toevoegen')
    await carla.keyboard.press('Enter')
    await waitForNotes(anna, (notes) => notes.some((n) => n.text === 'Vraag het de jongeren zelf'))
    expect(
      (
        await waitForNotes(fenna, (notes) =>
          notes.some((n) => n.text === 'Vraag het de jongeren zelf'),
        )
      ).find((n) => n.text === 'Buurtteams in elke wijk'),
      'Backspace in the list deleted the note selected on the canvas',
    ).toBeDefined()
    expect(await listedUnder(anna, 'Vraag het de jongeren zelf')).toBe('Ander perspectief')

    await tabToName(carla, 'Bewerken: Vraag het de jongeren zelf')
    await carla.keyboard.press('Enter')
    await expect.poll(() => carla.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA')
    await carla.keyboard.type(', met hun ouders')
    await tabToName(carla, 'Opslaan')
    await carla.keyboard.press('Space')
    await expect
      .poll(() => listedUnder(anna, 'Vraag het de jongeren zelf, met hun ouders'))
      .toBe('Ander perspectief')
    await waitForNotes(fenna, (notes) =>
      notes.some((n) => n.text === 'Vraag het de jongeren zelf, met hun ouders'),
    )
    expect(await focusedName(carla)).toBe('Bewerken: Vraag het de jongeren zelf, met hun ouders')

    await tabToName(carla, 'Verplaats “Vraag het de jongeren zelf, met hun ouders” naar')
    for (let i = 0; i < 8; i++) {
      const chosen = await carla.evaluate(
        () => (document.activeElement as HTMLSelectElement).selectedOptions[0]?.textContent,
      )
      if (chosen === 'Kansen') break
      await carla.keyboard.press('ArrowDown')
    }
    expect(
      await carla.evaluate(
        () => (document.activeElement as HTMLSelectElement).selectedOptions[0]?.textContent,
      ),
    ).toBe('Kansen')
    await carla.keyboard.press('Tab')
    await carla.keyboard.press('Space')
    await expect
      .poll(() => placementOf(fenna, 'Vraag het de jongeren zelf, met hun ouders'))
      .toMatchObject({ section: 'kansen', inside: true, covers: [] })

    // The choice is remembered: after a reload Carla is in the list again.
    await carla.reload()
    await carla.getByRole('heading', { name: 'Het bord als lijst' }).waitFor()
    // The canvas behind the list takes no keys, even with nothing focused on the page: Delete
    // leaves a note selected there alone.
    await waitForNotes(carla, (notes) => notes.some((n) => n.text === 'Buurtteams in elke wijk'))
    await carla.evaluate(() => {
      const editor = window.__stip?.editor
      const note = editor
        ?.getCurrentPageShapes()
        .find(
          (shape) =>
            shape.type === 'note' &&
            editor.getShapeUtil(shape).getText(shape) === 'Buurtteams in elke wijk',
        )
      if (note) editor?.select(note.id)
    })
    expect(await carla.evaluate(() => document.activeElement === document.body)).toBe(true)
    await carla.keyboard.press('Delete')
    await carla.keyboard.press('Backspace')
    await expect
      .poll(() =>
        carla.evaluate(() =>
          window.__stip?.editor
            .getCurrentPageShapes()
            .some(
              (shape) =>
                shape.type === 'note' &&
                window.__stip?.editor.getShapeUtil(shape).getText(shape) ===
                  'Buurtteams in elke wijk',
            ),
        ),
      )
      .toBe(true)
    await shot(carla, 'keyboard-journey-desktop')
  })

  it('finds a note with the search box in the list, not on the hidden canvas', async () => {
    await openPanel(anna, 'Zoeken')
    await anna.getByLabel('Zoek op het bord').fill('elke wijk')
    await anna.getByLabel('Zoek op het bord').press('Enter')
    await expect
      .poll(() =>
        anna.evaluate(() => document.activeElement?.querySelector('.list-note-text')?.textContent),
      )
      .toBe('Buurtteams in elke wijk')
  })

  it('votes by keyboard in the list during an open vote, on the same ballot and budget', async () => {
    await openPanel(fenna, 'Stemmen')
    await fenna.evaluate(() => {
      const editor = window.__stip?.editor
      const frame = editor?.getCurrentPageShapes().find((shape) => shape.type === 'frame')
      if (frame) editor?.select(frame.id)
    })
    await fenna.getByLabel('Stippen per persoon').fill('2')
    await fenna.getByRole('button', { name: 'Start stemronde' }).click()

    const list = anna.locator('.list-view')
    await list.getByText('Je hebt nog 2 van 2 stippen.').waitFor()
    const vote = list.getByRole('button', { name: 'Stem op: Eenzaamheid onder ouderen' })
    expect(await vote.getAttribute('aria-pressed')).toBe('false')
    await vote.focus()
    await anna.keyboard.press('Space')
    await list
      .locator('[aria-live="polite"]', { hasText: 'Je hebt nog 1 van 2 stippen.' })
      .waitFor()
    await expect.poll(() => vote.getAttribute('aria-pressed')).toBe('true')
    // The Stemmen panel shows the same dot: one ballot, one budget.
    await openPanel(anna, 'Stemmen')
    await expect
      .poll(() =>
        anna
          .locator('.ballot-item', { hasText: 'Eenzaamheid onder ouderen' })
          .locator('.ballot-mine')
          .getAttribute('data-dots'),
      )
      .toBe('1')
    await list.getByRole('button', { name: 'Stem op: Buurtteams in elke wijk' }).press('Enter')
    await list.getByText('Je hebt nog 0 van 2 stippen.').waitFor()
    // With no dots left, a note without one of Anna's cannot take one.
    expect(
      await list
        .getByRole('button', { name: 'Stem op: Vraag het de jongeren zelf, met hun ouders' })
        .isDisabled(),
    ).toBe(true)
    // Pressed again, the dot comes back.
    await vote.press('Enter')
    await list.getByText('Je hebt nog 1 van 2 stippen.').waitFor()
    await expect.poll(() => vote.getAttribute('aria-pressed')).toBe('false')
  })

  it('has no axe violations on desktop and phone', async () => {
    await anna.locator('.list-view').getByText('Je hebt nog 1 van 2 stippen.').waitFor()
    expect(await axeViolations(anna)).toEqual([])
    expect(await axeRuleViolations(anna, ['heading-order'])).toEqual([])
    await shot(anna, 'desktop-vote-open')

    await anna.setViewportSize({ width: 390, height: 844 })
    await anna.getByRole('button', { name: 'Panelen verbergen' }).click()
    expect(await axeViolations(anna)).toEqual([])
    // Every control in the list is at least 44 px tall on a phone.
    const small = await anna.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.list-view button, .list-view select')]
        .filter((el) => el.getBoundingClientRect().height < 44)
        .map((el) => el.getAttribute('aria-label') ?? el.textContent),
    )
    expect(small).toEqual([])
    await shot(anna, 'phone')
    await anna.getByRole('button', { name: 'Bewerken: Eenzaamheid onder ouderen' }).click()
    await shot(anna, 'phone-editing')
    await anna.keyboard.press('Escape')
    await anna.locator('.list-view').evaluate((el) => el.scrollTo(0, el.scrollHeight))
    await shot(anna, 'phone-bottom')
  })
  it('lets a meekijker read everything and change nothing', async () => {
    const viewer = await (await session.newContext()).newPage()
    await joinBoard(viewer, viewerLink, { name: 'Lars', organisation: 'Inwoners' })
    await viewer.getByRole('button', { name: 'Lijst', exact: true }).click()
    await viewer.getByText('Je kijkt mee: je leest alles, maar schrijft niet mee.').waitFor()
    await expect.poll(() => listedUnder(viewer, 'Eenzaamheid onder ouderen')).toBe('Hartenkreet')
    expect(await listedUnder(viewer, 'Niet vinken, maar vonken!')).toBe('Hartenkreet')
    const list = viewer.locator('.list-view')
    // After the reveal the list says each note's dots and place, as the canvas does.
    await fenna.getByRole('button', { name: 'Toon uitslag' }).click()
    await expect
      .poll(() =>
        list
          .locator('.list-note', { hasText: 'Buurtteams in elke wijk' })
          .locator('.list-note-result')
          .textContent(),
      )
      .toBe('Uitslag: 1 stip, plaats 1')
    expect(await list.locator('.list-note-result').count()).toBe(1)
    await shot(viewer, 'viewer-revealed-desktop')
    expect(await list.locator('textarea, select').count()).toBe(0)
    expect(await list.getByRole('button').count()).toBe(0)
    expect(await axeViolations(viewer)).toEqual([])
  })
  it('keeps a note written in the list during a silent round with its author until the reveal', async () => {
    await openPanel(fenna, 'Sessie')
    await fenna.getByRole('button', { name: 'Start stille ronde' }).click()
    await anna.locator('.session-banner', { hasText: 'Stille ronde' }).waitFor()
    const kept: string[] = []
    anna.on('response', (response) => {
      if (response.request().method() === 'PUT' && response.status() === 204) {
        kept.push(decodeURIComponent(response.url()))
      }
    })
    await anna.getByLabel('Nieuwe notitie bij Succes').fill('Stil idee uit de lijst')
    await anna
      .getByRole('region', { name: /^Succes/ })
      .getByRole('button', { name: 'Notitie toevoegen' })
      .click()
    await expect.poll(() => listedUnder(anna, 'Stil idee uit de lijst')).toBe('Succes')
    const [secret] = (await notesOfText(anna, 'Stil idee uit de lijst')) ?? []
    expect(typeof secret?.meta.silentRoundId).toBe('string')
    // The server keeps it for Anna alone; Fenna's board never holds it until the reveal.
    await expect
      .poll(() => kept.some((url) => url.endsWith(`/silent-round/notes/${secret?.id}`)))
      .toBe(true)
    expect(
      await fenna.evaluate(() =>
        JSON.stringify(window.__stip?.doc.toJSON()).includes('Stil idee uit de lijst'),
      ),
    ).toBe(false)
    await fenna.getByRole('button', { name: 'Onthul alle notities' }).click()
    await expect
      .poll(() => placementOf(fenna, 'Stil idee uit de lijst'))
      .toMatchObject({ section: 'succes', inside: true, covers: [] })
  })
})
