/**
 * Memory of one Stip process, as run from the sources (tsx) or from the production build
 * (`node server/dist/main.js`): resident memory idle, then with one room of N clients each
 * editing twice a second, then idle again after they left. For docs/deploy.md.
 *
 *   npx tsx test/bench/production-memory.ts --entry dist --clients 20 --seconds 30
 *   npx tsx test/bench/production-memory.ts --entry tsx
 *   npx tsx test/bench/production-memory.ts --entry path/to/main.js   (any built entry)
 *   npx tsx test/bench/production-memory.ts --node-flags=--max-semi-space-size=2
 *
 * Prints one JSON line. RSS is read from /proc/PID/status (VmRSS now, VmHWM peak).
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createBoard } from '../integration/helpers/boards'
import type { Cleanup } from '../integration/helpers/cleanup'
import { type BoardClient, connectClient } from '../integration/helpers/clients'
import { sleep, waitFor } from '../integration/helpers/wait-for'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

const { values } = parseArgs({
  options: {
    entry: { type: 'string', default: 'dist' },
    clients: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '30' },
    'idle-seconds': { type: 'string', default: '10' },
    /** Flags for the server's node, space-separated. */
    'node-flags': { type: 'string', default: '' },
  },
})
const clientCount = Number(values.clients)
const loadSeconds = Number(values.seconds)
const idleSeconds = Number(values['idle-seconds'])

function serverArgs(entry: string): string[] {
  if (entry === 'tsx') return ['--import', 'tsx', 'server/src/main.ts']
  if (entry === 'dist') return ['server/dist/main.js']
  return [path.resolve(entry)]
}

async function memoryOf(pid: number): Promise<{ rssMiB: number; peakMiB: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1])
  return { rssMiB: round(kib('VmRSS') / 1024), peakMiB: round(kib('VmHWM') / 1024) }
}

const round = (n: number) => Math.round(n * 10) / 10

// Every y-websocket provider adds an exit listener to the process; 20 of them are expected.
process.setMaxListeners(0)
const steps: Array<() => unknown> = []
const cleanup: Cleanup = { add: (step) => steps.push(step) }
const dataDir = await mkdtemp(path.join(tmpdir(), 'stip-memory-'))
const started = performance.now()
const nodeFlags = values['node-flags'].split(' ').filter((flag) => flag !== '')
const child = spawn(process.execPath, [...nodeFlags, ...serverArgs(values.entry)], {
  cwd: repoRoot,
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
  stdio: ['ignore', 'pipe', 'inherit'],
})
try {
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)))
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /"port":(\d+).*"msg":"listening"/.exec(chunk.toString())
      if (match) resolve(Number(match[1]))
    })
  })
  const startupMs = Math.round(performance.now() - started)
  const url = `http://127.0.0.1:${port}`
  const pid = child.pid as number

  await sleep(idleSeconds * 1000)
  const idle = await memoryOf(pid)

  const board = await createBoard(url)
  const clients: BoardClient[] = []
  for (let n = 0; n < clientCount; n++) {
    clients.push(
      await connectClient(cleanup, `${url.replace('http', 'ws')}/ws`, board.id, {
        token: board.tokens.editor,
      }),
    )
  }
  let edits = 0
  const timers = clients.map((client, n) =>
    setInterval(() => {
      client.map.set(`note-${n}-${edits % 50}`, {
        text: `tekst ${edits++}`.padEnd(100, '.'),
        x: n,
        y: edits,
      })
    }, 500),
  )
  let loadPeak = 0
  for (let second = 0; second < loadSeconds; second++) {
    await sleep(1000)
    loadPeak = Math.max(loadPeak, (await memoryOf(pid)).rssMiB)
  }
  for (const timer of timers) clearInterval(timer)
  // Every client holds every edit once the last ones have gone round.
  const expected = new Set(clients.flatMap((client) => [...client.map.keys()])).size
  await waitFor(() => clients.every((client) => client.map.size === expected), {
    timeoutMs: 10_000,
    what: 'every edit at every client',
  })
  const underLoad = await memoryOf(pid)
  for (const client of clients) client.destroy()
  await sleep(idleSeconds * 1000)
  const after = await memoryOf(pid)

  process.stdout.write(
    `${JSON.stringify({
      entry: values.entry,
      nodeFlags,
      node: process.version,
      startupMs,
      idleRssMiB: idle.rssMiB,
      loadMaxRssMiB: loadPeak,
      loadEndRssMiB: underLoad.rssMiB,
      peakRssMiB: underLoad.peakMiB,
      afterRssMiB: after.rssMiB,
      clients: clientCount,
      edits,
    })}\n`,
  )
} finally {
  for (const step of steps.reverse()) await step()
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  await rm(dataDir, { recursive: true, force: true })
}
