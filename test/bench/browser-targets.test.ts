import { describe, expect, it } from 'vitest'
import {
  type BoardBrowserFigures,
  browserTargets,
  type DragFigures,
  formatBrowserSummary,
} from './browser-targets'

const figure = (median: number, p95 = median * 2, n = 5) => ({ n, median, p95 })

function board(interactive2000: number, interactive5000: number, batch: number) {
  return {
    boards: [
      { shapes: 2000, runs: 5, interactive: figure(interactive2000) },
      { shapes: 5000, runs: 5, interactive: figure(interactive5000) },
    ],
    remoteBatch: {
      movedShapes: 500,
      boardShapes: 2000,
      apply: figure(batch, batch * 2, 20),
      tldrawAlone: figure(30, 40, 20),
    },
  } satisfies BoardBrowserFigures
}

function drag(stip: number, tldraw: number, missing = 0) {
  const side = (p50: number, missingPositions: number) => ({
    remoteMs: figure(p50, p50 * 3, 300),
    missingPositions,
    failedDrags: 0,
  })
  return { results: { stip: side(stip, missing), tldraw: side(tldraw, 0) } } satisfies DragFigures
}

const verdicts = (checks: ReturnType<typeof browserTargets>) =>
  Object.fromEntries(checks.map((c) => [c.target, c.met]))

describe('browser targets of issue 19', () => {
  it('holds each board size to its own limit, the batch to 50 ms (medians)', () => {
    expect(verdicts(browserTargets(board(1499, 2999, 49.9), null))).toEqual({
      'browser: 2,000-shape board interactive < 1.5 s (median)': true,
      'browser: 5,000-shape board interactive < 3 s (median)': true,
      'browser: remote batch of 500 moved shapes < 50 ms (median)': true,
    })
    expect(verdicts(browserTargets(board(1500, 3000, 50), null))).toEqual({
      'browser: 2,000-shape board interactive < 1.5 s (median)': false,
      'browser: 5,000-shape board interactive < 3 s (median)': false,
      'browser: remote batch of 500 moved shapes < 50 ms (median)': false,
    })
  })

  it('compares the drag p50 with half of tldraw sync and flags lost positions', () => {
    const met = browserTargets(null, drag(50, 100))
    expect(met.map((c) => c.met)).toEqual([true, true])
    expect(met[0]?.detail).toContain('0.50x')
    const missed = browserTargets(null, drag(51, 100, 2))
    expect(missed.map((c) => c.met)).toEqual([false, false])
    expect(missed[1]?.detail).toContain('missing positions 2')
  })

  it('says "not measured" (null) rather than met when a side has no samples', () => {
    const empty = drag(50, 100)
    empty.results.tldraw.remoteMs.n = 0
    expect(browserTargets(null, empty)[0]?.met).toBeNull()
    const noLoads = board(1000, 2000, 10)
    noLoads.boards[1] = { shapes: 5000, runs: 5, interactive: figure(Number.NaN, Number.NaN, 0) }
    expect(browserTargets(noLoads, null)[1]?.met).toBeNull()
  })

  it('summarises Stip beside tldraw with ratios and bold non-zero counters', () => {
    const lines = formatBrowserSummary(board(1400, 2800, 40), drag(60, 120, 3))
    expect(lines).toContain(
      '| 5,000-shape board, 5 cold loads | interactive p50 / p95 ms | 2800 / 5600 | - | - |',
    )
    expect(lines.find((l) => l.includes('remote batch'))).toMatch(
      /\| 40 \/ 80 \| 30 \/ 40 \| 1\.33 \|$/,
    )
    expect(lines.find((l) => l.includes('A pointer move'))).toMatch(/\| 60 \| 120 \| 0\.50 \|$/)
    expect(lines.find((l) => l.includes('never reached'))).toContain('**3 (!)** / 0')
    expect(formatBrowserSummary(null, null)).toEqual([])
  })
})
