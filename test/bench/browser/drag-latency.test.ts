import { describe, expect, it } from 'vitest'
import { type DragTrace, dragLatencies } from './drag-latency'

/** A drag to the right from clientX 100 of a shape at x 500, zoom 1. */
function trace(parts: Partial<DragTrace>): DragTrace {
  return {
    moves: [],
    seenA: [],
    seenB: [],
    sentA: [],
    downX: 100,
    startShapeX: 500,
    zoom: 1,
    direction: 1,
    ...parts,
  }
}

describe('dragLatencies', () => {
  it('times each move from the one that started the drag to A store, A socket, B socket and B store', () => {
    const result = dragLatencies(
      trace({
        // The first move is within tldraw's drag threshold: the second starts the drag.
        moves: [
          [1000, 102],
          [1016, 110],
          [1032, 114],
        ],
        seenA: [
          [1020, 510],
          [1036, 514],
        ],
        sentA: [1021, 1037],
        // B skips 510 (superseded) and gets 514 at 1060: both moves count as seen then.
        seenB: [[1060, 514]],
        // Its socket had the first change at 1045 and the one it showed at 1058.
        receivedB: [1045, 1058],
      }),
    )
    expect(result.localMs).toEqual([4, 4])
    expect(result.sendMs).toEqual([5, 5])
    expect(result.remoteMs).toEqual([44, 28])
    expect(result.receiveMs).toEqual([42, 26])
    expect(result.missing).toBe(0)
    expect(result.failed).toBe(false)
  })

  it('counts a position that never reached B, and a drag that never moved the note', () => {
    const moves: Array<[number, number]> = [
      [1000, 110],
      [1016, 120],
    ]
    const result = dragLatencies(
      trace({
        moves,
        seenA: [
          [1005, 510],
          [1020, 520],
        ],
        seenB: [[1030, 510]],
      }),
    )
    expect(result.remoteMs).toEqual([30])
    expect(result.missing).toBe(1)
    expect(dragLatencies(trace({ moves })).failed).toBe(true)
  })

  it('follows a drag to the left as well', () => {
    const result = dragLatencies(
      trace({
        direction: -1,
        moves: [[1000, 90]],
        seenA: [[1010, 490]],
        seenB: [[1040, 489]],
      }),
    )
    expect(result.remoteMs).toEqual([40])
  })
})
