import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createScratchDatabase } from '../../server/src/store/scratch-database'
import { createBoard } from './helpers/boards'
import { spawnChildServer } from './helpers/child-server'
import { useCleanup } from './helpers/cleanup'
import { boardApi } from './helpers/manifesto'
import { startTestServer, tempDataDir } from './helpers/test-server'
import { waitFor } from './helpers/wait-for'

const REDIS_URL = process.env.STIP_TEST_REDIS ?? 'redis://127.0.0.1:6379'
const DAY_MS = 24 * 60 * 60 * 1000
const PNG = Uint8Array.from([
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  0,
  0,
  0,
  13,
  73,
  72,
  68,
  82,
  ...new Array(1000).fill(0),
])

async function postBoard(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ title: 'Samen naar 2040' }),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const wrongGuess = (url: string, boardId: string) =>
  fetch(`${url}/api/boards/${boardId}`, {
    headers: { authorization: `Bearer ${'W'.repeat(32)}` },
  }).then((response) => response.status)

describe('limits shared by two instances through Redis', () => {
  const cleanup = useCleanup()

  async function twoInstances(overrides: {
    maxFailedTokensPerMinute?: number
    maxBoardsPerHour?: number
  }) {
    const database = await createScratchDatabase()
    cleanup.add(() => database.drop())
    const settings = { databaseUrl: database.url, redisUrl: REDIS_URL, ...overrides }
    return Promise.all([startTestServer(cleanup, settings), startTestServer(cleanup, settings)])
  }

  it('counts wrong tokens across instances, and never refuses a valid token for them', async () => {
    // Two processes of the production build, as deployed.
    const database = await createScratchDatabase()
    cleanup.add(() => database.drop())
    const env = { DATABASE_URL: database.url, REDIS_URL, MAX_FAILED_TOKENS_PER_MINUTE: '3' }
    const [a, b] = await Promise.all([
      spawnChildServer(cleanup, await tempDataDir(cleanup), env),
      spawnChildServer(cleanup, await tempDataDir(cleanup), env),
    ])
    const board = await createBoard(a.url)
    expect(await wrongGuess(a.url, board.id)).toBe(401)
    expect(await wrongGuess(b.url, board.id)).toBe(401)
    expect(await wrongGuess(a.url, board.id)).toBe(401)
    // Three wrong guesses in all: both instances now slow this address down.
    expect(await wrongGuess(b.url, board.id)).toBe(429)
    expect(await wrongGuess(a.url, board.id)).toBe(429)
    for (const instance of [a, b]) {
      expect(
        (await boardApi(instance.url, `/api/boards/${board.id}`, board.tokens.editor)).status,
      ).toBe(200)
    }
  })

  it('holds MAX_BOARDS_PER_HOUR for the installation, not per instance', async () => {
    const [a, b] = await twoInstances({ maxBoardsPerHour: 3 })
    expect((await postBoard(a.url)).status).toBe(201)
    expect((await postBoard(b.url)).status).toBe(201)
    expect((await postBoard(a.url)).status).toBe(201)
    const refused = await postBoard(b.url)
    expect(refused).toEqual({
      status: 429,
      body: { error: expect.stringContaining('3 boards an hour'), code: 'board-creation-rate' },
    })
    expect((await postBoard(a.url)).status).toBe(429)
  })
})

describe('who may create boards, and quotas, on a running server', () => {
  const cleanup = useCleanup()

  it('tells the start page a key is needed and asks for it', async () => {
    const { url } = await startTestServer(cleanup, { boardCreationKey: 'gemeente-sleutel-2040' })
    const config = (await (await fetch(`${url}/api/config`)).json()) as Record<string, unknown>
    expect(config.boardCreation).toEqual({
      keyRequired: true,
      keyHeader: 'stip-creation-key',
      addressAllowed: true,
    })
    expect(await postBoard(url)).toMatchObject({
      status: 401,
      body: { code: 'creation-key-required' },
    })
    expect(await postBoard(url, { 'stip-creation-key': 'niet-de-sleutel' })).toMatchObject({
      status: 401,
      body: { code: 'creation-key-wrong' },
    })
    expect((await postBoard(url, { 'stip-creation-key': 'gemeente-sleutel-2040' })).status).toBe(
      201,
    )
  })

  it('refuses creation from outside BOARD_CREATION_ALLOW with 403', async () => {
    const outside = await startTestServer(cleanup, {
      boardCreationAllow: [{ address: '10.0.0.0', prefix: 8, family: 'ipv4' }],
    })
    const config = (await (await fetch(`${outside.url}/api/config`)).json()) as Record<
      string,
      unknown
    >
    expect(config.boardCreation).toMatchObject({ addressAllowed: false })
    expect(await postBoard(outside.url)).toMatchObject({
      status: 403,
      body: { code: 'creation-not-allowed' },
    })
    const inside = await startTestServer(cleanup, {
      boardCreationAllow: [{ address: '127.0.0.0', prefix: 8, family: 'ipv4' }],
    })
    expect((await postBoard(inside.url)).status).toBe(201)
  })

  it('refuses images past MAX_BOARD_ASSET_BYTES with 413 and a code, per board', async () => {
    const { url } = await startTestServer(cleanup, { maxBoardAssetBytes: 2500 })
    const board = await createBoard(url)
    const other = await createBoard(url)
    const upload = (boardId: string, token: string) =>
      fetch(`${url}/api/boards/${boardId}/assets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
        body: PNG,
      }).then(async (response) => ({ status: response.status, body: await response.json() }))
    expect((await upload(board.id, board.tokens.editor)).status).toBe(201)
    expect((await upload(board.id, board.tokens.editor)).status).toBe(201)
    expect(await upload(board.id, board.tokens.editor)).toEqual({
      status: 413,
      body: { error: expect.stringContaining('2500 bytes'), code: 'board-assets-full' },
    })
    expect((await upload(other.id, other.tokens.editor)).status).toBe(201)
  })

  it('serves /metrics on METRICS_PORT only, and behind METRICS_TOKEN on the main port', async () => {
    const separate = await startTestServer(cleanup, { metricsPort: 0, metricsHost: '127.0.0.1' })
    expect((await fetch(`${separate.url}/metrics`)).status).toBe(404)
    expect(await (await fetch(`${separate.url}/healthz`)).json()).toEqual({ ok: true })
    const metricsUrl = separate.server.metricsUrl!
    expect(metricsUrl).not.toBe(separate.url)
    const scraped = await fetch(`${metricsUrl}/metrics`)
    expect(scraped.status).toBe(200)
    expect(await scraped.text()).toContain('stip_')

    const token = 'metrics-token-of-the-operator'
    const guarded = await startTestServer(cleanup, { metricsToken: token })
    expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401)
    const allowed = await fetch(`${guarded.url}/metrics`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(allowed.status).toBe(200)
  })
})

describe('retention on a running server', () => {
  const cleanup = useCleanup()

  it('deletes boards not opened for RETENTION_DAYS and warns the facilitator and the export before', async () => {
    const dataDir = await tempDataDir(cleanup)
    const first = await startTestServer(cleanup, { dataDir })
    const forgotten = await createBoard(first.url, { title: 'Vergeten' })
    const nearly = await createBoard(first.url, { title: 'Bijna vergeten' })
    const fresh = await createBoard(first.url, { title: 'Vers' })
    await first.close()
    // The past, arranged directly in the file: made long ago and never opened since.
    const db = new Database(path.join(dataDir, 'stip.sqlite'))
    const age = db.prepare('UPDATE boards SET created_at = ?, last_opened_at = NULL WHERE id = ?')
    age.run(Date.now() - 91 * DAY_MS, forgotten.id)
    age.run(Date.now() - 85 * DAY_MS, nearly.id)
    db.close()

    const { url } = await startTestServer(cleanup, {
      dataDir,
      retentionDays: 90,
      retentionWarnDays: 7,
    })
    await waitFor(
      async () =>
        (await boardApi(url, `/api/boards/${forgotten.id}`, forgotten.tokens.facilitator))
          .status === 401,
      { what: 'the sweep at start to delete the forgotten board' },
    )
    const warned = await boardApi<{
      retention: { days: number; deleteAfter: number; warning: boolean }
    }>(url, `/api/boards/${nearly.id}`, nearly.tokens.facilitator)
    expect(warned.body.retention).toMatchObject({ days: 90, warning: true })
    const inDays = (warned.body.retention.deleteAfter - Date.now()) / DAY_MS
    expect(inDays).toBeGreaterThan(4.9)
    expect(inDays).toBeLessThan(5.1)
    const exported = await boardApi<{ retention: { warning: boolean; notice: string } }>(
      url,
      `/api/boards/${nearly.id}/export.json`,
      nearly.tokens.facilitator,
    )
    expect(exported.body.retention).toMatchObject({ warning: true })
    expect(exported.body.retention.notice).toMatch(/^Dit bord wordt op .* verwijderd/)
    const calm = await boardApi<{ retention: { warning: boolean } }>(
      url,
      `/api/boards/${fresh.id}`,
      fresh.tokens.facilitator,
    )
    expect(calm.body.retention.warning).toBe(false)
    // Only the facilitator is told.
    const asEditor = await boardApi<{ retention: unknown }>(
      url,
      `/api/boards/${fresh.id}`,
      fresh.tokens.editor,
    )
    expect(asEditor.body.retention).toBeNull()
  })
})
