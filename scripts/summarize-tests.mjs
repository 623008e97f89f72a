// Prints the one line CI reads, `N passed, N failed`, from vitest's JSON report.
import fs from 'node:fs'

const [reportPath, exitCode] = process.argv.slice(2)
let passed = 0
let failed = 0
let skipped = 0
if (fs.existsSync(reportPath)) {
  const report = JSON.parse(fs.readFileSync(reportPath, 'utf8'))
  passed = report.numPassedTests
  failed = report.numFailedTests
  skipped = report.numPendingTests + report.numTodoTests
  // A suite that failed to load has no failed tests of its own: count it.
  failed += report.testResults.filter(
    (r) => r.status === 'failed' && r.assertionResults.length === 0,
  ).length
}
if (Number(exitCode) !== 0 && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
