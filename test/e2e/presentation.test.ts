import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { waitForStatus } from './helpers/board-page'
import { useBrowserSession } from './helpers/browser-session'
import { joinChoosingOrganisation as joinBoard } from './helpers/start-form'
import { axeViolations, createBoardWithOrganisations, openPanel } from './session/session-helpers'

const SHOTS = '/work/shots/board-present'
const DESKTOP = { width: 1440, height: 900 }
const PHONE = { width: 390, height: 844 }

type Camera = { x: number; y: number; z: number }

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}/${name}.png` })
}

function cameraOf(page: Page): Promise<Camera> {
  return page.evaluate(() => {
    const { x, y, z } = window.__stip!.editor.getCamera()
    return { x, y, z }
  })
}

/** The presentation the facilitator wrote, as this page's doc holds it. */
function presentationOf(page: Page) {
  return page.evaluate(
    () =>
      window.__stip!.doc.getMap('facilitator').get('presentation') as
        | { active: boolean; frameIds: string[]; index: number }
        | undefined,
  )
}

/** Waits until this page's camera has settled with the werkvorm fitted and centred. */
function waitUntilShowing(page: Page, frameId: string) {
  return page.waitForFunction(
    (id) => {
      const editor = window.__stip?.editor
      const frame = editor?.getShapePageBounds(id as never)
      if (!editor || !frame) return false
      const view = editor.getViewportPageBounds()
      const centred = Math.hypot(view.center.x - frame.center.x, view.center.y - frame.center.y) < 2
      return centred && view.contains(frame)
    },
    frameId,
    { timeout: 8000 },
  )
}

function waitForCamera(page: Page, camera: Camera) {
  return page.waitForFunction(
    (c) => {
      const now = window.__stip?.editor.getCamera()
      return now ? Math.hypot(now.x - c.x, now.y - c.y) < 1 && Math.abs(now.z - c.z) < 0.001 : false
    },
    camera,
    { timeout: 8000 },
  )
}

async function addWerkvorm(page: Page, name: string): Promise<void> {
  await openPanel(page, 'Werkvormen')
  await page.getByRole('button', { name: `Toevoegen aan het bord: ${name}` }).click()
  await page
    .getByRole('status')
    .filter({ hasText: `${name} staat nu op het bord.` })
    .waitFor()
}

describe('presentation mode: the begeleider steps everyone through the werkvormen', () => {
  const session = useBrowserSession()
  let facilitator: Page
  let anna: Page
  let bram: Page
  const earlier = new Map<Page, Camera>()
  let frameIds: string[] = []

  it('moves both participants’ cameras to the first werkvorm when the begeleider starts', async () => {
    const board = await createBoardWithOrganisations(
      session.server.server.url,
      'Presentatiebord',
      'ambities-2040',
    )
    facilitator = await (await session.newContext()).newPage()
    anna = await (await session.newContext()).newPage()
    bram = await (await session.newContext()).newPage()
    for (const page of [facilitator, anna, bram]) await page.setViewportSize(DESKTOP)
    // Bram asked his system for less motion: his camera jumps instead of gliding.
    await bram.emulateMedia({ reducedMotion: 'reduce' })
    await joinBoard(facilitator, board.links.facilitator, {
      name: 'Fenna Facilitator',
      organisation: 'Gemeente',
    })
    await joinBoard(anna, board.links.editor, { name: 'Anna de Vries', organisation: 'GGD' })
    await joinBoard(bram, board.links.editor, {
      name: 'Bram Jansen',
      organisation: 'Woningcorporatie',
    })
    await Promise.all([facilitator, anna, bram].map((page) => waitForStatus(page, 'connected')))
    await addWerkvorm(facilitator, 'Drie rode draden')
    await addWerkvorm(facilitator, 'Dit ga ik doen')

    // Everyone is somewhere of their own before the presentation starts.
    const views: [Page, Camera][] = [
      [facilitator, { x: 300, y: 200, z: 0.8 }],
      [anna, { x: -2400, y: -1700, z: 1 }],
      [bram, { x: 900, y: 3100, z: 0.5 }],
    ]
    for (const [page, camera] of views) {
      await page.evaluate((c) => {
        window.__stip!.editor.setCamera(c)
      }, camera)
      earlier.set(page, await cameraOf(page))
    }

    await openPanel(facilitator, 'Sessie')
    // The agenda names one werkvorm: it is presented first, and starting makes its step current.
    await facilitator.getByLabel('Nieuwe stap').fill('Welkom')
    await facilitator.getByRole('button', { name: 'Stap toevoegen' }).click()
    await facilitator.getByLabel('Nieuwe stap').fill('Rode draden zoeken')
    await facilitator.getByLabel('Werkvorm (optioneel)').selectOption({ label: 'Drie rode draden' })
    await facilitator.getByRole('button', { name: 'Stap toevoegen' }).click()
    await anna.locator('.session-step', { hasText: 'Nu: Welkom' }).waitFor()
    await facilitator.getByText('Werkvormen op het bord: 3').waitFor()
    await facilitator.getByRole('button', { name: 'Start presentatie' }).click()
    await anna.locator('.presentation-bar', { hasText: 'De begeleider presenteert' }).waitFor()
    const presentation = await presentationOf(anna)
    expect(presentation?.active).toBe(true)
    expect(presentation?.index).toBe(0)
    frameIds = presentation?.frameIds ?? []
    expect(frameIds).toHaveLength(3)
    await Promise.all([anna, bram, facilitator].map((page) => waitUntilShowing(page, frameIds[0]!)))
    expect(await facilitator.locator('.presentation-bar').textContent()).toContain(
      '1 / 3 · Drie rode draden',
    )
    await anna.locator('.session-step', { hasText: 'Nu: Rode draden zoeken' }).waitFor()
    expect(await axeViolations(facilitator)).toEqual([])
    await shot(facilitator, 'presentation-facilitator-desktop')
  })

  it('moves everyone to the next werkvorm when the begeleider presses →', async () => {
    // A click on the canvas gives it the focus (and may select the frame the arrow then must not nudge).
    const frameBefore = await facilitator.evaluate(
      (id) => window.__stip!.editor.getShapePageBounds(id as never)?.x,
      frameIds[0]!,
    )
    await facilitator.mouse.click(720, 600)
    await facilitator.keyboard.press('ArrowRight')
    await Promise.all([anna, bram, facilitator].map((page) => waitUntilShowing(page, frameIds[1]!)))
    expect((await presentationOf(anna))?.index).toBe(1)
    expect(
      await facilitator.evaluate(
        (id) => window.__stip!.editor.getShapePageBounds(id as never)?.x,
        frameIds[0]!,
      ),
    ).toBe(frameBefore)
    expect(await anna.locator('.presentation-bar').textContent()).toContain('2 / 3 · Ambities 2040')
    await shot(anna, 'presentation-participant-desktop')
  })

  it('keys typed in a panel stay in the panel', async () => {
    const field = facilitator.getByLabel('Nieuwe stap')
    await field.fill('Welkom')
    await field.press('ArrowLeft')
    await field.press('PageUp')
    await facilitator.waitForTimeout(300)
    expect((await presentationOf(facilitator))?.index).toBe(1)
    await field.fill('')
  })

  it('leaves a participant who looks around alone where they are on the next step', async () => {
    await bram.getByRole('button', { name: 'Zelf rondkijken' }).click()
    await bram.getByRole('button', { name: 'Weer volgen' }).waitFor()
    await bram.evaluate(() => {
      window.__stip!.editor.setCamera({ x: 50, y: 60, z: 1 })
    })
    const own = await cameraOf(bram)
    await facilitator
      .locator('.presentation-bar')
      .getByRole('button', { name: /Volgende/ })
      .click()
    await Promise.all([anna, facilitator].map((page) => waitUntilShowing(page, frameIds[2]!)))
    await bram.locator('.presentation-bar', { hasText: '3 / 3' }).waitFor()
    expect(await cameraOf(bram)).toEqual(own)
    expect(
      await facilitator
        .locator('.presentation-bar')
        .getByRole('button', { name: /Volgende/ })
        .isDisabled(),
    ).toBe(true)
    await shot(bram, 'presentation-looking-around-desktop')

    await anna.setViewportSize(PHONE)
    await shot(anna, 'presentation-participant-phone')
    await facilitator.setViewportSize(PHONE)
    await shot(facilitator, 'presentation-facilitator-phone')
    await anna.setViewportSize(DESKTOP)
    await facilitator.setViewportSize(DESKTOP)
  })

  it('returns each person to their own earlier view when the begeleider stops', async () => {
    await facilitator.getByRole('button', { name: 'Stoppen', exact: true }).click()
    await Promise.all(
      [facilitator, anna, bram].map((page) => waitForCamera(page, earlier.get(page)!)),
    )
    for (const page of [facilitator, anna, bram]) {
      await page.locator('.presentation-bar').waitFor({ state: 'detached' })
    }
    expect((await presentationOf(anna))?.active).toBe(false)
    await facilitator.getByRole('button', { name: 'Start presentatie' }).waitFor()
  })
})
