import type { Editor, TLShape } from 'tldraw'

type TextMeasure = Editor['textMeasure']
type MeasureOpts = Parameters<TextMeasure['measureHtml']>[1]
type MeasuredSize = ReturnType<TextMeasure['measureHtml']>

/** Thrown by the recording stand-in to stop tldraw's measuring code at its first DOM read. */
class Recorded {
  constructor(
    readonly html: string,
    readonly opts: MeasureOpts,
  ) {}
}

export interface BatchedLabelMeasureOptions<Shape extends TLShape, Size> {
  editor: Editor
  /** The shapes whose labels this measurer covers (one shape util's type). */
  isCandidate(record: unknown): record is Shape
  isCached(shape: Shape): boolean
  /** tldraw's own measuring for one shape, which calls `editor.textMeasure.measureHtml`. */
  measure(shape: Shape): Size
  remember(shape: Shape, size: Size): void
}

/**
 * Measures the labels of many shapes with one DOM layout instead of one layout each.
 *
 * When a board opens, tldraw measures every note's and rectangle's label in the DOM, one
 * forced layout per shape (1.2 s for 2,000 shapes). tldraw's measuring code stays in charge
 * here: each shape is first run with a stand-in `measureHtml` that records the request and
 * stops; the recorded requests are measured together with tldraw's `measureHtmlBatch`; then
 * each shape runs again with a stand-in that answers its first request from the batch (any
 * further request, e.g. a note shrinking its font, is measured as usual). The sizes are
 * therefore exactly what tldraw would have measured one by one.
 */
export function createBatchedLabelMeasure<Shape extends TLShape, Size>(
  options: BatchedLabelMeasureOptions<Shape, Size>,
) {
  const { editor } = options
  // Record objects already looked at: a record changes identity whenever it changes, so a
  // miss (one keystroke in a note) only looks up the few records that are new since.
  const checked = new WeakSet<Shape>()

  function uncachedCandidates(): Shape[] {
    const shapes: Shape[] = []
    for (const record of editor.store.allRecords()) {
      if (!options.isCandidate(record) || checked.has(record)) continue
      checked.add(record)
      if (!options.isCached(record)) shapes.push(record)
    }
    return shapes
  }

  function prefetch(shapes: Shape[]) {
    const textMeasure = editor.textMeasure
    // An own property shadows the prototype's method for the duration; deleting it restores it.
    const standInForMeasureHtml = (fn: TextMeasure['measureHtml']) => {
      Object.defineProperty(textMeasure, 'measureHtml', { value: fn, configurable: true })
    }
    const requests: Array<{ shape: Shape; html: string; opts: MeasureOpts }> = []
    try {
      standInForMeasureHtml((html, opts) => {
        throw new Recorded(html, opts)
      })
      for (const shape of shapes) {
        try {
          // Labels that need no DOM (empty text) come back at once.
          options.remember(shape, options.measure(shape))
        } catch (error) {
          if (!(error instanceof Recorded)) throw error
          requests.push({ shape, html: error.html, opts: error.opts })
        }
      }
      if (requests.length === 0) return
      const sizes = textMeasure.measureHtmlBatch(requests)
      // tldraw keeps one pooled element per request in the DOM; keep one, not thousands.
      const last = requests[requests.length - 1] as (typeof requests)[number]
      textMeasure.measureHtmlBatch([{ html: '', opts: last.opts }])

      for (let i = 0; i < requests.length; i++) {
        const request = requests[i] as (typeof requests)[number]
        const batched = sizes[i] as MeasuredSize
        let answered = false
        standInForMeasureHtml((html, opts) => {
          if (!answered && html === request.html && sameOpts(opts, request.opts)) {
            answered = true
            return batched
          }
          return measureOne(textMeasure, html, opts)
        })
        options.remember(request.shape, options.measure(request.shape))
      }
    } finally {
      Reflect.deleteProperty(textMeasure, 'measureHtml')
    }
  }

  return {
    /**
     * Called before a label is measured the slow way: when many labels are unmeasured (a
     * board opening, a large remote change) they are all measured at once.
     */
    beforeMiss() {
      const shapes = uncachedCandidates()
      if (shapes.length >= BATCH_THRESHOLD) prefetch(shapes)
    },
  }
}

/** Below this many unmeasured labels, one-by-one measuring is as fast and simpler. */
const BATCH_THRESHOLD = 20

function measureOne(textMeasure: TextMeasure, html: string, opts: MeasureOpts): MeasuredSize {
  return Object.getPrototypeOf(textMeasure).measureHtml.call(textMeasure, html, opts)
}

function sameOpts(a: MeasureOpts, b: MeasureOpts): boolean {
  const left0 = a as unknown as Record<string, unknown>
  const right0 = b as unknown as Record<string, unknown>
  const keys = new Set([...Object.keys(left0), ...Object.keys(right0)])
  for (const key of keys) {
    const left = left0[key]
    const right = right0[key]
    if (left !== right && JSON.stringify(left) !== JSON.stringify(right)) return false
  }
  return true
}
