import { describe, expect, it } from 'vitest'
import { joinBoard, waitForShapes } from './helpers/board-page'
import { createBoard } from './helpers/boards'
import { useBrowserSession } from './helpers/browser-session'
import { screenshot } from './helpers/screenshots'

/** Labels that take each of tldraw's measuring paths: wrapping, font shrinking, empty, small. */
const LABELS = [
  'Kort',
  'Samen werken aan de stip op de horizon, met alle partners in het sociaal domein',
  'Ontschottingsbevorderingsprogrammaondersteuning',
  '',
  'Eerste alinea\nTweede alinea\nDerde',
  'Niet vinken, maar vonken',
]
const SIZES = ['s', 'm', 'l', 'xl'] as const

describe('opening a board with many shapes', () => {
  const session = useBrowserSession()

  it('measures and renders labels only when needed, and then exactly as tldraw does', async () => {
    const writer = await (await session.newContext()).newPage()
    const reader = await (await session.newContext()).newPage()
    const boardUrl = (await createBoard(session.server.server.url)).links.editor
    await joinBoard(writer, boardUrl, { name: 'Anna', organisation: 'GGD' })

    const count = await writer.evaluate(
      ({ labels, sizes }) => {
        const editor = window.__stip?.editor
        if (!editor) throw new Error('no editor')
        const richText = (text: string) => ({
          type: 'doc',
          content: text.split('\n').map((line) => ({
            type: 'paragraph',
            ...(line ? { content: [{ type: 'text', text: line }] } : {}),
          })),
        })
        const shapes = []
        let i = 0
        for (const label of labels) {
          for (const size of sizes) {
            for (const type of ['note', 'geo'] as const) {
              const props =
                type === 'note'
                  ? { richText: richText(label), size }
                  : {
                      richText: richText(label),
                      size,
                      w: 120 + (i % 5) * 60,
                      h: 100,
                      geo: 'rectangle',
                    }
              shapes.push({ type, x: (i % 12) * 1500, y: Math.floor(i / 12) * 1500, props })
              i++
            }
          }
        }
        editor.createShapes(shapes as never)
        return shapes.length
      },
      { labels: LABELS, sizes: SIZES },
    )

    // Every label measurement reads a measuring element's size; count them while opening.
    await reader.addInitScript(() => {
      const win = window as unknown as { labelMeasurements: number }
      win.labelMeasurements = 0
      const read = Element.prototype.getBoundingClientRect
      Element.prototype.getBoundingClientRect = function (this: Element) {
        if (this.classList.contains('tl-text-measure')) win.labelMeasurements++
        return read.call(this)
      }
    })
    await joinBoard(reader, boardUrl, { name: 'Bram', organisation: 'Gemeente' })
    await waitForShapes(reader, (shapes) => shapes.length === count)
    await reader.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
    // Opening the board, with every shape drawn, measured (almost) no label: they wait until
    // something needs them.
    const measuredWhileOpening = await reader.evaluate(
      () => (window as unknown as { labelMeasurements: number }).labelMeasurements,
    )
    expect(measuredWhileOpening).toBeLessThan(5)
    // Nor did it render the labels of shapes outside the view: the grid is too wide to open
    // whole at a readable zoom.
    const renderedLabels = await reader.evaluate(
      () => document.querySelectorAll('.tl-shape .tl-rich-text').length,
    )
    expect(renderedLabels).toBeGreaterThan(0)
    expect(renderedLabels).toBeLessThan(count / 2)

    const comparison = await reader.evaluate(() => {
      const editor = window.__stip?.editor
      if (!editor) throw new Error('no editor')
      type Util = Record<string, unknown> & {
        _labelSizesForNoteCache: { get(shape: unknown, measure: () => never): unknown }
        _labelSizesForGeoCache: { get(shape: unknown, measure: () => never): unknown }
        measureNoteLabelSize(shape: unknown): unknown
        measureUnscaledLabelSize(shape: unknown): unknown
      }
      const notYetMeasured = (): never => {
        throw new Error('not in the cache')
      }
      let cached = 0
      const differences: string[] = []
      for (const shape of editor.getCurrentPageShapes()) {
        const util = editor.getShapeUtil(shape) as unknown as Util
        const props = shape.props as { richText: { content: Array<{ content?: unknown[] }> } }
        const empty = props.richText.content.every((block) => !block.content?.length)
        if (shape.type === 'geo' && empty) continue // tldraw never measures these
        // What a pointer over the label or a text edit asks for.
        const geometry = editor.getShapeGeometry(shape) as unknown as {
          children: Array<{ isLabel: boolean; bounds: unknown }>
        }
        void geometry.children.find((child) => child.isLabel)?.bounds
        const cache =
          shape.type === 'note' ? util._labelSizesForNoteCache : util._labelSizesForGeoCache
        let fromCache: unknown
        try {
          fromCache = cache.get(shape, notYetMeasured)
          cached++
        } catch {
          differences.push(`${shape.id} missing`)
          continue
        }
        const direct =
          shape.type === 'note'
            ? util.measureNoteLabelSize(shape)
            : util.measureUnscaledLabelSize(shape)
        if (JSON.stringify(direct) !== JSON.stringify(fromCache))
          differences.push(`${shape.id}: ${JSON.stringify(fromCache)} vs ${JSON.stringify(direct)}`)
      }
      return { cached, differences }
    })
    expect(comparison.differences).toEqual([])
    // Every label but the empty rectangles', which tldraw never measures.
    expect(comparison.cached).toBe(count - SIZES.length)
  })

  it('opens on its content: a whole werkvorm in view, never zoomed in past 100 %', async () => {
    const response = await fetch(`${session.server.server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Ambities', template: 'ambities-2040' }),
    })
    const { links } = (await response.json()) as { links: { editor: string } }
    const page = await (await session.newContext()).newPage()
    await joinBoard(page, links.editor, { name: 'Gijs', organisation: 'Zorggroep' })
    const view = await page.evaluate(() => {
      const editor = window.__stip?.editor
      const content = editor?.getCurrentPageBounds()
      if (!editor || !content) throw new Error('no editor or no content')
      return {
        zoom: editor.getZoomLevel(),
        contentInView: editor.getViewportPageBounds().contains(content),
      }
    })
    await screenshot(page, 'board-opens-on-its-werkvorm')
    expect(view.contentInView).toBe(true)
    expect(view.zoom).toBeLessThanOrEqual(1)
  })
})
