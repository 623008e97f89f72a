import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { assembleServer } from '../assemble-server'
import { type Config, configWith } from '../config'

/**
 * The whole app on a fresh SQLite store in a temp folder, assembled as the server assembles it, for route tests with Hono's
 * `app.request()`: every layer is real (store, rooms, auth); only the socket is left out.
 */
export async function appUnderTest(overrides: Partial<Config> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'stip-routes-'))
  // The embedded default, whatever the environment says, unless a test asks otherwise.
  const config = configWith({
    dataDir,
    logLevel: 'silent',
    databaseUrl: undefined,
    redisUrl: undefined,
    ...overrides,
  })
  const { app, store, registry, backplane, limits, stopWebsocket } = await assembleServer(config)

  const request = (path: string, init: RequestInit & { token?: string; json?: unknown } = {}) => {
    const headers = new Headers(init.headers)
    if (init.token) headers.set('authorization', `Bearer ${init.token}`)
    let body = init.body
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json')
      body = JSON.stringify(init.json)
    }
    return app.request(path, { ...init, headers, body }, { incoming: { socket: {} } })
  }

  /** Creates a board and returns its id and the tokens of its links. */
  const createBoard = async (body: object = { title: 'Samen naar 2040' }) => {
    const response = await request('/api/boards', { method: 'POST', json: body })
    if (response.status !== 201) throw new Error(`create answered ${response.status}`)
    const { id, links } = (await response.json()) as { id: string; links: Record<string, string> }
    const token = (link: string) => new URL(link).hash.replace(/^#(token=)?/, '')
    return {
      id,
      facilitator: token(links.facilitator!),
      editor: token(links.editor!),
      viewer: token(links.viewer!),
    }
  }

  return {
    app,
    store,
    registry,
    config,
    request,
    createBoard,
    async close() {
      stopWebsocket()
      await registry.closeAll(1001)
      await limits.close()
      await backplane.close()
      await limits.close()
      await store.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
