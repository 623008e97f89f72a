/**
 * Re-renders a benchmark result's Markdown (and its targets) from its JSON, e.g. after the
 * report's layout changed:  node_modules/.bin/tsx test/bench/render-report.ts bench-results/sync-<time>.json
 * Writes <same name>.md beside it and prints it.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { type BenchReport, checkTargets, formatReport } from './report'

for (const path of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(path, 'utf8')) as BenchReport
  report.targets = checkTargets(report)
  const markdown = formatReport(report)
  writeFileSync(path.replace(/\.json$/, '.md'), markdown)
  process.stdout.write(markdown)
}
