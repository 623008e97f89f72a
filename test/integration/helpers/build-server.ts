import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/**
 * Vitest global setup of the integration tests: builds the server (server/dist) once before
 * they run, so the processes they start run the current sources' production build and never a
 * stale one.
 */
export default function buildServer(): void {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build-server.mjs')], {
    cwd: repoRoot,
    encoding: 'utf8',
  })
  if (result.status !== 0) {
    throw new Error(`building the server failed:\n${result.stdout}\n${result.stderr}`)
  }
}
