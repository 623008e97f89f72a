import { copyFileSync, mkdirSync } from 'node:fs'
import { type Amendment, readAmendments } from '@stip/board/doc-model'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useCleanup } from '../integration/helpers/cleanup'
import { connectClient } from '../integration/helpers/clients'
import { manifestoText, writeManifesto } from '../integration/helpers/manifesto'
import { axeViolations } from './helpers/axe'
import { waitForStatus } from './helpers/board-page'
import { newPhoneContext } from './helpers/browser'
import { useBrowserSession } from './helpers/browser-session'
import { openManifesto, tokenOf } from './helpers/manifesto-page'
import { screenshot } from './helpers/screenshots'

const SHOTS = '/work/shots/amendments-rest/'

/** A screenshot kept with the test results and in the helper's shots folder for review. */
async function shot(page: Page, name: string) {
  const path = await screenshot(page, `amend-follow-up-${name}`)
  mkdirSync(SHOTS, { recursive: true })
  copyFileSync(path, `${SHOTS}${name}.png`)
}

async function waitForBoard(page: Page) {
  await page.waitForFunction(() => Boolean(window.__stip?.editor), undefined, { timeout: 60_000 })
  await waitForStatus(page, 'connected', 60_000)
  const share = page.getByRole('dialog', { name: 'Bord delen' })
  if (await share.isVisible()) await page.keyboard.press('Escape')
}

/**
 * Joins choosing an organisation, waiting for the board with room for a shared machine under
 * load (the common helper allows 20 s; at load 30 the board sometimes needs more).
 */
async function join(page: Page, link: string, name: string, organisation: string) {
  await page.goto(link)
  await page.getByLabel('Je naam').fill(name)
  await page.getByLabel('Organisatie').selectOption({ label: organisation })
  await page.getByRole('button', { name: 'Naar het bord' }).click()
  await waitForBoard(page)
}

async function openProgress(page: Page) {
  await page.getByRole('tab', { name: 'Voortgang', exact: true }).click()
  await page.getByRole('heading', { name: 'Afspraken per organisatie' }).waitFor()
}

describe('amendments carried into a vervolgsessie, with two organisations', () => {
  const session = useBrowserSession()
  const cleanup = useCleanup()

  it('M9, C11: the new board shows the open amendment with its answer and origin to both organisations, the chair accepts it there, the Voortgang tab lists what was decided before, and an open remark on the text came along', async () => {
    const url = session.server.server.url
    const created = await fetch(`${url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Samen sterk in Zeist',
        organisations: [{ name: 'Gemeente' }, { name: 'GGD' }],
      }),
    })
    const board = (await created.json()) as { id: string; links: Record<string, string> }
    const wsBase = `${url.replace(/^http/, 'ws')}/ws`
    const writer = await connectClient(cleanup, wsBase, board.id, {
      token: tokenOf(board.links.editor!),
    })
    writeManifesto(
      writer.doc,
      'Wij geloven dat bewoners zelf het beste weten wat werkt.',
      'Niemand staat er in 2040 alleen voor.',
    )
    await expect
      .poll(async () => {
        const reader = await connectClient(cleanup, wsBase, board.id, {
          token: tokenOf(board.links.viewer!),
        })
        const text = manifestoText(reader.doc)
        reader.destroy()
        return text
      })
      .toContain('alleen voor.')
    const api = async (path: string, link: string, body: unknown) => {
      const response = await fetch(`${url}/api/boards/${board.id}/amendments${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokenOf(link)}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      expect(response.status).toBeLessThan(300)
      return ((await response.json()) as { amendment: Amendment }).amendment
    }
    // A remark on "bewoners", still open when the session ends (comments rule C11).
    const remark = await fetch(`${url}/api/boards/${board.id}/comments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokenOf(board.links.editor!)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        target: { kind: 'manifesto', passage: { path: [3], from: 16, to: 24, text: 'bewoners' } },
        text: 'Horen ondernemers hier ook bij?',
        name: 'Wim',
        organisation: 'Gemeente',
      }),
    })
    expect(remark.status).toBe(201)
    // The first session: amendment 1 accepted, amendment 2 (the GGD's) still open, objected to.
    const first = await api('', board.links.editor!, {
      organisation: 'Gemeente',
      name: 'Wim',
      passage: { path: [3], from: 4, to: 11, text: 'geloven' },
      replacement: 'weten',
      reason: 'Geloven is te vrijblijvend.',
    })
    await api(`/${first.id}/decision`, board.links.facilitator!, {
      decision: 'accepted',
      note: 'Akkoord in de stuurgroep',
    })
    const second = await api('', board.links.editor!, {
      organisation: 'GGD',
      name: 'Aïsha',
      passage: { path: [7], from: 25, to: 31, text: 'alleen' },
      replacement: 'zonder steun van de buurt',
      reason: 'Het gaat om de buurt, niet om eenzaamheid alleen.',
    })
    await api(`/${second.id}/responses`, board.links.editor!, {
      organisation: 'Gemeente',
      name: 'Wim',
      stance: 'object',
      reason: 'Eerst met de wijkteams bespreken.',
    })
    writer.destroy()

    // The facilitator starts the vervolgsessie from the Voortgang tab and lands on it.
    const facilitator = await (await session.newContext()).newPage()
    facilitator.setDefaultTimeout(45_000)
    await join(facilitator, board.links.facilitator!, 'Fenna', 'Gemeente')
    await openProgress(facilitator)
    await facilitator.getByRole('button', { name: 'Vervolgsessie starten' }).click()
    await facilitator.waitForURL((address) => !address.pathname.endsWith(board.id), {
      timeout: 30_000,
    })
    const newId = new URL(facilitator.url()).pathname.split('/').pop()!
    await waitForBoard(facilitator)

    // Voortgang: the record of the previous session names the decided amendment.
    await openProgress(facilitator)
    const record = facilitator.locator('[data-earlier-amendments]')
    await record.getByText('Amendement 1 (Gemeente)').waitFor()
    await record.getByText('aangenomen').waitFor()
    expect(await record.textContent()).toContain('geloven')
    // The open one is not in the record: it lives on in the Manifest.
    expect(await record.getByText('Amendement 2').count()).toBe(0)
    await record.scrollIntoViewIfNeeded()
    await shot(facilitator, 'voortgang-record-desktop')

    // The open remark came along: counted in Voortgang, marked in the overview, and opened
    // beside the new board's text, where its passage is marked.
    const carriedRemarks = facilitator.locator('[data-carried-comments]')
    await carriedRemarks
      .getByText('1 open opmerking uit de vorige sessie staat bij Opmerkingen.')
      .waitFor()
    await carriedRemarks.getByRole('button', { name: 'Naar Opmerkingen' }).click()
    const item = facilitator.locator('.comment-item', {
      hasText: 'Horen ondernemers hier ook bij?',
    })
    await item.getByText('uit de vorige sessie').waitFor()
    await item.getByRole('button').click()
    const remarkThread = facilitator.locator('.passage-comments .comment-thread')
    await remarkThread.getByText('Overgenomen uit de sessie "Samen sterk in Zeist".').waitFor()
    await remarkThread.locator('.comment-meta', { hasText: 'Wim, Gemeente ·' }).waitFor()
    await facilitator.locator('.manifesto-prose .comment-mark', { hasText: 'bewoners' }).waitFor()
    await remarkThread.scrollIntoViewIfNeeded()
    await shot(facilitator, 'manifest-carried-comment-desktop')

    // Manifest: the carried amendment, open, with its answer and where it came from.
    await openManifesto(facilitator)
    const card = facilitator.locator('.amendment', { hasText: 'zonder steun van de buurt' })
    await card.locator('strong', { hasText: /^Amendement 1$/ }).waitFor()
    await card
      .getByText('Overgenomen uit de sessie "Samen sterk in Zeist", waar het amendement 2 was.')
      .waitFor()
    await card.getByText('Eerst met de wijkteams bespreken.', { exact: false }).waitFor()
    await card.getByRole('button', { name: 'Aannemen' }).waitFor()
    // Its passage is marked in the new board's text.
    await facilitator.locator('.manifesto-prose .amendment-mark', { hasText: 'alleen' }).waitFor()
    await card.scrollIntoViewIfNeeded()
    expect(await axeViolations(facilitator)).toEqual([])
    await shot(facilitator, 'manifest-carried-desktop')

    // A GGD partner on a phone opens the new board and sees it too.
    const links = (await facilitator.evaluate(
      (id) => JSON.parse(localStorage.getItem(`stip.links.${id}`) ?? '{}'),
      newId,
    )) as Record<string, string>
    const phone: BrowserContext = await newPhoneContext(session.browser)
    cleanup.add(() => phone.close())
    const bram = await phone.newPage()
    bram.setDefaultTimeout(45_000)
    await join(bram, links.editor!, 'Bram', 'GGD')
    const showPanels = bram.getByRole('button', { name: 'Panelen tonen' })
    if (await showPanels.isVisible()) await showPanels.click()
    await openManifesto(bram)
    const bramsCard = bram.locator('.amendment', { hasText: 'zonder steun van de buurt' })
    await bramsCard.getByText(/Overgenomen uit de sessie/).waitFor()
    // The GGD proposed it: Bram may not answer his own organisation's amendment.
    await bramsCard.getByText('Dit is het voorstel van jouw organisatie.').waitFor()
    expect(await bramsCard.getByRole('button', { name: 'Steunen' }).count()).toBe(0)
    await bramsCard.scrollIntoViewIfNeeded()
    await shot(bram, 'manifest-carried-phone')

    // The facilitator accepts it on the new board: the new board's text changes.
    await card.getByRole('button', { name: 'Aannemen' }).click()
    await card.getByText('aangenomen').first().waitFor()
    await facilitator
      .locator('.manifesto-prose', {
        hasText: 'Niemand staat er in 2040 zonder steun van de buurt voor.',
      })
      .waitFor()
    await bramsCard.getByText('aangenomen').first().waitFor()
    // The old board keeps its own text and its own open amendment.
    const old = await connectClient(cleanup, wsBase, board.id, {
      token: tokenOf(board.links.viewer!),
    })
    expect(manifestoText(old.doc)).toContain('Niemand staat er in 2040 alleen voor.')
    expect(readAmendments(old.doc).find((a) => a.number === 2)?.status).toBe('open')
  }, 300_000)
})
