import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { waitForStatus } from './helpers/board-page'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'
import { joinChoosingOrganisation } from './helpers/start-form'

const VALUES = ['Respect', 'Gelijkwaardigheid', 'Vertrouwen', 'Moed'] as const
const FRAME = 'shape:tpl-gedeelde-waarden-start-frame'

/** The page bounds of every shape straight on the page, as plain data. */
function topLevelBoxes(page: Page) {
  return page.evaluate(() => {
    const editor = window.__stip!.editor
    return editor
      .getCurrentPageShapes()
      .filter((s) => s.parentId === editor.getCurrentPageId())
      .map((s) => {
        const box = editor.getShapePageBounds(s)!
        const name = s.type === 'frame' ? (s.props as { name: string }).name : s.type
        return { id: s.id, name, x: box.x, y: box.y, maxX: box.maxX, maxY: box.maxY }
      })
  })
}

describe('promoting the winners of a vote', () => {
  const session = useBrowserSession()

  /** A new board with one werkvorm, opened by its facilitator on a laptop screen. */
  async function openBoard(template: string) {
    const url = session.server.server.url
    const response = await fetch(`${url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Waarden',
        template,
        organisations: [{ name: 'Gemeente' }, { name: 'GGD' }],
      }),
    })
    const board = (await response.json()) as { id: string; links: Record<string, string> }
    const facilitator = await (await session.newContext()).newPage()
    await facilitator.setViewportSize({ width: 1440, height: 900 })
    await joinChoosingOrganisation(facilitator, board.links.facilitator!, {
      name: 'Fenna',
      organisation: 'Gemeente',
    })
    await waitForStatus(facilitator, 'connected')
    const share = facilitator.getByRole('dialog', { name: 'Bord delen' })
    if (await share.isVisible()) await facilitator.keyboard.press('Escape')
    return { url, board, facilitator }
  }

  /** Writes `values` inside `frameId`, votes once on each of the first `voted`, and reveals. */
  async function voteOn(page: Page, frameId: string, values: readonly string[], voted: number) {
    await page.evaluate(
      ({ frameId, values }) => {
        const editor = window.__stip!.editor
        const frame = editor.getShapePageBounds(frameId as never)!
        values.forEach((text, i) => {
          editor.createShape({
            type: 'note',
            parentId: frameId as never,
            x: 80 + i * 230,
            y: frame.h - 260,
            props: {
              richText: {
                type: 'doc',
                content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
              },
            },
          })
        })
      },
      { frameId, values },
    )
    await page.evaluate((id) => {
      window.__stip!.editor.select(id as never)
    }, frameId)
    await page.getByRole('tab', { name: 'Stemmen', exact: true }).click()
    await page.getByRole('button', { name: 'Start stemronde' }).click()
    for (const text of values.slice(0, voted)) {
      await page
        .locator('.ballot-list')
        .getByRole('button', { name: `Stem op: ${text}`, exact: true })
        .click()
    }
    await page.getByRole('button', { name: 'Toon uitslag' }).click()
  }

  it('puts the Kernwaarden werkvorm in free space and counts no note twice', async () => {
    const { url, board, facilitator } = await openBoard('gedeelde-waarden')

    // A second werkvorm right beside the first, where a careless promote would land.
    await facilitator.getByRole('tab', { name: 'Werkvormen', exact: true }).click()
    await facilitator.getByRole('button', { name: 'Toevoegen aan het bord: Ambities 2040' }).click()
    await facilitator
      .getByRole('status')
      .filter({ hasText: 'Ambities 2040 staat nu op het bord.' })
      .waitFor()

    await voteOn(facilitator, FRAME, VALUES, 3)
    await facilitator.getByLabel('Aantal winnaars').fill('2')
    // Three notes share the top count: the panel says that all three go, before they do.
    await facilitator.getByText('Gelijke stand: meer notities hebben evenveel stippen').waitFor()
    // A vote on shared values offers the manifesto's Gedeelde waarden by default.
    expect(
      await facilitator.getByLabel('Ook in het manifest onder Gedeelde waarden').isChecked(),
    ).toBe(true)
    await screenshot(facilitator, 'promote-ties')
    await facilitator.getByRole('button', { name: 'Zet winnaars in Kernwaarden' }).click()
    await facilitator.getByText(/nu in Kernwaarden/).waitFor()

    const boxes = await topLevelBoxes(facilitator)
    const core = boxes.find((box) => box.name === 'Kernwaarden')!
    expect(core).toBeDefined()
    for (const other of boxes.filter((box) => box !== core)) {
      const overlaps =
        core.x < other.maxX && other.x < core.maxX && core.y < other.maxY && other.y < core.maxY
      expect(overlaps, `Kernwaarden overlaps ${other.name}`).toBe(false)
    }

    // The report lists each value once; the copies in Kernwaarden are not counted again.
    const report = await expect
      .poll(async () => {
        const res = await fetch(`${url}/api/boards/${board.id}/report.md`, {
          headers: { authorization: `Bearer ${new URL(board.links.viewer!).hash.slice(7)}` },
        })
        return res.text()
      })
      .toContain('Moed')
      .then(async () => {
        const res = await fetch(`${url}/api/boards/${board.id}/report.md`, {
          headers: { authorization: `Bearer ${new URL(board.links.viewer!).hash.slice(7)}` },
        })
        return res.text()
      })
    for (const text of VALUES) {
      expect(report.split(`- ${text}`).length - 1, `${text} in the report`).toBe(1)
    }
    // Wie wordt gehoord: the facilitator's organisation wrote four notes, not six.
    await facilitator.getByRole('tab', { name: 'Deelnemers', exact: true }).click()
    await facilitator.getByText('4 notities').first().waitFor()
    expect(await facilitator.getByText('6 notities').count()).toBe(0)
    await facilitator.evaluate(() => {
      window.__stip!.editor.zoomToFit({ animation: { duration: 0 } })
    })
    await facilitator.waitForTimeout(300)
    await screenshot(facilitator, 'promote-free-space')
    await facilitator.setViewportSize({ width: 390, height: 844 })
    await facilitator.getByText('Wie wordt gehoord').scrollIntoViewIfNeeded()
    await screenshot(facilitator, 'promote-heard-phone')
  })

  it('does not offer the manifesto by default for a vote on another werkvorm', async () => {
    const { facilitator } = await openBoard('hebben-zaaien')
    await voteOn(facilitator, 'shape:tpl-hebben-zaaien-start-frame', ['Wijkteam', 'Loket'], 1)
    await facilitator.getByLabel('Aantal winnaars').fill('1')
    expect(
      await facilitator.getByLabel('Ook in het manifest onder Gedeelde waarden').isChecked(),
    ).toBe(false)
    expect(await facilitator.getByText('Gelijke stand').count()).toBe(0)
  })
})
