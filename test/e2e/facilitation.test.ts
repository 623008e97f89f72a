import type { Page } from 'playwright-core'
import { describe, expect, it, vi } from 'vitest'
import { noteColourFor } from '../../client/src/notes/note-color'
import { addNoteViaUi, waitForStatus } from './helpers/board-page'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'
import { joinChoosingOrganisation as joinBoard } from './helpers/start-form'
import {
  axeViolations,
  createBoardWithOrganisations,
  notesOf,
  ORGANISATIONS,
  openPanel,
  tabTo,
  viewportCentre,
  waitForNotes,
} from './session/session-helpers'

const colourOf = (name: string) =>
  noteColourFor(ORGANISATIONS.find((org) => org.name === name)?.color ?? '')

/** The remaining time the page's timer shows, in ms (null when no timer is shown). */
async function shownRemainingMs(page: Page): Promise<number | null> {
  const timer = page.locator('.session-overlay [role="timer"]')
  if ((await timer.count()) === 0) return null
  return Number(await timer.getAttribute('data-remaining-ms'))
}

describe('facilitating a session: notes with authors, timer, view, silent round, who is heard', () => {
  const session = useBrowserSession()
  let facilitator: Page
  let anna: Page
  let bram: Page

  it('stamps a new note with its author and organisation, in the organisation’s colour', async () => {
    const board = await createBoardWithOrganisations(session.server.server.url, 'Sessiebord')
    facilitator = await (await session.newContext()).newPage()
    anna = await (await session.newContext()).newPage()
    bram = await (await session.newContext()).newPage()
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

    await addNoteViaUi(anna, 'Gelijkwaardigheid', { x: 300, y: 300 })
    await addNoteViaUi(bram, 'Thuis in de wijk', { x: 300, y: 550 })
    // Bram's page received Anna's note as a remote change: it keeps Anna's authorship.
    const seenByBram = await waitForNotes(bram, (notes) =>
      notes.some((note) => note.text === 'Gelijkwaardigheid'),
    )
    const annasNote = seenByBram.find((note) => note.text === 'Gelijkwaardigheid')
    expect(annasNote?.meta).toMatchObject({ authorName: 'Anna de Vries', organisation: 'GGD' })
    expect(typeof annasNote?.meta.authorId).toBe('string')
    expect(annasNote?.color).toBe(colourOf('GGD'))
    const bramsNote = seenByBram.find((note) => note.text === 'Thuis in de wijk')
    expect(bramsNote?.meta).toMatchObject({ organisation: 'Woningcorporatie' })
    expect(bramsNote?.color).toBe(colourOf('Woningcorporatie'))
    expect(colourOf('GGD')).not.toBe(colourOf('Woningcorporatie'))
    // The fill is tldraw's nearest named colour; a strip on top has the organisation's own.
    const strip = bram.locator(`[data-shape-id="${annasNote?.id}"] .stip-organisation-strip`)
    expect(await strip.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(21, 128, 61)',
    )
    await screenshot(bram, 'facilitation-notes-in-organisation-colours')
  })

  it('shows the timer the facilitator starts on both participants’ pages, counting down', async () => {
    expect(await shownRemainingMs(anna)).toBeNull()
    await openPanel(facilitator, 'Sessie')
    await facilitator.getByRole('button', { name: '5 min', exact: true }).click()
    for (const page of [anna, bram]) {
      await page.locator('.session-overlay [role="timer"]').waitFor({ timeout: 5000 })
    }
    const first = await shownRemainingMs(anna)
    expect(first).toBeGreaterThan(290_000)
    expect(first).toBeLessThanOrEqual(300_000)
    await anna.waitForTimeout(1500)
    const later = await shownRemainingMs(anna)
    expect(later).toBeLessThan(first ?? 0)
    expect(Math.abs((later ?? 0) - ((await shownRemainingMs(bram)) ?? 0))).toBeLessThan(2000)
    expect(await bram.locator('.session-overlay .timer-digits').textContent()).toMatch(/^4:5\d$/)
    await screenshot(anna, 'facilitation-timer-seen-by-participant')

    await facilitator.getByRole('button', { name: 'Pauzeer' }).click()
    await bram.locator('.session-overlay', { hasText: 'gepauzeerd' }).waitFor()
    const paused = await shownRemainingMs(bram)
    await bram.waitForTimeout(600)
    expect(await shownRemainingMs(bram)).toBe(paused)
    await facilitator.getByRole('button', { name: 'Hervat' }).click()
    await bram.locator('.session-overlay [role="timer"][data-running="true"]').waitFor()
    // A participant sees the timer but no controls for it.
    await openPanel(anna, 'Sessie')
    await anna.getByText('Alleen de begeleider bedient de timer.').waitFor()
    expect(await anna.getByRole('button', { name: 'Pauzeer' }).count()).toBe(0)
    await screenshot(facilitator, 'facilitation-session-panel-facilitator')
  })

  it('brings the participant’s camera to the facilitator’s view with "iedereen naar mij"', async () => {
    await facilitator.evaluate(() => {
      window.__stip?.editor.setCamera({ x: -2400, y: -1700, z: 1 })
    })
    const target = await viewportCentre(facilitator)
    const before = await viewportCentre(anna)
    expect(Math.hypot(before.x - target.x, before.y - target.y)).toBeGreaterThan(1000)
    await facilitator.getByRole('button', { name: 'Iedereen naar mij' }).click()
    await anna.waitForFunction(
      (t) => {
        const c = window.__stip?.editor.getViewportPageBounds().center
        return c ? Math.hypot(c.x - t.x, c.y - t.y) < 5 : false
      },
      target,
      { timeout: 5000 },
    )
    await anna.locator('.session-banner', { hasText: 'Fenna Facilitator bracht' }).waitFor()
    await screenshot(anna, 'facilitation-summoned')
  })

  it('lets a participant follow the facilitator’s view', async () => {
    await anna.locator('.side-panel').getByRole('button', { name: 'Volg de begeleider' }).click()
    await anna.locator('.side-panel').getByRole('button', { name: 'Stop met volgen' }).waitFor()
    await facilitator.evaluate(() => {
      window.__stip?.editor.setCamera({ x: 600, y: 400, z: 1 })
    })
    const target = await viewportCentre(facilitator)
    await anna.waitForFunction(
      (t) => {
        const c = window.__stip?.editor.getViewportPageBounds().center
        return c ? Math.hypot(c.x - t.x, c.y - t.y) < 50 : false
      },
      target,
      { timeout: 8000 },
    )
    await anna.locator('.side-panel').getByRole('button', { name: 'Stop met volgen' }).click()
    await anna.locator('.side-panel').getByRole('button', { name: 'Volg de begeleider' }).waitFor()
  })

  it('keeps a note written in a silent round with the server and its author until the reveal', async () => {
    await facilitator.getByRole('button', { name: 'Start stille ronde' }).click()
    const banner = bram.locator('.session-banner', { hasText: 'Stille ronde' })
    await banner.waitFor()
    expect(await banner.textContent()).toContain('niemand anders kan ze lezen')
    await bram.evaluate(() => {
      window.__stip?.editor.setCamera({ x: 0, y: 0, z: 1 })
    })
    const kept: string[] = []
    bram.on('response', (response) => {
      if (response.request().method() === 'PUT' && response.status() === 204) {
        kept.push(response.url())
      }
    })
    await addNoteViaUi(bram, 'Stil idee van Bram', { x: 650, y: 420 })
    const own = await waitForNotes(bram, (notes) => notes.some((n) => n.text.includes('Stil idee')))
    const secret = own.find((note) => note.text.includes('Stil idee'))
    expect(secret?.hidden).toBe(false)
    expect(typeof secret?.meta.silentRoundId).toBe('string')
    // The server keeps the note (its text typed in after creation included) for Bram alone.
    await vi.waitFor(
      () =>
        expect(
          kept.some((url) => decodeURIComponent(url).endsWith(`/silent-round/notes/${secret?.id}`)),
        ).toBe(true),
      { timeout: 10_000, interval: 100 },
    )
    // Nobody else's copy of the board holds it, in their store or their raw document.
    await facilitator.getByText('Jouw notities in deze ronde: 0').waitFor()
    for (const page of [anna, facilitator]) {
      const seen = await page.evaluate(
        (id) => ({
          inStore: Boolean(window.__stip?.editor.getShape(id as never)),
          inDoc: JSON.stringify(window.__stip?.doc.toJSON()).includes('Stil idee'),
        }),
        secret?.id ?? '',
      )
      expect(seen).toEqual({ inStore: false, inDoc: false })
    }
    // Bram reloads: his note comes back from the server, still out of the shared board.
    await bram.reload()
    await waitForStatus(bram, 'connected')
    await waitForNotes(bram, (notes) => notes.some((n) => n.id === secret?.id && !n.hidden))
    await bram.locator('.session-banner', { hasText: 'Stille ronde' }).waitFor()
    expect(
      await bram.evaluate(() => JSON.stringify(window.__stip?.doc.toJSON()).includes('Stil idee')),
    ).toBe(false)
    await facilitator
      .locator('.session-notice', { hasText: 'Stille ronde' })
      .waitFor({ timeout: 3000 })
    await screenshot(facilitator, 'facilitation-silent-round-facilitator')
    await screenshot(bram, 'facilitation-silent-round-author')
    await bram.setViewportSize({ width: 390, height: 844 })
    await screenshot(bram, 'facilitation-silent-round-phone')
    await bram.setViewportSize({ width: 1280, height: 800 })

    // Bram changes his note and the begeleider reveals at once, before Bram's change reached
    // the server (it is sent 400 ms after the last keystroke): the reveal brings the older
    // copy, and Bram's newer text must still win on every screen (the soak lost it once).
    await bram.evaluate((id) => {
      window.__stip?.editor.updateShape({
        id: id as never,
        type: 'note',
        props: {
          richText: {
            type: 'doc',
            content: [
              { type: 'paragraph', content: [{ type: 'text', text: 'Stil idee van Bram, af' }] },
            ],
          },
        },
      })
    }, secret?.id ?? '')
    await facilitator.getByRole('button', { name: 'Onthul alle notities' }).click()
    for (const page of [anna, facilitator, bram]) {
      await waitForNotes(page, (notes) =>
        notes.some((n) => n.id === secret?.id && n.text.includes('Bram, af') && !n.hidden),
      )
    }
    await bram
      .locator('.session-banner', { hasText: 'Stille ronde' })
      .waitFor({ state: 'detached' })
    const atBram = await waitForNotes(bram, (notes) => notes.some((n) => n.id === secret?.id))
    expect(atBram.filter((n) => n.text.includes('Stil idee'))).toHaveLength(1)
    await vi.waitFor(
      async () =>
        expect(
          await anna.evaluate(() =>
            JSON.stringify(window.__stip?.doc.toJSON()).includes('Bram, af'),
          ),
        ).toBe(true),
      { timeout: 10_000, interval: 100 },
    )
  })

  it('keeps an agenda: the current step shows to everyone and moves on when advanced', async () => {
    await facilitator.getByLabel('Nieuwe stap').fill('Hartenkreet')
    await facilitator.getByRole('button', { name: 'Stap toevoegen' }).click()
    await facilitator.getByLabel('Nieuwe stap').fill('Waarden delen')
    await facilitator.getByLabel('Minuten (optioneel)').fill('20')
    await facilitator.getByLabel('Werkvorm (optioneel)').selectOption({ label: 'Gedeelde waarden' })
    await facilitator.getByRole('button', { name: 'Stap toevoegen' }).click()
    await anna.locator('.session-step', { hasText: 'Nu: Hartenkreet' }).waitFor()
    await facilitator.getByRole('button', { name: 'Volgende stap' }).click()
    await anna.locator('.session-step', { hasText: 'Nu: Waarden delen' }).waitFor()
    const current = anna.locator('.agenda-step[aria-current="step"]')
    expect(await current.textContent()).toContain('Waarden delen · 20 min · Gedeelde waarden')
    await screenshot(anna, 'facilitation-session-panel-participant')
  })

  it('has no WCAG 2.1 AA violations in the Sessie panel and the overlay, and works by keyboard', async () => {
    expect(await axeViolations(facilitator)).toEqual([])
    expect(await axeViolations(anna)).toEqual([])
    await facilitator.getByRole('button', { name: 'Terugzetten' }).click()
    await facilitator.getByRole('tab', { name: 'Sessie', exact: true }).focus()
    await tabTo(facilitator, '10 min')
    await facilitator.keyboard.press('Enter')
    await anna.waitForFunction(() => {
      const timer = document.querySelector('.session-overlay [role="timer"]')
      return Number(timer?.getAttribute('data-remaining-ms')) > 590_000
    })
  })

  it('shows who is heard, flagging the organisation that added nothing, and filters by organisation', async () => {
    await openPanel(bram, 'Deelnemers')
    const summary = bram.locator('.heard-summary')
    await summary.waitFor()
    // Gemeente (the facilitator) is present but wrote nothing yet, Politie is not here at all.
    expect(await summary.getAttribute('data-silent')).toBe('Gemeente|Politie')
    await addNoteViaUi(facilitator, 'Samen sterker', { x: 500, y: 650 })
    await bram.locator('.heard-summary[data-silent="Politie"]').waitFor()
    expect(await summary.textContent()).toContain('Nog niet gehoord: Politie')
    const politie = bram.locator('.heard-table').first().locator('tr[data-organisation="Politie"]')
    expect(await politie.textContent()).toContain('nog niets')
    const ggd = bram.locator('.heard-table').first().locator('tr[data-organisation="GGD"]')
    expect(await ggd.locator('td').first().textContent()).toBe('1')
    expect(await axeViolations(bram)).toEqual([])
    await screenshot(bram, 'facilitation-participants-panel')
    await bram.locator('.heard-table').first().scrollIntoViewIfNeeded()
    await screenshot(bram, 'facilitation-who-is-heard')

    // By keyboard: from the tab into the panel, to the filter button.
    await bram.getByRole('tab', { name: 'Deelnemers', exact: true }).focus()
    await tabTo(bram, 'Alleen GGD')
    await bram.keyboard.press('Enter')
    expect(
      await bram.getByRole('button', { name: 'Alleen GGD' }).getAttribute('aria-pressed'),
    ).toBe('true')
    const filtered = await waitForNotes(bram, (notes) =>
      notes.some((n) => n.text === 'Samen sterker' && n.hidden),
    )
    expect(filtered.find((n) => n.text === 'Gelijkwaardigheid')?.hidden).toBe(false)
    expect(filtered.find((n) => n.text === 'Thuis in de wijk')?.hidden).toBe(true)
    await screenshot(bram, 'facilitation-filtered-to-ggd')
    await bram.getByRole('button', { name: 'Toon alle organisaties' }).click()
    // Highlight selects that organisation's notes and brings them into view.
    await bram.getByRole('button', { name: 'Markeer Woningcorporatie' }).click()
    const selected = await bram.evaluate(() => window.__stip?.editor.getSelectedShapeIds() ?? [])
    const bramsNotes = (await notesOf(bram)).filter(
      (note) => note.meta.organisation === 'Woningcorporatie',
    )
    expect([...selected].sort()).toEqual(bramsNotes.map((note) => note.id).sort())
    await waitForNotes(bram, (notes) => notes.every((n) => !n.hidden))
    expect(await axeViolations(bram)).toEqual([])
  })

  it('refuses a participant’s change to the timer: it never reaches the others', async () => {
    const before = await facilitator.evaluate(() =>
      JSON.stringify(window.__stip?.doc.getMap('facilitator').get('timer')),
    )
    await bram.evaluate(() => {
      window.__stip?.doc.getMap('facilitator').set('timer', {
        durationMs: 60_000,
        endsAt: Date.now() + 60_000,
        remainingMs: 60_000,
        running: true,
      })
    })
    await facilitator.waitForTimeout(1500)
    for (const page of [facilitator, anna]) {
      const timer = await page.evaluate(() =>
        JSON.stringify(window.__stip?.doc.getMap('facilitator').get('timer')),
      )
      expect(timer).toBe(before)
      expect(await shownRemainingMs(page)).toBeGreaterThan(60_000)
    }
    expect((await notesOf(anna)).length).toBeGreaterThan(0)
  })

  it('counts who is heard per section of a werkvorm, also in sections nobody wrote in', async () => {
    const board = await createBoardWithOrganisations(
      session.server.server.url,
      'Waardenbord',
      'gedeelde-waarden',
    )
    const carla = await (await session.newContext()).newPage()
    await joinBoard(carla, board.links.editor, { name: 'Carla', organisation: 'GGD' })
    await waitForStatus(carla, 'connected')
    const lane = await carla.evaluate(() => {
      const editor = window.__stip?.editor
      const shape = editor
        ?.getCurrentPageShapes()
        .find((candidate) => (candidate.meta as { stipPart?: string }).stipPart === 'lane')
      const bounds = shape && editor?.getShapePageBounds(shape)
      if (!editor || !shape || !bounds) return null
      editor.zoomToBounds(bounds, { inset: 40 })
      const centre = editor.pageToScreen(bounds.center)
      const label = (shape.meta as { stipSectionLabel?: { nl: string } }).stipSectionLabel
      return { x: centre.x, y: centre.y, label: label?.nl ?? '' }
    })
    expect(lane?.label).toBeTruthy()
    await addNoteViaUi(carla, 'Respect voor elkaar', { x: lane?.x ?? 0, y: lane?.y ?? 0 })
    await openPanel(carla, 'Deelnemers')
    const section = carla.locator(`.heard-section[data-section="${lane?.label}"]`)
    await section.filter({ hasText: 'GGD: 1 notitie, 0 stippen' }).waitFor()
    expect(await section.getAttribute('data-silent')).toBe('Gemeente|Woningcorporatie|Politie')
    // Every section of the werkvorm is listed, the empty ones too, each naming who is silent.
    const sections = carla.locator('.heard-section')
    expect(await sections.count()).toBeGreaterThan(2)
    const silentGgd = carla.locator('.heard-section[data-silent*="GGD"]')
    expect(await silentGgd.count()).toBe((await sections.count()) - 1)
    expect(await axeViolations(carla)).toEqual([])
    await section.scrollIntoViewIfNeeded()
    await screenshot(carla, 'facilitation-who-is-heard-per-section')
  })
})
