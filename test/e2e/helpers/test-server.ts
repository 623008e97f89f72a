import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Config, type StipServer, startServer } from '@stip/server'

export const CLIENT_DIST = new URL('../../../client/dist', import.meta.url).pathname

export interface TestServer {
  server: StipServer
  dataDir: string
  /** Stops the server (flushing rooms) and starts a new one on the same port and data dir. */
  restart(): Promise<StipServer>
  close(): Promise<void>
}

/**
 * A server on the built client; `overrides` set what a test needs (a creation key, retention,
 * another client build for a benchmark).
 */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'stip-e2e-'))
  const start = (port: number) =>
    startServer({ clientDir: CLIENT_DIST, ...overrides, port, dataDir, logLevel: 'silent' })
  const handle: TestServer = {
    server: await start(0),
    dataDir,
    async restart() {
      const port = handle.server.port
      await handle.server.close()
      handle.server = await start(port)
      return handle.server
    },
    async close() {
      await handle.server.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
  return handle
}
