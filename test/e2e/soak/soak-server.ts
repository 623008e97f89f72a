import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CLIENT_DIST, startTestServer } from '../helpers/test-server'

/** The Stip server a soak plays against: its URL, memory, and a restart that flushes it. */
export interface SoakServer {
  readonly url: string
  /** Resident memory of the server process, from its /metrics. */
  rssBytes(): Promise<number>
  /** Stops the server (writing every room to the store) and starts it again on the same data. */
  restart(): Promise<void>
  close(): Promise<void>
}

async function rssFromMetrics(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text()
  const match = /^stip_process_resident_memory_bytes (\d+)/m.exec(text)
  if (!match) throw new Error('no stip_process_resident_memory_bytes in /metrics')
  return Number(match[1])
}

/** In the test process itself (the suite's short soak): RSS then includes the test's own. */
export async function inProcessServer(): Promise<SoakServer> {
  const server = await startTestServer()
  return {
    get url() {
      return server.server.url
    },
    rssBytes: () => rssFromMetrics(server.server.url),
    restart: async () => {
      await server.restart()
    },
    close: () => server.close(),
  }
}

const SERVER_MAIN = new URL('../../../server/dist/main.js', import.meta.url).pathname

/** The built server in a process of its own (`pnpm soak`), so its memory is its own. */
export async function spawnedServer(): Promise<SoakServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'stip-soak-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  let child: ChildProcess | null = null
  const start = async () => {
    child = spawn(process.execPath, [SERVER_MAIN], {
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        CLIENT_DIR: CLIENT_DIST,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    await waitForHealth(url)
  }
  const stop = async () => {
    if (!child || child.exitCode !== null) return
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    await exited
  }
  await start()
  return {
    url,
    rssBytes: () => rssFromMetrics(url),
    restart: async () => {
      await stop()
      await start()
    },
    close: async () => {
      await stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`the server at ${url} never became healthy`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
