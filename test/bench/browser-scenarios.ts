/**
 * `pnpm bench`'s browser scenarios: builds the client once, then runs each browser benchmark
 * as its own process (each starts its own servers and Chromium and exits when done) and
 * reads back the figures it wrote to bench-results/.
 */
import { spawn } from 'node:child_process'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { BoardBrowserFigures, DragFigures } from './browser-targets'

interface Options {
  board: boolean
  drag: boolean
  quick: boolean
  /** Also write the profiled board load's CPU profile to bench-results/profiles/. */
  cpuProf: boolean
  repoRoot: string
  log: (message: string) => void
  failed: (what: string, error: unknown) => void
}

export async function runBrowserScenarios(
  options: Options,
): Promise<{ board: BoardBrowserFigures | null; drag: DragFigures | null }> {
  const { repoRoot, log, failed } = options
  const bin = (name: string) => path.join(repoRoot, 'node_modules/.bin', name)
  const results = path.join(repoRoot, 'bench-results')
  const quick = options.quick ? ['--quick'] : []
  const outcome: { board: BoardBrowserFigures | null; drag: DragFigures | null } = {
    board: null,
    drag: null,
  }
  try {
    // The benchmarks measure the production client; a stale build would measure old code.
    log('building the client (vite build) for the browser scenarios')
    await run(bin('vite'), ['build', '--logLevel', 'warn'], repoRoot)
  } catch (error) {
    failed('client build for the browser scenarios', error)
    return outcome
  }
  if (options.board) {
    log('board: 2,000- and 5,000-shape boards in Chromium, remote batch of 500 (browser/run.ts)')
    outcome.board = await runAndRead(
      [
        bin('tsx'),
        'test/bench/browser/run.ts',
        ...quick,
        ...(options.cpuProf ? ['--cpu-prof'] : []),
      ],
      path.join(results, 'board-browser-latest.json'),
      (json) => (json as { figures: BoardBrowserFigures }).figures,
    )
  }
  if (options.drag) {
    log('drag: A drags a note, B sees it, Stip and tldraw sync in Chromium (browser/drag-run.ts)')
    // --build: the tldraw page is rebuilt too, so it always matches the installed tldraw.
    outcome.drag = await runAndRead(
      [bin('tsx'), 'test/bench/browser/drag-run.ts', '--build', ...quick],
      path.join(results, 'drag-latest.json'),
      (json) => ({ results: (json as DragFigures).results }),
    )
  }
  return outcome

  async function runAndRead<T>(
    [command, ...args]: string[],
    file: string,
    pick: (json: unknown) => T,
  ): Promise<T | null> {
    const startedAt = Date.now()
    try {
      await run(command as string, args, repoRoot)
      // Only a file this run wrote: an older "latest" must not pass for today's figures.
      if ((await stat(file)).mtimeMs < startedAt) throw new Error(`${file} was not rewritten`)
      return pick(JSON.parse(await readFile(file, 'utf8')))
    } catch (error) {
      failed(path.basename(args[0] ?? (command as string)), error)
      return null
    }
  }
}

/** Runs a command with its output on our stderr (stdout stays the report's). */
function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 2, 2] })
    const forward = () => child.kill('SIGTERM')
    process.once('exit', forward)
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      process.off('exit', forward)
      if (code === 0) resolve()
      else
        reject(
          new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code ?? signal}`),
        )
    })
  })
}
