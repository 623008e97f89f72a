import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { loadAverage } from './stats'

const ROOT = new URL('../../../', import.meta.url).pathname

export interface NodeInitialLoad {
  records: number
  updateBytes: number
  runs: number
  medianApplyUpdateMs: number
  medianBindMs: number
  medianTotalMs: number
  loadAverageBefore: string
  loadAverageAfter: string
}

/**
 * Re-runs packages/board's own initial-load bench (5,000 records, Y.applyUpdate + bind) in a
 * child process, as it is meant to run, and reads the JSON it writes.
 */
export async function runNodeInitialLoad(): Promise<NodeInitialLoad> {
  const loadAverageBefore = await loadAverage()
  await promisify(execFile)(
    `${ROOT}node_modules/.bin/tsx`,
    ['packages/board/bench/initial-load.bench.ts'],
    { cwd: ROOT, timeout: 300_000 },
  )
  const loadAverageAfter = await loadAverage()
  const result = JSON.parse(
    await readFile(`${ROOT}bench-results/board-initial-load.json`, 'utf8'),
  ) as NodeInitialLoad
  const { records, updateBytes, runs, medianApplyUpdateMs, medianBindMs, medianTotalMs } = result
  const round = (v: number) => Math.round(v * 10) / 10
  return {
    records,
    updateBytes,
    runs,
    medianApplyUpdateMs: round(medianApplyUpdateMs),
    medianBindMs: round(medianBindMs),
    medianTotalMs: round(medianTotalMs),
    loadAverageBefore,
    loadAverageAfter,
  }
}
