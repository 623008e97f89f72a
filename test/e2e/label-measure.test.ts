import { describe, expect, it } from 'vitest'
import { joinBoard, waitForShapes } from './helpers/board-page'
import { createBoard } from './helpers/boards'
import { useBrowserSession } from './helpers/browser-session'

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

describe('label sizes measured when needed', () => {
  const session = useBrowserSession()

  it('are measured only on demand, and then exactly as tldraw measures them', async () => {
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
              shapes.push({ type, x: (i % 12) * 260, y: Math.floor(i / 12) * 260, props })
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
})
