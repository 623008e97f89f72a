/**
 * Issue 19's browser targets (5 and 6), checked from the two browser benchmarks' JSON
 * (`browser/run.ts` -> board-browser-latest.json, `browser/drag-run.ts` -> drag-latest.json),
 * and their lines in `pnpm bench`'s summary.
 */
import type { TargetCheck } from './report'

/** Interactive-time limits (median, ms) by board size. */
export const INTERACTIVE_LIMIT_MS: Readonly<Record<number, number>> = { 2000: 1500, 5000: 3000 }
export const REMOTE_BATCH_LIMIT_MS = 50
/** Stip's drag p50 may be at most this share of tldraw sync's. */
export const DRAG_RATIO_LIMIT = 0.5

interface Figure {
  n: number
  median: number
  p95: number
}

/** What `pnpm bench` reads from board-browser-latest.json. */
export interface BoardBrowserFigures {
  boards: Array<{ shapes: number; runs: number; interactive: Figure }>
  remoteBatch: { movedShapes: number; boardShapes: number; apply: Figure; tldrawAlone: Figure }
}

/** What `pnpm bench` reads from drag-latest.json. */
export interface DragFigures {
  results: Record<
    'stip' | 'tldraw',
    {
      remoteMs: Figure
      /** A's pointer move -> A's socket sends the change (absent in older results). */
      sendMs?: Figure
      missingPositions: number
      failedDrags: number
    }
  >
}

const fmt = (ms: number) => (Number.isFinite(ms) ? String(Math.round(ms * 10) / 10) : '-')

export function browserTargets(
  board: BoardBrowserFigures | null,
  drag: DragFigures | null,
): TargetCheck[] {
  const checks: TargetCheck[] = []
  if (board) {
    for (const { shapes, interactive } of board.boards) {
      const limit = INTERACTIVE_LIMIT_MS[shapes]
      if (limit === undefined) continue
      checks.push({
        target: `browser: ${shapes.toLocaleString('en')}-shape board interactive < ${limit / 1000} s (median)`,
        met: interactive.n === 0 ? null : interactive.median < limit,
        detail: `median ${fmt(interactive.median)} ms, p95 ${fmt(interactive.p95)} ms over ${interactive.n} cold loads`,
      })
    }
    const { apply, tldrawAlone, movedShapes } = board.remoteBatch
    checks.push({
      target: `browser: remote batch of ${movedShapes} moved shapes < ${REMOTE_BATCH_LIMIT_MS} ms (median)`,
      met: apply.n === 0 ? null : apply.median < REMOTE_BATCH_LIMIT_MS,
      detail: `median ${fmt(apply.median)} ms, p95 ${fmt(apply.p95)} ms over ${apply.n} batches; tldraw alone ${fmt(tldrawAlone.median)} ms`,
    })
  }
  if (drag) {
    const { stip, tldraw } = drag.results
    const measured = stip.remoteMs.n > 0 && tldraw.remoteMs.n > 0 && tldraw.remoteMs.median > 0
    const ratio = measured ? stip.remoteMs.median / tldraw.remoteMs.median : null
    checks.push({
      target: `browser to browser: Stip drag p50 <= ${DRAG_RATIO_LIMIT}x tldraw sync p50`,
      met: ratio === null ? null : ratio <= DRAG_RATIO_LIMIT,
      detail:
        `stip p50 ${fmt(stip.remoteMs.median)} / p95 ${fmt(stip.remoteMs.p95)} ms, ` +
        `tldraw sync p50 ${fmt(tldraw.remoteMs.median)} / p95 ${fmt(tldraw.remoteMs.p95)} ms` +
        (ratio === null ? '' : `: ${ratio.toFixed(2)}x`),
    })
    checks.push({
      target: 'browser to browser: every drag position reached person B (Stip)',
      met: stip.remoteMs.n === 0 ? null : stip.missingPositions === 0 && stip.failedDrags === 0,
      detail: `missing positions ${stip.missingPositions}, failed drags ${stip.failedDrags} (tldraw sync: ${tldraw.missingPositions}, ${tldraw.failedDrags})`,
    })
  }
  return checks
}

/** The browser lines of the summary: one table, Stip beside tldraw where both exist. */
export function formatBrowserSummary(
  board: BoardBrowserFigures | null,
  drag: DragFigures | null,
): string[] {
  if (!board && !drag) return []
  const lines = [
    '### Browser (Chromium; medians unless named)',
    '',
    '| scenario | figure | Stip | tldraw | Stip / tldraw |',
    '|---|---|---:|---:|---:|',
  ]
  const ratio = (a: number, b: number) =>
    Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : '-'
  if (board) {
    for (const { shapes, runs, interactive } of board.boards) {
      lines.push(
        `| ${shapes.toLocaleString('en')}-shape board, ${runs} cold loads | interactive p50 / p95 ms | ${fmt(interactive.median)} / ${fmt(interactive.p95)} | - | - |`,
      )
    }
    const { apply, tldrawAlone, movedShapes, boardShapes } = board.remoteBatch
    lines.push(
      `| remote batch of ${movedShapes} moved (${boardShapes.toLocaleString('en')}-shape board), ${apply.n} batches | message -> store p50 / p95 ms (tldraw: its store alone) | ${fmt(apply.median)} / ${fmt(apply.p95)} | ${fmt(tldrawAlone.median)} / ${fmt(tldrawAlone.p95)} | ${ratio(apply.median, tldrawAlone.median)} |`,
    )
  }
  if (drag) {
    const { stip, tldraw } = drag.results
    lines.push(
      `| A drags a note, B sees it (vs tldraw sync), ${stip.remoteMs.n} / ${tldraw.remoteMs.n} moves | A pointer move -> B store p50 ms | ${fmt(stip.remoteMs.median)} | ${fmt(tldraw.remoteMs.median)} | ${ratio(stip.remoteMs.median, tldraw.remoteMs.median)} |`,
      `| | same, p95 ms | ${fmt(stip.remoteMs.p95)} | ${fmt(tldraw.remoteMs.p95)} | ${ratio(stip.remoteMs.p95, tldraw.remoteMs.p95)} |`,
      `| | A pointer move -> A socket sends it, p50 ms | ${fmt(stip.sendMs?.median ?? NaN)} | ${fmt(tldraw.sendMs?.median ?? NaN)} | ${ratio(stip.sendMs?.median ?? NaN, tldraw.sendMs?.median ?? NaN)} |`,
      `| | positions that never reached B / drags that missed | ${counter(stip.missingPositions)} / ${counter(stip.failedDrags)} | ${counter(tldraw.missingPositions)} / ${counter(tldraw.failedDrags)} | - |`,
    )
  }
  return lines
}

function counter(value: number): string {
  return value === 0 ? '0' : `**${value} (!)**`
}
