import { copyFileSync, mkdirSync } from 'node:fs'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useCleanup } from '../integration/helpers/cleanup'
import { connectClient } from '../integration/helpers/clients'
import { manifestoHashOf } from '../integration/helpers/manifesto'
import { axeViolations } from './helpers/axe'
import { waitForStatus } from './helpers/board-page'
import { newPhoneContext } from './helpers/browser'
import { useBrowserSession } from './helpers/browser-session'
import { openManifesto, tokenOf } from './helpers/manifesto-page'
import { screenshot } from './helpers/screenshots'

const SHOTS = '/work/shots/commit/'

/** A screenshot kept with the test results and in the helper's shots folder for review. */
async function shot(page: Page, name: string) {
  const path = await screenshot(page, `commit-${name}`)
  mkdirSync(SHOTS, { recursive: true })
  copyFileSync(path, `${SHOTS}${name}.png`)
}

/** Writes a note in one section (lane) of a werkvorm, as a participant's own note. */
async function writeNote(page: Page, template: string, section: string, text: string, slot = 0) {
  await page.evaluate(
    ({ template, section, text, slot }) => {
      const editor = window.__stip!.editor
      const lane = editor.getCurrentPageShapes().find((shape) => {
        const meta = shape.meta as Record<string, unknown>
        return (
          meta.stipPart === 'lane' && meta.stipTemplate === template && meta.stipSection === section
        )
      })
      if (!lane) throw new Error(`no lane ${template}/${section}`)
      const box = editor.getShapePageBounds(lane)!
      editor.createShape({
        type: 'note',
        x: box.x + 40 + slot * 230,
        y: box.y + box.h - 300,
        props: {
          richText: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
          },
        },
      })
    },
    { template, section, text, slot },
  )
}

async function closeShareWelcome(page: Page) {
  const share = page.getByRole('dialog', { name: 'Bord delen' })
  if (await share.isVisible()) await page.keyboard.press('Escape')
}

/**
 * Waits for the canvas with room for a shared machine under load (the common helper allows
 * 20 s; with three browsers and a phone at load 30 the board sometimes needs more).
 */
async function waitForCanvas(page: Page) {
  await page.waitForFunction(() => Boolean(window.__stip?.editor), undefined, { timeout: 60_000 })
  await page.locator('.tl-canvas').waitFor({ timeout: 60_000 })
  await waitForStatus(page, 'connected', 60_000)
}

/** Joins a board that has organisations, choosing one from the list. */
async function join(page: Page, link: string, name: string, organisation: string) {
  await page.goto(link)
  await page.getByLabel('Je naam').fill(name)
  await page.getByLabel('Organisatie').selectOption({ label: organisation })
  await page.getByRole('button', { name: 'Naar het bord' }).click()
  await waitForCanvas(page)
}

/** Opens a board link in a browser that already knows who you are. */
async function openRemembered(page: Page, link: string) {
  await page.goto(link)
  await waitForCanvas(page)
}

async function openProgress(page: Page) {
  await page.getByRole('tab', { name: 'Voortgang', exact: true }).click()
  await page.getByRole('heading', { name: 'Afspraken per organisatie' }).waitFor()
}

/** The commitment of `text` in the Voortgang tab. */
const commitmentItem = (page: Page, text: string) =>
  page.locator('.commitment-item', { hasText: text })

/** The page point at the middle of the visible canvas. */
function viewportCentre(page: Page) {
  return page.evaluate(() => {
    const editor = window.__stip!.editor
    const bounds = editor.getViewportPageBounds()
    return { x: bounds.x + bounds.w / 2, y: bounds.y + bounds.h / 2 }
  })
}

function laneBounds(page: Page, section: string) {
  return page.evaluate((section) => {
    const editor = window.__stip!.editor
    const lane = editor
      .getCurrentPageShapes()
      .find((shape) => (shape.meta as Record<string, unknown>).stipSection === section)!
    const box = editor.getShapePageBounds(lane)!
    return { x: box.x, y: box.y, maxX: box.maxX, maxY: box.maxY }
  }, section)
}

describe('commitments and the vervolgsessie, with two organisations', () => {
  const session = useBrowserSession()
  const cleanup = useCleanup()

  it('turns "Dit ga ik doen" notes into commitments each organisation updates, then carries the open ones, the ambitions and the manifesto into a vervolgsessie that opens on the last ABCD step', async () => {
    const url = session.server.server.url
    const created = await fetch(`${url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Samen naar 2040',
        template: 'ambities-2040',
        organisations: [{ name: 'Gemeente' }, { name: 'GGD' }],
      }),
    })
    const board = (await created.json()) as { id: string; links: Record<string, string> }

    const facilitator = await (await session.newContext()).newPage()
    await join(facilitator, board.links.facilitator!, 'Fenna', 'Gemeente')
    await closeShareWelcome(facilitator)
    await facilitator.getByRole('tab', { name: 'Werkvormen', exact: true }).click()
    await facilitator
      .getByRole('button', { name: 'Toevoegen aan het bord: Dit ga ik doen' })
      .click()
    await facilitator
      .getByRole('status')
      .filter({ hasText: 'Dit ga ik doen staat nu op het bord.' })
      .waitFor()
    // The session worked through A and B of the ABCD route.
    await writeNote(facilitator, 'ambities-2040', 'a-visie', 'Hulp dichtbij huis')
    await writeNote(facilitator, 'ambities-2040', 'b-vertrekpunt', 'Loketten langs elkaar')

    const anna = await (await session.newContext()).newPage()
    await join(anna, board.links.editor!, 'Anna', 'Gemeente')
    const phone: BrowserContext = await newPhoneContext(session.browser)
    cleanup.add(() => phone.close())
    const bram = await phone.newPage()
    await join(bram, board.links.editor!, 'Bram', 'GGD')

    await writeNote(anna, 'dit-ga-ik-doen', 'ik-ga', 'Ik bel de wijkagent', 0)
    await writeNote(bram, 'dit-ga-ik-doen', 'ik-ga', 'Wij openen een inloop', 1)
    await writeNote(bram, 'dit-ga-ik-doen', 'jij-zou', 'Probeer de buurtcirkel', 0)

    // Anna sees her own "Dit ga ik doen" note on offer, not Bram's, and makes it a commitment.
    await openProgress(anna)
    await anna
      .getByRole('button', { name: 'Maak er een afspraak van: Ik bel de wijkagent' })
      .waitFor()
    expect(await anna.getByText('Wij openen een inloop').count()).toBe(0)
    await shot(anna, 'voortgang-candidates-desktop')
    await anna
      .getByRole('button', { name: 'Maak er een afspraak van: Ik bel de wijkagent' })
      .click()
    const annas = commitmentItem(anna, 'Ik bel de wijkagent')
    await annas.waitFor()
    await annas.getByLabel('Wanneer').fill('2027-03-31')
    await annas.getByLabel('Stand').selectOption({ label: 'Onderweg' })
    await annas.getByRole('button', { name: 'Opslaan' }).click()
    await anna.locator('.commitment-item[data-status="underway"]').waitFor()
    expect(await axeViolations(anna)).toEqual([])
    await shot(anna, 'voortgang-desktop')

    // Bram, on his phone, makes his own commitment; the Gemeente's he can only read.
    await bram.getByRole('button', { name: 'Panelen tonen' }).click()
    await openProgress(bram)
    await bram
      .getByRole('button', { name: 'Maak er een afspraak van: Wij openen een inloop' })
      .click()
    await commitmentItem(bram, 'Wij openen een inloop').getByLabel('Stand').waitFor()
    const gemeenteForBram = commitmentItem(bram, 'Ik bel de wijkagent')
    await gemeenteForBram.getByText('Onderweg').waitFor()
    expect(await gemeenteForBram.getByLabel('Stand').count()).toBe(0)
    await gemeenteForBram
      .getByText('Alleen Gemeente en de begeleider werken deze afspraak bij.')
      .waitFor()
    // The server refuses the change the page does not offer him (he joined as the GGD).
    const annasId = (await gemeenteForBram.getAttribute('data-commitment'))!
    const refused = await bram.evaluate(
      async ({ boardId, token, id }) => {
        const response = await fetch(
          `/api/boards/${boardId}/commitments/${encodeURIComponent(id)}`,
          {
            method: 'PATCH',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              'stip-participant-organisation': 'GGD',
            },
            body: JSON.stringify({ status: 'done' }),
          },
        )
        return response.status
      },
      { boardId: board.id, token: tokenOf(board.links.editor!), id: annasId },
    )
    expect(refused).toBe(403)
    await gemeenteForBram.scrollIntoViewIfNeeded()
    await shot(bram, 'voortgang-phone')
    const touchTargets = await bram.evaluate(() =>
      [
        ...document.querySelectorAll(
          '.progress-panel button, .progress-panel select, .progress-panel input',
        ),
      ]
        .map((element) => element.getBoundingClientRect())
        .filter((box) => box.width > 0)
        .map((box) => Math.min(box.height, box.width)),
    )
    expect(Math.min(...touchTargets)).toBeGreaterThanOrEqual(44)

    // The facilitator marks any note: Bram's tip becomes a commitment, and is done.
    await facilitator.evaluate(() => {
      const editor = window.__stip!.editor
      const tip = editor
        .getCurrentPageShapes()
        .find((shape) => editor.getShapeUtil(shape).getText(shape) === 'Probeer de buurtcirkel')!
      editor.select(tip.id)
    })
    await openProgress(facilitator)
    await facilitator.getByRole('button', { name: 'Geselecteerde notitie als afspraak' }).click()
    const tip = commitmentItem(facilitator, 'Probeer de buurtcirkel')
    await tip.getByLabel('Stand').selectOption({ label: 'Gedaan' })
    await tip.getByRole('button', { name: 'Opslaan' }).click()
    await facilitator.locator('.commitment-item[data-status="done"]').waitFor()
    // It is Bram's note, so a GGD commitment: he sees the facilitator's change live.
    await bram.locator('.commitment-item[data-status="done"]', { hasText: 'buurtcirkel' }).waitFor()

    // The manifesto has words, and the GGD signs it.
    await openManifesto(facilitator)
    await facilitator.locator('.manifesto-prose > p').first().click()
    await facilitator.keyboard.type('Wij maken de wijk samen sterker.')
    const reader = await connectClient(cleanup, `${url.replace(/^http/, 'ws')}/ws`, board.id, {
      token: tokenOf(board.links.viewer!),
    })
    await expect
      .poll(() => reader.doc.getXmlFragment('manifesto').toString(), { timeout: 15_000 })
      .toContain('sterker')
    const organisations = (
      (await (
        await fetch(`${url}/api/boards/${board.id}`, {
          headers: { authorization: `Bearer ${tokenOf(board.links.facilitator!)}` },
        })
      ).json()) as { organisations: Array<{ id: string; name: string }> }
    ).organisations
    const ggd = organisations.find((o) => o.name === 'GGD')!
    const signingLink = (await (
      await fetch(`${url}/api/boards/${board.id}/signing-links/${ggd.id}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokenOf(board.links.facilitator!)}` },
      })
    ).json()) as { link: string }
    const signed = await fetch(`${url}/api/boards/${board.id}/signatures`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokenOf(signingLink.link)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        signerName: 'Marja Mulder',
        signerFunction: 'Directeur',
        hash: await manifestoHashOf(reader.doc),
      }),
    })
    expect(signed.status).toBe(201)
    reader.destroy()

    // The vervolgsessie: the facilitator starts it and lands on the new board.
    await openProgress(facilitator)
    await facilitator.getByLabel('Titel van het nieuwe bord').fill('Samen naar 2040 – ronde 2')
    await facilitator.getByLabel('Titel van het nieuwe bord').scrollIntoViewIfNeeded()
    await shot(facilitator, 'vervolgsessie-form-desktop')
    await facilitator.getByRole('button', { name: 'Vervolgsessie starten' }).click()
    await facilitator.waitForURL((address) => !address.pathname.endsWith(board.id), {
      timeout: 30_000,
    })
    const newId = new URL(facilitator.url()).pathname.split('/').pop()!
    await waitForCanvas(facilitator)
    await closeShareWelcome(facilitator)
    // It opens on step B, where the first session stopped.
    const laneB = await laneBounds(facilitator, 'b-vertrekpunt')
    await expect
      .poll(async () => {
        const centre = await viewportCentre(facilitator)
        return (
          centre.x > laneB.x && centre.x < laneB.maxX && centre.y > laneB.y && centre.y < laneB.maxY
        )
      })
      .toBe(true)
    await facilitator.getByText('Loketten langs elkaar').first().waitFor({ state: 'attached' })
    await openProgress(facilitator)
    await facilitator.getByText('De vorige sessie stopte bij B · Waar staan we nu.').waitFor()
    await facilitator.getByRole('link', { name: 'Samen naar 2040', exact: true }).waitFor()
    // The open and under-way commitments came along; the done one is listed as finished.
    await commitmentItem(facilitator, 'Ik bel de wijkagent')
      .getByText('uit de vorige sessie')
      .waitFor()
    await commitmentItem(facilitator, 'Wij openen een inloop').waitFor()
    expect(await facilitator.locator('.commitment-item', { hasText: 'buurtcirkel' }).count()).toBe(
      0,
    )
    await facilitator.getByText('GGD: Probeer de buurtcirkel').waitFor()
    await facilitator
      .getByText(/Marja Mulder \(Directeur\).*dezelfde tekst als waarmee deze sessie begon/)
      .waitFor()
    await shot(facilitator, 'vervolgsessie-desktop')
    await openManifesto(facilitator)
    await facilitator
      .locator('.manifesto-prose', { hasText: 'Wij maken de wijk samen sterker.' })
      .waitFor()

    // Anna opens the new board with its new editor link and finishes her commitment there.
    const links = (await facilitator.evaluate(
      (id) => JSON.parse(localStorage.getItem(`stip.links.${id}`) ?? '{}'),
      newId,
    )) as Record<string, string>
    expect(links.editor).toContain(`/b/${newId}#token=`)
    // Anna is remembered in her browser, with an organisation of this board: no join form.
    await openRemembered(anna, links.editor!)
    await openProgress(anna)
    const carried = commitmentItem(anna, 'Ik bel de wijkagent')
    expect(await carried.getByLabel('Wanneer').inputValue()).toBe('2027-03-31')
    await carried.getByLabel('Stand').selectOption({ label: 'Gedaan' })
    await carried.getByRole('button', { name: 'Opslaan' }).click()
    await anna.locator('.commitment-item[data-status="done"]', { hasText: 'wijkagent' }).waitFor()

    // Bram, on the new board, sees it done and cannot change it.
    await openRemembered(bram, links.editor!)
    await bram.getByRole('button', { name: 'Panelen tonen' }).click()
    await openProgress(bram)
    const doneForBram = commitmentItem(bram, 'Ik bel de wijkagent')
    await doneForBram.getByText('Gedaan').waitFor()
    expect(await doneForBram.getByLabel('Stand').count()).toBe(0)
    await bram
      .getByText('De vorige sessie stopte bij B · Waar staan we nu.')
      .scrollIntoViewIfNeeded()
    await shot(bram, 'vervolgsessie-phone')

    // The old board points forward, and its link opens the new board for the facilitator.
    await facilitator.goto(`${url}/b/${board.id}`)
    await waitForCanvas(facilitator)
    await openProgress(facilitator)
    await facilitator.getByRole('link', { name: 'Samen naar 2040 – ronde 2' }).click()
    await facilitator.waitForURL((address) => address.pathname.endsWith(newId))
    await waitForCanvas(facilitator)

    // The report of the new board reads it all back.
    const report = await (
      await fetch(`${url}/api/boards/${newId}/report.md?token=${tokenOf(links.editor!)}`)
    ).text()
    const progress = report.split('## Voortgang')[1]!.split('\n## ')[0]!
    expect(progress).toContain('Vervolg op de sessie "Samen naar 2040".')
    expect(progress).toMatch(
      /Ik bel de wijkagent \(uit een vorige sessie\) · Wie: Anna · Wanneer: 2027-03-31 · Stand: Gedaan/,
    )
    expect(progress).toMatch(
      /Wij openen een inloop \(uit een vorige sessie\) · Wie: Bram · Stand: Open/,
    )
    expect(progress).toContain('GGD: Probeer de buurtcirkel — _Gedaan_')
  }, 240_000)
})
