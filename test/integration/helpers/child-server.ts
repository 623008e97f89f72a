import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Cleanup } from './cleanup'
import { wsBaseOf } from './test-server'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
/** The production build of the server (scripts/build-server.mjs; built before the integration tests). */
export const BUILT_SERVER_ENTRY = path.join(repoRoot, 'server/dist/main.js')
const START_TIMEOUT_MS = 45_000

export interface ChildServer {
  child: ChildProcess
  port: number
  url: string
  wsBase: string
  /** Resolves with the exit code and signal once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Every JSON line the process wrote to stdout so far (its log), parsed. */
  logLines(): Array<Record<string, unknown>>
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

export interface ChildServerOptions {
  /** The entry to run with `node` (default: the repository's built server). */
  entry?: string
  /** Working directory of the process (default: the repository root). */
  cwd?: string
}

/**
 * Runs the production build of the server (`node server/dist/main.js`, as `npm start` and the
 * container image do) in its own process, configured through the environment only, and waits
 * for its "listening" log line.
 */
export async function spawnChildServer(
  cleanup: Cleanup,
  dataDir: string,
  env: Record<string, string> = {},
  { entry = BUILT_SERVER_ENTRY, cwd = repoRoot }: ChildServerOptions = {},
): Promise<ChildServer> {
  const child = spawn(process.execPath, [entry], {
    cwd,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    return exited
  }
  cleanup.add(() => kill('SIGKILL'))

  const output: string[] = []
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${output.join('')}`)),
      START_TIMEOUT_MS,
    )
    let pending = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString()
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        output.push(line)
        const entry = parseJson(line)
        if (entry?.msg === 'listening' && typeof entry.port === 'number') {
          clearTimeout(timer)
          resolve(entry.port)
        }
      }
    })
    void exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${output.join('\n')}`))
    })
  })
  const url = `http://127.0.0.1:${port}`
  const logLines = () =>
    output.map(parseJson).filter((line): line is Record<string, unknown> => line !== null)
  return { child, port, url, wsBase: wsBaseOf(url), exited, kill, logLines }
}

function parseJson(line: string): Record<string, unknown> | null {
  try {
    return JSON.parse(line) as Record<string, unknown>
  } catch {
    return null
  }
}
