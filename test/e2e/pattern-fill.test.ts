import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { joinBoard } from './helpers/board-page'
import { createBoard } from './helpers/boards'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'

interface PatternState {
  /** The pattern the hatched rectangle's fill refers to, e.g. "…_light_2". */
  fillRef: string | null
  /** That pattern's tile: a drawn tile is a blob: URL, the placeholder a data: pixel. */
  fillTile: string | null
  /** Every pattern level whose tile has been drawn. */
  drawn: string[]
  patterns: number
}

/** What the canvas's pattern defs hold now, and what the hatched shape's fill points at. */
function patternState(page: Page): Promise<PatternState> {
  return page.evaluate(() => {
    const tileOf = (id: string) =>
      document.getElementById(id)?.querySelector('image')?.getAttribute('href') ?? null
    const filled = [...document.querySelectorAll('.tl-shape path[fill^="url(#"]')]
    const fillRef = filled[0]?.getAttribute('fill')?.slice(5, -1) ?? null
    const patterns = [...document.querySelectorAll('.tl-svg-context pattern')]
    return {
      fillRef,
      fillTile: fillRef ? tileOf(fillRef) : null,
      drawn: patterns
        .filter((p) => p.querySelector('image')?.getAttribute('href')?.startsWith('blob:'))
        .map((p) => p.id.replace(/.*_(light|dark)_/, '$1_')),
      patterns: patterns.length,
    }
  })
}

describe('hatched fill', () => {
  const session = useBrowserSession()

  it('draws the hatch tile for the zoom in view, and more only when a zoom needs them', async () => {
    const board = await createBoard(session.server.server.url, 'Gearceerd vlak')
    const page = await (await session.newContext()).newPage()
    await joinBoard(page, board.links.editor, { name: 'Sanne', organisation: 'GGD' })
    await page.evaluate(() => {
      const editor = window.__stip!.editor
      const centre = editor.getViewportPageBounds().center
      editor.createShape({
        type: 'geo',
        x: centre.x - 150,
        y: centre.y - 100,
        props: { geo: 'rectangle', w: 300, h: 200, fill: 'pattern', color: 'blue' },
      })
      editor.setCamera({ ...editor.getCamera(), z: 1 })
    })

    await expect.poll(() => patternState(page).then((s) => s.fillTile?.slice(0, 5))).toBe('blob:')
    const atOne = await patternState(page)
    // tldraw's ids: the fill refers to a pattern this def holds, at level 0 for zoom 1.
    expect(atOne.fillRef).toMatch(/_light_0$/)
    // Every level of both colour modes is there to refer to; only the one in use is drawn.
    expect(atOne.patterns).toBe(18)
    expect(atOne.drawn).toEqual(['light_0'])
    await screenshot(page, 'pattern-fill-zoom-1')

    await page.evaluate(() => {
      const editor = window.__stip!.editor
      // tldraw's zoom steps from 1: 2, then 4, about the middle of the view.
      editor.zoomIn()
      editor.zoomIn()
    })
    await expect
      .poll(() => patternState(page).then((s) => [s.fillRef?.slice(-8), s.fillTile?.slice(0, 5)]))
      .toEqual(['_light_2', 'blob:'])
    expect((await patternState(page)).drawn.sort()).toEqual(['light_0', 'light_2'])
    await screenshot(page, 'pattern-fill-zoom-4')
  })
})
