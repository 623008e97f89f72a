import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from './helpers/axe'
import { waitForEditor, waitForShapes } from './helpers/board-page'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'

/** Whether the focused element shows a focus ring, and what it is. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    const style = el ? getComputedStyle(el) : null
    return {
      label: `${el?.getAttribute('aria-label') ?? ''} ${el?.textContent ?? ''}`.trim(),
      visible:
        !!style &&
        ((style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
          style.boxShadow !== 'none'),
    }
  })
}

async function createBoardWithOrganisations(url: string, title: string) {
  const response = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title,
      organisations: [{ name: 'Gemeente Utrecht' }, { name: 'GGD regio Utrecht' }],
    }),
  })
  expect(response.status).toBe(201)
  return (await response.json()) as { id: string; links: Record<string, string> }
}

/** Joins a board with organisations: there the organisation is a list to choose from. */
async function join(page: Page, link: string, name: string, organisation: string) {
  await page.goto(link)
  await page.getByLabel('Je naam').fill(name)
  await page.getByLabel('Organisatie').selectOption({ label: organisation })
  await page.getByRole('button', { name: 'Naar het bord' }).click()
  await waitForEditor(page)
}

/** Puts a rectangle on the page through the editor, as drawing one would. */
function addRectangle(page: Page, id: string, x: number) {
  return page.evaluate(
    ({ id, x }) => {
      const editor = window.__stip!.editor!
      editor.createShape({
        id: `shape:${id}` as never,
        type: 'geo',
        x,
        y: 100,
        props: { w: 160, h: 100 },
      })
    },
    { id, x },
  )
}

describe('signing links, versions and board image export in the browser', () => {
  const session = useBrowserSession()

  it('makes an organisation\u2019s signing link from the share dialog with the keyboard, with no WCAG violations', async () => {
    const url = session.server.server.url
    const board = await createBoardWithOrganisations(url, 'Ondertekenen in Utrecht')
    const page = await (await session.newContext()).newPage()
    await join(page, board.links.facilitator!, 'Anouk', 'Gemeente Utrecht')
    const dialog = page.getByRole('dialog', { name: 'Bord delen' })
    if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Delen' }).click()
    await dialog.getByRole('heading', { name: 'Ondertekeningslinks' }).waitFor()
    const create = dialog.getByRole('button', { name: 'Link maken: Gemeente Utrecht' })
    await create.waitFor()
    expect(await axeViolations(page)).toEqual([])

    // Reached by the keyboard (Shift+Tab, Tab), so the browser shows its focus ring.
    await create.focus()
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toEqual({
      label: 'Link maken: Gemeente Utrecht Link maken',
      visible: true,
    })
    await page.keyboard.press('Enter')
    const field = dialog.getByRole('textbox', { name: 'Gemeente Utrecht' })
    await field.waitFor()
    const link = await field.inputValue()
    expect(link).toContain(`/b/${board.id}#token=`)
    await dialog.getByRole('button', { name: 'Nieuwe link maken: Gemeente Utrecht' }).waitFor()
    await dialog.getByRole('button', { name: 'Link maken: GGD regio Utrecht' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await dialog.getByRole('heading', { name: 'Ondertekeningslinks' }).scrollIntoViewIfNeeded()
    await screenshot(page, 'share-dialog-signing-links')

    const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token')
    const me = await fetch(`${url}/api/boards/${board.id}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(await me.json()).toMatchObject({
      role: 'editor',
      signsFor: { organisationName: 'Gemeente Utrecht' },
    })
  })

  it('saves a version, opens it read only, restores it after a change, and exports the board as PNG and SVG and the manifesto as PDF', async () => {
    const url = session.server.server.url
    const board = await createBoardWithOrganisations(url, 'Versies in Utrecht')
    const page = await (await session.newContext()).newPage()
    await join(page, board.links.facilitator!, 'Pieter', 'GGD regio Utrecht')
    const share = page.getByRole('dialog', { name: 'Bord delen' })
    if (await share.isVisible()) await page.keyboard.press('Escape')
    await addRectangle(page, 'eerste', 100)
    await waitForShapes(page, (shapes) => shapes.length === 1)

    await page.getByRole('tab', { name: 'Versies' }).click()
    await page.getByLabel('Naam van de versie').fill('Na de eerste ronde')
    await page.getByRole('button', { name: 'Versie bewaren' }).click()
    const item = page.locator('.version-item', { hasText: 'Na de eerste ronde' })
    await item.waitFor()
    await expect.poll(() => item.textContent()).toContain('door Pieter')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'versions-panel')

    await addRectangle(page, 'tweede', 400)
    await waitForShapes(page, (shapes) => shapes.length === 2)

    await item.getByRole('button', { name: 'Bekijken: Na de eerste ronde' }).click()
    const viewer = page.getByRole('dialog', { name: 'Versie: Na de eerste ronde' })
    await viewer.waitFor()
    const shape = viewer.locator('.version-image .tl-shape').first()
    await shape.waitFor({ timeout: 15_000 })
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'version-viewer')
    // The version is a canvas to look around in: the buttons zoom, a drag pans.
    const width = async () => (await shape.boundingBox())!.width
    const fitted = await width()
    await viewer.getByRole('button', { name: 'Inzoomen' }).click()
    await expect.poll(width).toBeGreaterThan(fitted * 1.2)
    const area = (await viewer.getByTestId('version-image').boundingBox())!
    const before = (await shape.boundingBox())!.x
    await page.mouse.move(area.x + area.width / 2, area.y + area.height / 2)
    await page.mouse.down()
    await page.mouse.move(area.x + area.width / 2 - 120, area.y + area.height / 2, { steps: 6 })
    await page.mouse.up()
    await expect.poll(async () => (await shape.boundingBox())!.x).toBeLessThan(before - 60)
    await viewer.getByRole('button', { name: 'Alles tonen' }).click()
    await expect.poll(width).toBeCloseTo(fitted, 0)
    // Nothing in a version can be changed from here.
    expect(await viewer.locator('.version-image .tl-shape').count()).toBe(1)
    await page.setViewportSize({ width: 390, height: 844 })
    await page.waitForTimeout(300)
    await screenshot(page, 'version-viewer-phone')
    const box = (await viewer.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(390)
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.keyboard.press('Escape')
    await viewer.waitFor({ state: 'detached' })

    await item.getByRole('button', { name: 'Herstellen: Na de eerste ronde' }).click()
    await item.getByRole('button', { name: 'Ja, herstellen' }).click()
    await page.getByText('Versie hersteld.').waitFor()
    await waitForShapes(page, (shapes) => shapes.map((s) => s.id).join() === 'shape:eerste')
    await page
      .locator('.version-item', { hasText: 'Voor herstel van Na de eerste ronde' })
      .waitFor()

    for (const [format, check] of [
      [
        'PNG',
        (bytes: Buffer) =>
          expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]),
      ],
      ['SVG', (bytes: Buffer) => expect(bytes.toString('utf8', 0, 4)).toBe('<svg')],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Bord exporteren als ${format}` }).click(),
      ])
      expect(download.suggestedFilename()).toBe(`stip-bord-${board.id}.${format.toLowerCase()}`)
      check(readFileSync(await download.path()))
    }
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Manifest als PDF' }).click(),
    ])
    expect(pdf.suggestedFilename()).toBe('manifest-versies-in-utrecht.pdf')
    expect(readFileSync(await pdf.path()).toString('latin1', 0, 5)).toBe('%PDF-')
  })
})
