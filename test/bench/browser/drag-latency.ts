import { setTimeout as sleep } from 'node:timers/promises'
import type { Page } from 'playwright-core'

/** One drag's raw times (epoch ms) from both pages. */
export interface DragTrace {
  /** Page A's pointermoves during the drag: [time, clientX]. */
  moves: Array<[number, number]>
  /** Page A's store: [time, x] of the dragged shape. */
  seenA: Array<[number, number]>
  /** Page B's store: [time, x] of the dragged shape. */
  seenB: Array<[number, number]>
  /** Page A's websocket sends of a document change (times). Absent in older traces. */
  sentA?: number[]
  /** Page B's websocket arrivals of a document change (times). Absent in older traces. */
  receivedB?: number[]
  downX: number
  startShapeX: number
  zoom: number
  direction: 1 | -1
}

export interface DragOptions {
  shapeId: string
  /** Pointer moves per drag (one per `intervalMs`, like a 60 Hz mouse). */
  steps: number
  stepPx: number
  intervalMs: number
  direction: 1 | -1
}

/**
 * Person A drags the shape with the real pointer (CDP input events, so tldraw sees ordinary
 * trusted pointerdown/move/up); both pages record what they see.
 */
export async function dragOnce(a: Page, b: Page, options: DragOptions): Promise<DragTrace> {
  const id = JSON.stringify(options.shapeId)
  const target = (await a.evaluate(`window.__drag.target(${id})`)) as {
    x: number
    y: number
    zoom: number
    shapeX: number
  }
  await a.evaluate('window.__drag.clear()')
  await b.evaluate('window.__drag.clear()')
  // Raw CDP input, sent on a fixed 60 Hz clock without waiting for each event to be handled:
  // a real mouse does not wait for the page either (Playwright's mouse.move would).
  const cdp = await a.context().newCDPSession(a)
  const input = (
    type: 'mouseMoved' | 'mousePressed' | 'mouseReleased',
    x: number,
    extra: Record<string, unknown> = {},
  ) =>
    cdp.send('Input.dispatchMouseEvent', {
      type,
      x,
      y: target.y,
      button: 'left',
      buttons: type === 'mouseReleased' ? 0 : 1,
      ...extra,
    })
  await input('mouseMoved', target.x, { buttons: 0 })
  await input('mousePressed', target.x, { clickCount: 1 })
  const started = performance.now()
  const sent: Promise<unknown>[] = []
  let x = target.x
  for (let i = 1; i <= options.steps; i++) {
    const wait = started + i * options.intervalMs - performance.now()
    if (wait > 0) await sleep(wait)
    x = target.x + options.direction * i * options.stepPx
    sent.push(input('mouseMoved', x))
  }
  await Promise.all(sent)
  await input('mouseReleased', x, { clickCount: 1 })
  await cdp.detach()
  // Stragglers: the last position must reach B.
  await sleep(1000)
  const fromA = (await a.evaluate('window.__drag.take()')) as {
    moves: Array<[number, number]>
    seen: Array<[number, number]>
    sent: number[]
  }
  const fromB = (await b.evaluate('window.__drag.take()')) as {
    seen: Array<[number, number]>
    received: number[]
  }
  return {
    moves: fromA.moves,
    seenA: fromA.seen,
    seenB: fromB.seen,
    sentA: fromA.sent,
    receivedB: fromB.received,
    downX: target.x,
    startShapeX: target.shapeX,
    zoom: target.zoom,
    direction: options.direction,
  }
}

export interface DragLatencies {
  /** A's pointermove -> B's store holds that position (or one further along), ms. */
  remoteMs: number[]
  /** A's pointermove -> A's own store holds it (the editor's own frame), ms. */
  localMs: number[]
  /** A's pointermove -> A's socket sends a document change after A's store held it, ms. */
  sendMs: number[]
  /** A's pointermove -> B's socket received the change that B's store then showed, ms. */
  receiveMs: number[]
  /** Pointermoves whose position never reached B (should be 0). */
  missing: number
  /** The drag never moved the note on A (the press missed it): no samples from it. */
  failed: boolean
}

/**
 * For each pointermove after the drag began, the position it asks for is the shape's start x
 * plus the pointer's travel divided by the zoom (tldraw translates by the pointer delta; no
 * snapping without a modifier key). Its latency is the time until the store first holds that
 * x or beyond it in the drag's direction: a position superseded before it was sent still
 * counts as seen when a later one arrives, as a person watching would see it.
 */
export function dragLatencies(trace: DragTrace): DragLatencies {
  const tolerance = 0.5 / trace.zoom
  const reached = (x: number, wanted: number) =>
    trace.direction > 0 ? x >= wanted - tolerance : x <= wanted + tolerance
  const remoteMs: number[] = []
  const localMs: number[] = []
  const sendMs: number[] = []
  const receiveMs: number[] = []
  let missing = 0
  if (trace.seenA.length === 0) {
    return { remoteMs, localMs, sendMs, receiveMs, missing, failed: true }
  }
  // tldraw starts a translation only past its drag threshold: the moves before the one that
  // started it (the last move before A's first change) are the threshold, not latency.
  const firstChangeAt = trace.seenA[0]?.[0] ?? Number.POSITIVE_INFINITY
  const trigger = trace.moves.filter(([t]) => t < firstChangeAt).at(-1)
  const dragging = trace.moves.filter(([t]) => t >= (trigger?.[0] ?? Number.NEGATIVE_INFINITY))
  for (const [t, clientX] of dragging) {
    const wanted = trace.startShapeX + (clientX - trace.downX) / trace.zoom
    const local = trace.seenA.find(([at, x]) => at >= t && reached(x, wanted))
    const remote = trace.seenB.find(([at, x]) => at >= t && reached(x, wanted))
    if (local !== undefined) {
      localMs.push(local[0] - t)
      const sent = trace.sentA?.find((at) => at >= local[0])
      if (sent !== undefined) sendMs.push(sent - t)
    }
    if (remote === undefined) missing++
    else {
      remoteMs.push(remote[0] - t)
      // The change B's store showed came in the last message before it.
      const arrived = trace.receivedB?.filter((at) => at >= t && at <= remote[0]).at(-1)
      if (arrived !== undefined) receiveMs.push(arrived - t)
    }
  }
  return { remoteMs, localMs, sendMs, receiveMs, missing, failed: false }
}
