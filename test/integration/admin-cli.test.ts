import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { CloseCode } from '@stip/protocol'
import Database from 'better-sqlite3'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { createScratchDatabase } from '../../server/src/store/scratch-database'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { connectClient } from './helpers/clients'
import { boardApi, tokenOfLink } from './helpers/manifesto'
import { startTestServer, tempDataDir } from './helpers/test-server'
import { waitFor } from './helpers/wait-for'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const REDIS_URL = process.env.STIP_TEST_REDIS ?? 'redis://127.0.0.1:6379'
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The built command, `node server/dist/cli/admin.js …`, which `npm run admin -- …` runs; with
 * `viaPnpm` through the root package's script itself, exactly as the README tells an operator.
 */
function admin(args: string[], env: Record<string, string>, { viaPnpm = false } = {}) {
  const [command, commandArgs] = viaPnpm
    ? [path.join(repoRoot, 'node_modules/.bin/pnpm'), ['--silent', 'run', 'admin', '--', ...args]]
    : [process.execPath, [path.join(repoRoot, 'server/dist/cli/admin.js'), ...args]]
  const result = spawnSync(command, commandArgs, {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe.each(['sqlite', 'postgres'] as const)('the admin command line on %s', (kind) => {
  const cleanup = useCleanup()

  /** A running server (with Redis, so the command's revocations reach it) and the command's env. */
  async function setUp() {
    const dataDir = await tempDataDir(cleanup)
    let databaseUrl: string | undefined
    if (kind === 'postgres') {
      const database = await createScratchDatabase()
      cleanup.add(() => database.drop())
      databaseUrl = database.url
    }
    const server = await startTestServer(cleanup, { dataDir, databaseUrl, redisUrl: REDIS_URL })
    const env: Record<string, string> = { DATA_DIR: dataDir, REDIS_URL }
    if (databaseUrl) env.DATABASE_URL = databaseUrl
    /** Moves a board's creation back in time, as if it had been made `days` ago and never opened. */
    const age = async (boardId: string, days: number) => {
      const createdAt = Date.now() - days * DAY_MS
      if (databaseUrl) {
        const client = new pg.Client({ connectionString: databaseUrl })
        await client.connect()
        await client.query(
          'UPDATE stip_boards SET created_at = $1, last_opened_at = NULL WHERE id = $2',
          [createdAt, boardId],
        )
        await client.end()
      } else {
        const db = new Database(path.join(dataDir, 'stip.sqlite'))
        db.prepare('UPDATE boards SET created_at = ?, last_opened_at = NULL WHERE id = ?').run(
          createdAt,
          boardId,
        )
        db.close()
      }
    }
    return { ...server, env, age }
  }

  it('lists boards, renews a lost facilitator link and deletes a board, reaching the running server', async () => {
    const { url, wsBase, env } = await setUp()
    const kept = await createBoard(url, { title: 'Samen naar 2040' })
    const doomed = await createBoard(url, { title: 'Rondetafel wijk Oost' })

    const listed = admin(['list'], env, { viaPnpm: true })
    expect(listed.status, listed.stderr).toBe(0)
    const rows = listed.stdout.trim().split('\n')
    expect(rows[0]).toBe('id\tcreated\tlast opened\tbytes\ttitle')
    expect(rows.slice(1).map((row) => [row.split('\t')[0], row.split('\t')[4]])).toEqual([
      [kept.id, 'Samen naar 2040'],
      [doomed.id, 'Rondetafel wijk Oost'],
    ])
    expect(Number(rows[1]!.split('\t')[3])).toBeGreaterThan(0)

    const facilitator = await connectClient(cleanup, wsBase, kept.id, {
      token: kept.tokens.facilitator,
    })
    const renewed = admin(['renew-facilitator', kept.id], env)
    expect(renewed.status, renewed.stderr).toBe(0)
    const newToken = tokenOfLink(renewed.stdout.trim())
    await waitFor(() => facilitator.closeCodes.includes(CloseCode.unauthorized), {
      what: 'the old facilitator link to be cut off',
    })
    facilitator.destroy()
    expect((await boardApi(url, `/api/boards/${kept.id}`, kept.tokens.facilitator)).status).toBe(
      401,
    )
    const audit = await boardApi<{ entries: Array<{ act: string; role: string }> }>(
      url,
      `/api/boards/${kept.id}/audit`,
      newToken,
    )
    expect(audit.body.entries).toContainEqual(
      expect.objectContaining({ act: 'link.renewed', role: 'admin' }),
    )

    const editor = await connectClient(cleanup, wsBase, doomed.id, { token: doomed.tokens.editor })
    const deleted = admin(['delete', doomed.id], env)
    expect(deleted.status, deleted.stderr).toBe(0)
    await waitFor(() => editor.closeCodes.includes(CloseCode.unauthorized), {
      what: 'the deleted board\u2019s connections to close',
    })
    editor.destroy()
    expect(
      (await boardApi(url, `/api/boards/${doomed.id}`, doomed.tokens.facilitator)).status,
    ).toBe(401)
    expect(admin(['list'], env).stdout).not.toContain(doomed.id)
    expect(admin(['delete', 'no-such-board'], env).status).toBe(1)
    expect(admin(['frobnicate'], env).status).toBe(2)
  })

  it('shows and applies retention: only boards not opened for RETENTION_DAYS go', async () => {
    const { url, env, age } = await setUp()
    const old = await createBoard(url, { title: 'Oud bord' })
    const soon = await createBoard(url, { title: 'Bijna weg' })
    const fresh = await createBoard(url, { title: 'Vers bord' })
    await age(old.id, 40)
    await age(soon.id, 25)
    const retentionEnv = { ...env, RETENTION_DAYS: '30', RETENTION_WARN_DAYS: '7' }

    const dryRun = admin(['retention'], retentionEnv)
    expect(dryRun.status, dryRun.stderr).toBe(0)
    expect(dryRun.stdout).toContain(`${old.id}\tnow\tOud bord`)
    expect(dryRun.stdout).toMatch(new RegExp(`${soon.id}\\t\\d{4}-.*\\tBijna weg`))
    expect(dryRun.stdout).not.toContain(fresh.id)
    expect(dryRun.stdout).toContain('1 board(s) due')
    expect((await boardApi(url, `/api/boards/${old.id}`, old.tokens.editor)).status).toBe(200)

    const applied = admin(['retention', '--apply'], retentionEnv)
    expect(applied.status, applied.stderr).toBe(0)
    expect(applied.stdout).toContain(`deleted ${old.id}`)
    expect((await boardApi(url, `/api/boards/${old.id}`, old.tokens.editor)).status).toBe(401)
    expect((await boardApi(url, `/api/boards/${soon.id}`, soon.tokens.editor)).status).toBe(200)
    expect((await boardApi(url, `/api/boards/${fresh.id}`, fresh.tokens.editor)).status).toBe(200)
    expect(admin(['retention'], env).status).toBe(1)
  })
})
