import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WS_PATH } from '@stip/protocol'
import { type Config, type StipServer, startServer } from '@stip/server'
import type { Cleanup } from './cleanup'

/** A temporary data directory, removed after the test. */
export async function tempDataDir(cleanup: Cleanup): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'stip-it-'))
  cleanup.add(() => rm(dir, { recursive: true, force: true }))
  return dir
}

export interface InProcessServer {
  readonly server: StipServer
  readonly url: string
  /** Base for `new WebsocketProvider(wsBase, boardId, doc)`: ws://host:port/ws */
  readonly wsBase: string
  readonly dataDir: string
  /** Closes the server (it flushes every room) and starts a new one on the same port and data dir. */
  restart(): Promise<void>
  close(): Promise<void>
}

/** Starts a real server in this process on port 0 with a fresh data dir; closed after the test. */
export async function startTestServer(
  cleanup: Cleanup,
  overrides: Partial<Config> = {},
): Promise<InProcessServer> {
  const dataDir = overrides.dataDir ?? (await tempDataDir(cleanup))
  const start = (port: number) =>
    startServer({ logLevel: 'silent', ...overrides, port, dataDir, clientDir: dataDir })
  let server = await start(overrides.port ?? 0)
  const handle: InProcessServer = {
    get server() {
      return server
    },
    get url() {
      return server.url
    },
    get wsBase() {
      return wsBaseOf(server.url)
    },
    dataDir,
    async restart() {
      const port = server.port
      await server.close()
      server = await start(port)
    },
    close: () => server.close(),
  }
  cleanup.add(() => server.close())
  return handle
}

export function wsBaseOf(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws') + WS_PATH
}
