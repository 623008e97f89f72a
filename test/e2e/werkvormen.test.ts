import { readFileSync } from 'node:fs'
import { TEMPLATE_IDS } from '@stip/protocol'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from './helpers/axe'
import { addNoteViaUi } from './helpers/board-page'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'
import { createBoardViaStartPage, joinChoosingOrganisation } from './helpers/start-form'

const FRAME = 'shape:tpl-hebben-zaaien-start-frame'
const lane = (key: string) => `shape:tpl-hebben-zaaien-start-lane-${key}`
const TEMPLATE_NAME = 'Wat heb je al / wat moet je zaaien'

type Links = { facilitator: string; editor: string; viewer: string }

/** Page bounds of a shape, as plain data. */
function boundsOf(page: Page, id: string) {
  return page.evaluate((shapeId) => {
    const editor = window.__stip!.editor
    const box = editor.getShapePageBounds(shapeId as never)
    return box ? { x: box.x, y: box.y, w: box.w, h: box.h } : null
  }, id)
}

/** Where a page point is on the screen of this page's viewport. */
function screenPoint(page: Page, point: { x: number; y: number }) {
  return page.evaluate((p) => {
    const screen = window.__stip!.editor.pageToViewport(p)
    const canvas = document.querySelector('.tl-container')!.getBoundingClientRect()
    return { x: canvas.left + screen.x, y: canvas.top + screen.y }
  }, point)
}

/** Adds a note as the tldraw note tool would (the ownership side effect stamps the author). */
function addNoteAt(page: Page, at: { x: number; y: number }, text: string) {
  return page.evaluate(
    ({ at, text }) => {
      window.__stip!.editor.createShape({
        type: 'note',
        x: at.x - 100,
        y: at.y - 100,
        props: {
          richText: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
          },
        },
      })
    },
    { at, text },
  )
}

function frameState(page: Page) {
  return page.evaluate((id) => {
    const shape = window.__stip!.editor.getShape(id as never)
    // The frame's lock lives in its meta, so the notes inside stay its editable children.
    return shape ? { x: shape.x, y: shape.y, locked: shape.meta.stipLocked === true } : null
  }, FRAME)
}

async function fetchReport(serverUrl: string, boardId: string, token: string): Promise<string> {
  const response = await fetch(`${serverUrl}/api/boards/${boardId}/report.md`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(response.status).toBe(200)
  return response.text()
}

/** Zooms so the whole page content fits, without animation, and lets tldraw paint. */
async function fitAll(page: Page) {
  await page.evaluate(() => {
    window.__stip!.editor.zoomToFit({ animation: { duration: 0 } })
  })
  await page.waitForTimeout(400)
}

describe('werkvormen: templates on the board, the lock and the session report', () => {
  const session = useBrowserSession()
  const url = () => session.server.server.url
  let facilitator: Page
  let anna: Page
  let bram: Page
  let links: Links
  let boardId = ''
  const newPage = async (width = 1280, height = 800) => {
    const page = await (await session.newContext()).newPage()
    await page.setViewportSize({ width, height })
    return page
  }
  const tokenOf = (link: string) => new URL(link).hash.replace('#token=', '')

  it('lets a facilitator start a hebben-zaaien board from the start page, drawn on the canvas', async () => {
    facilitator = await newPage(1440, 900)
    await createBoardViaStartPage(facilitator, url(), {
      title: 'Armoede in de wijk',
      chips: ['Gemeente', 'GGD'],
      template: /Wat heb je al/,
    })
    boardId = new URL(facilitator.url()).pathname.split('/')[2]!
    links = await facilitator.evaluate(
      (id) => JSON.parse(localStorage.getItem(`stip.links.${id}`) ?? '{}'),
      boardId,
    )
    await joinChoosingOrganisation(facilitator, null, { name: 'Fatma', organisation: 'Gemeente' })
    const share = facilitator.getByRole('dialog', { name: 'Bord delen' })
    await share.waitFor()
    await facilitator.keyboard.press('Escape')
    await share.waitFor({ state: 'hidden' })
    const shapes = await facilitator.evaluate(() =>
      window.__stip!.editor.getCurrentPageShapes().map((s) => ({ id: s.id, meta: s.meta })),
    )
    const ids = shapes.map((s) => s.id)
    expect(ids).toEqual(
      expect.arrayContaining([FRAME, lane('opgave'), lane('hebben'), lane('zaaien')]),
    )
    // One page, named in Dutch, and nothing written twice by the client.
    const pages = await facilitator.evaluate(() =>
      window.__stip!.editor.getPages().map((p) => ({ id: p.id, name: p.name })),
    )
    expect(pages).toEqual([{ id: 'page:page', name: 'Pagina 1' }])
    // At 100 % the title and the questions read without zooming.
    await facilitator.evaluate(() => {
      const editor = window.__stip!.editor
      editor.setCamera({ x: 40, y: -180, z: 1 }, { animation: { duration: 0 } })
    })
    await facilitator.waitForTimeout(300)
    await screenshot(facilitator, 'werkvormen-hebben-zaaien-100')
    await fitAll(facilitator)
    await screenshot(facilitator, 'werkvormen-hebben-zaaien-board')
  })

  it('groups the notes of two organisations by column and organisation in the report', async () => {
    anna = await newPage()
    bram = await newPage()
    await joinChoosingOrganisation(anna, links.editor, { name: 'Anna', organisation: 'Gemeente' })
    await joinChoosingOrganisation(bram, links.editor, { name: 'Bram', organisation: 'GGD' })
    const hebben = (await boundsOf(anna, lane('hebben')))!
    const zaaien = (await boundsOf(anna, lane('zaaien')))!
    // Anna uses the note tool like anyone would; the others are placed through the editor.
    await anna.evaluate((box) => {
      window.__stip!.editor.zoomToBounds(box, { animation: { duration: 0 } })
    }, hebben)
    await addNoteViaUi(
      anna,
      'Wijkteam kent de gezinnen',
      await screenPoint(anna, { x: hebben.x + 150, y: hebben.y + 400 }),
    )
    await addNoteAt(anna, { x: zaaien.x + 150, y: zaaien.y + 400 }, 'Vertrouwen opbouwen')
    await addNoteAt(bram, { x: hebben.x + 450, y: hebben.y + 400 }, 'Schuldhulp in de buurt')
    await addNoteAt(bram, { x: zaaien.x + 450, y: zaaien.y + 650 }, 'Samen één loket')

    const report = await expect
      .poll(() => fetchReport(url(), boardId, tokenOf(links.viewer)), { timeout: 10_000 })
      .toContain('Samen één loket')
      .then(() => fetchReport(url(), boardId, tokenOf(links.viewer)))
    const section = (heading: string) => report.split(`### ${heading}`)[1]!.split('\n### ')[0]!
    const have = section('Wat hebben we al')
    const sow = section('Wat moeten we zaaien')
    expect(have).toMatch(/#### Gemeente\n\n- Wijkteam kent de gezinnen — _Anna_/)
    expect(have).toMatch(/#### GGD\n\n- Schuldhulp in de buurt — _Bram_/)
    expect(sow).toMatch(/#### Gemeente\n\n- Vertrouwen opbouwen — _Anna_/)
    expect(sow).toMatch(/#### GGD\n\n- Samen één loket — _Bram_/)
    expect(report).not.toContain('## Overig')
    await screenshot(anna, 'werkvormen-notes-in-columns')
  })

  it('locks the werkvorm: a participant can neither drag nor unlock it, yet still adds notes inside', async () => {
    await facilitator.getByRole('tab', { name: 'Werkvormen', exact: true }).click()
    await facilitator.getByRole('button', { name: `Werkvorm vastzetten: ${TEMPLATE_NAME}` }).click()
    await facilitator.getByRole('button', { name: `Werkvorm losmaken: ${TEMPLATE_NAME}` }).waitFor()
    await expect.poll(async () => (await frameState(bram))?.locked).toBe(true)
    const before = (await frameState(bram))!

    // Bram drags the frame by its title area.
    await fitAll(bram)
    const frame = (await boundsOf(bram, FRAME))!
    const grab = await screenPoint(bram, { x: frame.x + 300, y: frame.y + 60 })
    await bram.keyboard.press('Escape')
    await bram.mouse.move(grab.x, grab.y)
    await bram.mouse.down()
    await bram.mouse.move(grab.x + 150, grab.y + 120, { steps: 8 })
    await bram.mouse.up()
    // …and tries tldraw's own unlock, then a direct move.
    await bram.evaluate((id) => {
      const editor = window.__stip!.editor
      editor.toggleLock([id as never])
      editor.updateShape({ id: id as never, type: 'frame', isLocked: false })
      editor.updateShape({ id: id as never, type: 'frame', x: 999 })
    }, FRAME)
    await bram.waitForTimeout(300)
    expect(await frameState(bram)).toEqual(before)
    expect(await frameState(facilitator)).toEqual(before)

    // A note added inside the locked werkvorm is free: not locked, movable, and in the report.
    const zaaien = (await boundsOf(bram, lane('zaaien')))!
    await addNoteViaUi(
      bram,
      'Na het slot',
      await screenPoint(bram, { x: zaaien.x + zaaien.w - 200, y: zaaien.y + 260 }),
    )
    const note = await bram.evaluate(() => {
      const editor = window.__stip!.editor
      const shape = editor
        .getCurrentPageShapes()
        .find((s) => s.type === 'note' && editor.getShapeUtil(s).getText(s) === 'Na het slot')!
      editor.updateShape({ id: shape.id, type: 'note', x: shape.x - 40 })
      const moved = editor.getShape(shape.id)!
      return {
        lockedByFrame: editor.isShapeOrAncestorLocked(moved),
        movedBy: shape.x - moved.x,
        parentId: moved.parentId,
      }
    })
    expect(note).toEqual({ lockedByFrame: false, movedBy: 40, parentId: FRAME })
    await expect
      .poll(() => fetchReport(url(), boardId, tokenOf(links.editor)))
      .toMatch(/### Wat moeten we zaaien[\s\S]*Na het slot — _Bram_/)
    await screenshot(facilitator, 'werkvormen-panel-locked')

    // Deleting the locked werkvorm is refused too; the facilitator's unlock reaches everyone.
    const childCount = (page: Page) =>
      page.evaluate(
        (id) => window.__stip!.editor.getSortedChildIdsForParent(id as never).length,
        FRAME,
      )
    const children = await childCount(bram)
    await bram.evaluate((id) => {
      window.__stip!.editor.deleteShapes([id as never])
    }, FRAME)
    await bram.waitForTimeout(200)
    expect(await frameState(bram)).toEqual(before)
    // …and so is deleting what is inside it along with it.
    expect(await childCount(bram)).toBe(children)
    await facilitator.getByRole('button', { name: `Werkvorm losmaken: ${TEMPLATE_NAME}` }).click()
    await expect.poll(async () => (await frameState(bram))?.locked).toBe(false)
  })

  it('keeps the notes in the werkvorm through lock, vote and unlock, and moves them with it', async () => {
    const notesInFrame = (page: Page) =>
      page.evaluate((frameId) => {
        const editor = window.__stip!.editor
        return editor
          .getCurrentPageShapes()
          .filter((s) => s.type === 'note' && s.parentId === frameId)
          .map((s) => {
            const box = editor.getShapePageBounds(s)!
            return { id: s.id, x: box.x, y: box.y }
          })
          .sort((a, b) => a.id.localeCompare(b.id))
      }, FRAME)
    const before = await notesInFrame(facilitator)
    expect(before.length).toBeGreaterThanOrEqual(5)

    await facilitator.getByRole('tab', { name: 'Werkvormen', exact: true }).click()
    await facilitator.getByRole('button', { name: `Werkvorm vastzetten: ${TEMPLATE_NAME}` }).click()
    await facilitator.getByRole('button', { name: `Werkvorm losmaken: ${TEMPLATE_NAME}` }).waitFor()
    expect(await notesInFrame(facilitator)).toEqual(before)

    // The facilitator clicks the locked werkvorm's name on the canvas and starts a vote on it.
    await facilitator.getByRole('tab', { name: 'Stemmen', exact: true }).click()
    const start = facilitator.getByRole('button', { name: 'Start stemronde' })
    expect(await start.isDisabled()).toBe(true)
    await facilitator.getByText(/Klik op het bord op de naam van de werkvorm/).waitFor()
    await fitAll(facilitator)
    const frame = (await boundsOf(facilitator, FRAME))!
    const title = await screenPoint(facilitator, { x: frame.x + 40, y: frame.y })
    await facilitator.mouse.click(title.x, title.y - 10)
    await expect
      .poll(() => facilitator.evaluate(() => window.__stip!.editor.getSelectedShapeIds()))
      .toEqual([FRAME])
    // Selected but locked: no handles that promise a resize the lock would refuse.
    const resizable = () =>
      facilitator.evaluate((id) => {
        const editor = window.__stip!.editor
        const frame = editor.getShape(id as never)!
        return editor.getShapeUtil(frame).canResize(frame)
      }, FRAME)
    expect(await resizable()).toBe(false)
    await screenshot(facilitator, 'werkvormen-locked-vote-ready')
    await start.click()
    // Everyone votes on the notes that are inside, while it is locked.
    await bram.getByRole('tab', { name: 'Stemmen', exact: true }).click()
    await bram
      .locator('.ballot-list')
      .getByRole('button', { name: 'Stem op: Na het slot' })
      .waitFor()
    await expect.poll(() => bram.locator('.ballot-item').count()).toBe(before.length)
    await screenshot(bram, 'werkvormen-locked-voting')
    await bram.setViewportSize({ width: 390, height: 844 })
    await bram
      .locator('.ballot-list')
      .getByRole('button', { name: 'Stem op: Na het slot' })
      .scrollIntoViewIfNeeded()
    await screenshot(bram, 'werkvormen-locked-voting-phone')
    await bram.setViewportSize({ width: 1280, height: 800 })
    await facilitator.getByRole('button', { name: 'Sluit stemronde' }).click()

    // Unlocked, the werkvorm moves and every note goes along, still inside.
    await facilitator.getByRole('tab', { name: 'Werkvormen', exact: true }).click()
    await facilitator.getByRole('button', { name: `Werkvorm losmaken: ${TEMPLATE_NAME}` }).click()
    await facilitator
      .getByRole('button', { name: `Werkvorm vastzetten: ${TEMPLATE_NAME}` })
      .waitFor()
    expect(await resizable()).toBe(true)
    await facilitator.keyboard.press('Escape')
    await facilitator.mouse.move(title.x, title.y - 10)
    await facilitator.mouse.down()
    await facilitator.mouse.move(title.x + 120, title.y + 70, { steps: 8 })
    await facilitator.mouse.up()
    const moved = (await boundsOf(facilitator, FRAME))!
    const dx = moved.x - frame.x
    const dy = moved.y - frame.y
    expect(Math.abs(dx)).toBeGreaterThan(50)
    const after = await notesInFrame(facilitator)
    expect(after.map((n) => n.id)).toEqual(before.map((n) => n.id))
    for (const [i, note] of after.entries()) {
      expect(note.x - before[i]!.x).toBeCloseTo(dx, 3)
      expect(note.y - before[i]!.y).toBeCloseTo(dy, 3)
    }
    await expect.poll(async () => (await notesInFrame(bram)).length).toBe(before.length)
    await screenshot(facilitator, 'werkvormen-unlocked-moved')
  })

  it('adds a second werkvorm to the right of what is already on the board', async () => {
    await anna.getByRole('tab', { name: 'Werkvormen', exact: true }).click()
    const before = await anna.evaluate(() => window.__stip!.editor.getCurrentPageBounds()!.maxX)
    await anna.getByRole('button', { name: 'Toevoegen aan het bord: Drie rode draden' }).click()
    await anna
      .getByRole('status')
      .filter({ hasText: 'Drie rode draden staat nu op het bord.' })
      .waitFor()
    const added = await anna.evaluate(() => {
      const editor = window.__stip!.editor
      const frame = editor
        .getCurrentPageShapes()
        .find((s) => s.type === 'frame' && s.meta.stipTemplate === 'rode-draden')!
      return { id: frame.id, x: frame.x }
    })
    expect(added.x).toBeGreaterThan(before)
    await expect.poll(() => boundsOf(facilitator, added.id)).not.toBeNull()
    await facilitator
      .getByRole('button', { name: 'Werkvorm vastzetten: Drie rode draden' })
      .waitFor()
    await fitAll(anna)
    await screenshot(anna, 'werkvormen-second-template')

    // The panel's downloads: fetched with the token in a header, then saved as a file.
    const [csv] = await Promise.all([
      anna.waitForEvent('download'),
      anna.getByRole('button', { name: 'Verslag (CSV, voor Excel)' }).click(),
    ])
    expect(csv.suggestedFilename()).toMatch(/^verslag-.*\.csv$/)
    expect(
      readFileSync(await csv.path())
        .toString('utf8')
        .split('\r\n')[0],
    ).toBe('\uFEFFwerkvorm;onderdeel;organisatie;auteur;tekst;stand_procent')
    // While the server makes the PDF the panel says so; held back here so it can be seen.
    await anna.route('**/report.pdf*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500))
      await route.continue()
    })
    const [pdf] = await Promise.all([
      anna.waitForEvent('download'),
      (async () => {
        await anna.getByRole('button', { name: 'Verslag (PDF)' }).click()
        const busy = anna.getByRole('status').filter({ hasText: 'Verslag (PDF) wordt gemaakt…' })
        await busy.waitFor()
        await busy.scrollIntoViewIfNeeded()
        expect(
          await anna.getByRole('button', { name: 'Verslag (PDF)' }).getAttribute('aria-busy'),
        ).toBe('true')
        await screenshot(anna, 'werkvormen-report-busy')
      })(),
    ])
    expect(readFileSync(await pdf.path()).toString('latin1', 0, 5)).toBe('%PDF-')
    // A download that fails says so, in Dutch.
    await anna.route('**/report.docx*', (route) => route.abort('connectionfailed'))
    await anna.getByRole('button', { name: 'Verslag (Word)' }).click()
    await anna
      .getByRole('status')
      .filter({ hasText: 'Verslag (Word): het downloaden is mislukt.' })
      .scrollIntoViewIfNeeded()
    await screenshot(anna, 'werkvormen-report-failed')
    await anna.unrouteAll()
  })

  it('has no WCAG 2.1 AA violations in the Werkvormen panel and adds a werkvorm by keyboard', async () => {
    expect(await axeViolations(facilitator)).toEqual([])
    expect(await axeViolations(anna)).toEqual([])
    const tab = facilitator.getByRole('tab', { name: 'Werkvormen', exact: true })
    await tab.focus()
    const target = 'Toevoegen aan het bord: Rondetafel'
    for (let i = 0; i < 40; i++) {
      await facilitator.keyboard.press('Tab')
      const label = await facilitator.evaluate(() => {
        const active = document.activeElement as HTMLElement
        const style = getComputedStyle(active)
        return {
          name: active.getAttribute('aria-label') ?? active.textContent ?? '',
          focusVisible: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
        }
      })
      expect(label.focusVisible).toBe(true)
      if (label.name === target) break
    }
    await facilitator.keyboard.press('Enter')
    await expect
      .poll(() =>
        facilitator.evaluate(() =>
          window
            .__stip!.editor.getCurrentPageShapes()
            .some((s) => s.meta.stipTemplate === 'rondetafel'),
        ),
      )
      .toBe(true)
  })

  it('draws every werkvorm as a facilitator would (one screenshot each)', async () => {
    for (const template of TEMPLATE_IDS) {
      const page = await newPage(1600, 1000)
      const response = await fetch(`${url()}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: `Werkvorm ${template}`,
          template,
          organisations: [{ name: 'Gemeente' }, { name: 'GGD' }, { name: 'Woningcorporatie' }],
        }),
      })
      const board = (await response.json()) as { links: Links }
      await joinChoosingOrganisation(page, board.links.editor, {
        name: 'Fleur',
        organisation: 'Gemeente',
      })
      await page.getByRole('button', { name: 'Panelen verbergen' }).click()
      await fitAll(page)
      const count = await page.evaluate(
        () =>
          window.__stip!.editor.getCurrentPageShapes().filter((s) => s.meta.stipTemplate).length,
      )
      expect(count).toBeGreaterThan(5)
      await screenshot(page, `werkvorm-${template}`)
      await page.context().close()
    }
  })

  it('lets a participant drag their organisation’s marker along a vijf-knoppen dial, and the report reads its position', async () => {
    const response = await fetch(`${url()}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Knoppen',
        template: 'vijf-knoppen',
        organisations: [{ name: 'Gemeente' }, { name: 'GGD' }],
      }),
    })
    const board = (await response.json()) as { id: string; links: Links }
    const page = await newPage(1440, 900)
    await joinChoosingOrganisation(page, board.links.editor, { name: 'Gijs', organisation: 'GGD' })
    const marker = 'shape:tpl-vijf-knoppen-start-marker-visie-ggd'
    const scale = (await boundsOf(page, 'shape:tpl-vijf-knoppen-start-scale-visie'))!
    await page.evaluate((box) => {
      window.__stip!.editor.zoomToBounds(box, { animation: { duration: 0 }, inset: 200 })
    }, scale)
    await page.waitForTimeout(200)
    const start = (await boundsOf(page, marker))!
    const from = await screenPoint(page, { x: start.x + start.w / 2, y: start.y + start.h / 2 })
    const to = await screenPoint(page, {
      x: scale.x + scale.w * 0.8,
      y: start.y + start.h / 2,
    })
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    await page.mouse.move(to.x, to.y, { steps: 10 })
    await page.mouse.up()
    await expect
      .poll(async () => {
        const report = await fetchReport(url(), board.id, tokenOf(board.links.viewer))
        return /### Visie voor lange en korte termijn[\s\S]*?- GGD: (\d+) %/.exec(report)?.[1]
      })
      .toMatch(/^(7[8-9]|8[0-2])$/)
    await screenshot(page, 'werkvorm-vijf-knoppen-dragged')
  })
})
