import type { Browser, Page } from 'playwright-core'
import { LOAD_TIMEOUT_MS, openBoardPage, waitForMark } from './board-page-session'
import { hottestFunctions, type TimeShare } from './load-profile'
import type { SeededBoard } from './seeded-board'
import { loadAverage, type Summary, summarise } from './stats'

/** Page-side times of one remote batch (ms since the page's navigation start). */
export interface BatchTimes {
  firstArrivedAt?: number
  appliedAt?: number
  listenerAt?: number
  frameAt?: number
  paintedAt?: number
  messages?: number
  bytes?: number
  timedOut?: boolean
}

export interface BatchSample extends BatchTimes {
  /** From the websocket message arriving to the store holding all new positions. */
  applyMs?: number
  /** From the message to tldraw's listeners (the editor's reactive state) hearing of it. */
  listenerMs?: number
  /** From the message to the end of the next frame (the moved shapes painted). */
  paintedMs?: number
  /** From the Node client's store.put to the page's store holding them (wall clock). */
  endToEndMs?: number
  loadAverage: string
}

export interface BatchResult {
  /** Self time per function while one extra (uncounted) batch was applied. */
  hottestFunctions?: TimeShare[]
  movedShapes: number
  warmup: number
  batches: number
  summary: Record<'applyMs' | 'listenerMs' | 'paintedMs' | 'endToEndMs' | 'bytes', Summary>
  samples: BatchSample[]
  /**
   * The same move handed straight to the page's tldraw store as a remote change (no Yjs, no
   * binding), until React has rendered it: what tldraw itself needs, for comparison.
   */
  tldrawAloneMs: Summary
}

/**
 * Moves the shapes in the page's own store as tldraw's remote change, records built from the
 * current ones (as the binding hands them over: unchanged parts kept), and times it up to
 * React's render of it. Only the page's store changes; later batches overwrite it.
 */
async function tldrawAlone(page: Page, ids: string[], offset: number): Promise<number> {
  return (await page.evaluate(`(async () => {
    const store = window.__stip.editor.store;
    const moved = ${JSON.stringify(ids)}.map((id) => {
      const shape = store.get(id);
      return { ...shape, x: shape.x + ${offset} };
    });
    const started = performance.now();
    store.mergeRemoteChanges(() => store.put(moved));
    await null; // React renders the change in a microtask queued before this one resumes
    return performance.now() - started;
  })()`)) as number
}

async function oneBatch(
  page: Page,
  board: SeededBoard,
  moved: Array<Record<string, unknown> & { id: string; x: unknown }>,
  offset: number,
): Promise<BatchSample> {
  const next = moved.map((shape) => ({ ...shape, x: (shape.x as number) + offset }))
  await page.evaluate(
    `window.__bench.armBatch(${JSON.stringify(next.map((s) => s.id))}, ${JSON.stringify(next.map((s) => s.x))})`,
  )
  const pageOrigin = (await page.evaluate('window.__bench.timeOrigin')) as number
  const putAt = performance.timeOrigin + performance.now()
  board.writer.put(next)
  const t = (await page.evaluate('window.__bench.batchDone(10000)')) as BatchTimes
  const since = (at?: number) =>
    at !== undefined && t.firstArrivedAt !== undefined ? at - t.firstArrivedAt : undefined
  return {
    ...t,
    applyMs: since(t.appliedAt),
    listenerMs: since(t.listenerAt),
    paintedMs: since(t.paintedAt),
    endToEndMs: t.appliedAt === undefined ? undefined : pageOrigin + t.appliedAt - putAt,
    loadAverage: await loadAverage(),
  }
}

/**
 * With a page joined to the seeded board, the Node participant moves `count` shapes in one
 * store.put (the binding writes one transaction); the page probe times the arrival and apply.
 */
export async function runRemoteBatchBenchmark(
  browser: Browser,
  board: SeededBoard,
  count: number,
  batches: number,
  warmup: number,
): Promise<BatchResult> {
  const opened = await openBoardPage(browser, board.editorLink, board.shapes.length)
  try {
    await waitForMark(opened.page, 'selectedByPointer', LOAD_TIMEOUT_MS)
    // The click selected a shape; an empty selection keeps selection UI out of the frames.
    await opened.page.keyboard.press('Escape')
    const moved = board.shapes.slice(0, count) as Array<
      Record<string, unknown> & { id: string; x: unknown }
    >
    const samples: BatchSample[] = []
    for (let i = 0; i < warmup + batches; i++) {
      const sample = await oneBatch(opened.page, board, moved, (i + 1) * 7)
      if (sample.timedOut)
        throw new Error(`batch ${i} never fully arrived: ${JSON.stringify(sample)}`)
      if (i >= warmup) samples.push(sample)
    }
    const alone: number[] = []
    for (let i = 0; i < warmup + batches; i++) {
      const ms = await tldrawAlone(
        opened.page,
        moved.map((shape) => shape.id),
        3,
      )
      if (i >= warmup) alone.push(ms)
    }
    // One more batch under the sampling profiler, to see where the time goes.
    const cdp = await opened.context.newCDPSession(opened.page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
    await cdp.send('Profiler.start')
    await oneBatch(opened.page, board, moved, 1000)
    const { profile } = await cdp.send('Profiler.stop')
    const pick = (key: keyof BatchSample) =>
      summarise(samples.map((s) => s[key] as number | undefined))
    return {
      hottestFunctions: hottestFunctions(
        profile as unknown as Parameters<typeof hottestFunctions>[0],
        20,
      ),
      movedShapes: count,
      warmup,
      batches,
      summary: {
        applyMs: pick('applyMs'),
        listenerMs: pick('listenerMs'),
        paintedMs: pick('paintedMs'),
        endToEndMs: pick('endToEndMs'),
        bytes: pick('bytes'),
      },
      samples,
      tldrawAloneMs: summarise(alone),
    }
  } finally {
    await opened.context.close()
  }
}
