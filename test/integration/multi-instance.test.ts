import { CloseCode } from '@stip/protocol'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '../../server/src/store/scratch-database'
import { createBoard } from './helpers/boards'
import { type ChildServer, spawnChildServer } from './helpers/child-server'
import { useCleanup } from './helpers/cleanup'
import { type BoardClient, connectClient, readBoard, sorted } from './helpers/clients'
import { closeCodeOf, mapUpdate, openRawSocket, sendFrame, updateFrame } from './helpers/raw-socket'
import { startTcpProxy } from './helpers/tcp-proxy'
import { tempDataDir, wsBaseOf } from './helpers/test-server'
import { sleep, waitFor } from './helpers/wait-for'

// Several server processes sharing the machine's Postgres (scratch database) and Redis.
const REDIS_URL = process.env.STIP_TEST_REDIS ?? 'redis://127.0.0.1:6379'

let database: ScratchDatabase
beforeAll(async () => {
  database = await createScratchDatabase()
})
afterAll(async () => {
  await database?.drop()
})

describe('several instances on Postgres and Redis', () => {
  const cleanup = useCleanup()
  /** Creates a board through one instance; its tokens work on every instance sharing the database. */
  async function newBoard(instance: ChildServer): Promise<{ boardId: string; token: string }> {
    const { id, tokens } = await createBoard(instance.url, { title: 'multi-instance' })
    return { boardId: id, token: tokens.editor }
  }

  async function startInstance(env: Record<string, string> = {}): Promise<ChildServer> {
    const dataDir = await tempDataDir(cleanup)
    return spawnChildServer(cleanup, dataDir, {
      DATABASE_URL: database.url,
      REDIS_URL,
      LOG_LEVEL: 'info',
      ...env,
    })
  }

  async function waitForAll(clients: BoardClient[], expectedKeys: string[], timeoutMs = 10_000) {
    const expected = JSON.stringify([...expectedKeys].sort())
    await waitFor(
      () =>
        clients.every(
          (client) => JSON.stringify(Object.keys(sorted(client.map.toJSON()))) === expected,
        ),
      { timeoutMs, what: `${clients.length} clients to hold ${expectedKeys.length} keys` },
    )
  }

  it('converges clients of one board spread over three instances, presence included', async () => {
    const instances = await Promise.all([startInstance(), startInstance(), startInstance()])
    const { boardId, token } = await newBoard(instances[0]!)
    const clients = await Promise.all(
      instances.map((instance) => connectClient(cleanup, instance.wsBase, boardId, { token })),
    )
    clients.forEach((client, index) => {
      client.provider.awareness.setLocalStateField('user', { name: `partner-${index}` })
    })
    const keys: string[] = []
    for (let round = 0; round < 5; round++) {
      clients.forEach((client, index) => {
        const key = `c${index}-r${round}`
        keys.push(key)
        client.map.set(key, round)
      })
    }
    await waitForAll(clients, keys)
    await waitFor(
      () =>
        clients.every((client) => {
          const names = [...client.provider.awareness.getStates().values()].map((s) => s.user?.name)
          return ['partner-0', 'partner-1', 'partner-2'].every((name) => names.includes(name))
        }),
      { timeoutMs: 5000, what: 'presence of every partner on every instance' },
    )
    clients[2]!.destroy()
    await waitFor(
      () =>
        [...clients[0]!.provider.awareness.getStates().values()].every(
          (s) => s.user?.name !== 'partner-2',
        ),
      {
        timeoutMs: 5000,
        what: 'presence of the departed partner to disappear on another instance',
      },
    )
    const health = await (await fetch(`${instances[0]!.url}/healthz`)).json()
    expect(health).toMatchObject({
      ok: true,
      store: { kind: 'postgres' },
      backplane: { kind: 'redis', ok: true },
    })
    const metrics = await (await fetch(`${instances[1]!.url}/metrics`)).text()
    expect(metrics).toMatch(/stip_backplane_messages_in_total [1-9]/)
  })

  it('keeps every edit when an instance is killed with -9 and its clients move on', async () => {
    const instances = await Promise.all([startInstance(), startInstance(), startInstance()])
    const balancer = await startTcpProxy(cleanup, () => instances.map((instance) => instance.port))
    const { boardId, token } = await newBoard(instances[0]!)
    const clients: BoardClient[] = []
    for (let i = 0; i < 6; i++)
      clients.push(
        await connectClient(cleanup, wsBaseOf(`http://127.0.0.1:${balancer.port}`), boardId, {
          token,
        }),
      )
    const keys: string[] = []
    let editing = true
    const editors = clients.map(async (client, index) => {
      for (let n = 0; editing; n++) {
        const key = `c${index}-${n}`
        keys.push(key)
        client.map.set(key, n)
        await sleep(15)
      }
    })
    await sleep(400)
    await instances[1]!.kill('SIGKILL')
    await sleep(800)
    editing = false
    await Promise.all(editors)
    await waitForAll(clients, keys, 20_000)
    const fresh = await readBoard(cleanup, instances[2]!.wsBase, boardId, token)
    expect(Object.keys(fresh).sort()).toEqual([...keys].sort())
  })

  it('serves the full board from a fourth instance started late', async () => {
    const instances = await Promise.all([startInstance(), startInstance(), startInstance()])
    const { boardId, token } = await newBoard(instances[1]!)
    const writers = await Promise.all(
      instances.map((instance) => connectClient(cleanup, instance.wsBase, boardId, { token })),
    )
    writers.forEach((writer, index) => {
      for (let n = 0; n < 20; n++) writer.map.set(`w${index}-${n}`, n)
    })
    const keys = writers.flatMap((_, index) =>
      Array.from({ length: 20 }, (_, n) => `w${index}-${n}`),
    )
    await waitForAll(writers, keys)
    const late = await startInstance()
    const content = await readBoard(cleanup, late.wsBase, boardId, token)
    expect(Object.keys(content).sort()).toEqual([...keys].sort())
  })

  it('A7: deletes a board on every instance: connections elsewhere close and nothing they wrote stays', async () => {
    const [deleter, holder] = await Promise.all([startInstance(), startInstance()])
    const { id: boardId, tokens } = await createBoard(deleter.url, { title: 'weg' })
    const writer = await connectClient(cleanup, holder.wsBase, boardId, { token: tokens.editor })
    const watcher = await openRawSocket(
      cleanup,
      `${holder.wsBase}/${boardId}?token=${tokens.viewer}`,
    )
    // The writer keeps writing on the other instance while the board is deleted.
    let n = 0
    const writing = setInterval(() => writer.map.set(`k${n++}`, n), 5)
    cleanup.add(() => clearInterval(writing))
    await sleep(200)

    const response = await fetch(`${deleter.url}/api/boards/${boardId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${tokens.facilitator}` },
    })
    expect(response.status).toBe(204)
    expect(await closeCodeOf(watcher)).toBe(CloseCode.unauthorized)
    await sleep(300)
    clearInterval(writing)

    const db = new pg.Client({ connectionString: database.url })
    await db.connect()
    cleanup.add(() => db.end())
    const rows = await db.query(
      `SELECT (SELECT COUNT(*) FROM stip_board_updates WHERE board_id = $1)::int AS updates,
              (SELECT COUNT(*) FROM stip_board_snapshots WHERE board_id = $1)::int AS snapshots,
              (SELECT COUNT(*) FROM stip_boards WHERE id = $1)::int AS boards`,
      [boardId],
    )
    expect(rows.rows[0]).toEqual({ updates: 0, snapshots: 0, boards: 0 })
  })

  it('S4: stores a relayed update once, on the instance its author is connected to, and echoes it to nobody', async () => {
    const [first, second] = await Promise.all([startInstance(), startInstance()])
    const { boardId, token } = await newBoard(first)
    const reader = await connectClient(cleanup, second.wsBase, boardId, { token })
    const author = await openRawSocket(cleanup, `${first.wsBase}/${boardId}?token=${token}`)
    await waitFor(() => author.received.length > 0, { what: 'the handshake' })
    await sleep(300)
    const receivedBefore = author.received.length
    const marker = 'relayed-once-4711'
    await sendFrame(author, updateFrame(mapUpdate('content', marker, marker)))
    await waitFor(() => reader.map.get(marker) === marker, { what: 'the relayed update' })
    await sleep(500)
    const echoes = author.received
      .slice(receivedBefore)
      .filter((frame) => Buffer.from(frame).includes(marker))
    expect(echoes).toHaveLength(0)
    const db = new pg.Client({ connectionString: database.url })
    await db.connect()
    cleanup.add(() => db.end())
    const rows = await db.query(
      'SELECT COUNT(*)::int AS n FROM stip_board_updates WHERE board_id = $1 AND position($2::bytea in data) > 0',
      [boardId, Buffer.from(marker)],
    )
    expect(rows.rows[0]).toEqual({ n: 1 })
  })

  it('A7: renewing a link or a signing link on one instance closes its connections on every instance within a second', async () => {
    const [renewer, holder] = await Promise.all([startInstance(), startInstance()])
    const { id: boardId, tokens } = await createBoard(renewer.url, {
      title: 'vernieuwd',
      organisations: [{ name: 'GGD' }],
    })
    const signing = await fetch(`${renewer.url}/api/boards/${boardId}/signing-links/ggd`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.facilitator}` },
    })
    const signerToken = new URL(((await signing.json()) as { link: string }).link).hash.slice(7)
    const editor = await connectClient(cleanup, holder.wsBase, boardId, { token: tokens.editor })
    const signer = await openRawSocket(cleanup, `${holder.wsBase}/${boardId}?token=${signerToken}`)
    const viewer = await openRawSocket(
      cleanup,
      `${holder.wsBase}/${boardId}?token=${tokens.viewer}`,
    )
    // The editor keeps writing on the other instance, each key holding the time it was written.
    const writing = setInterval(() => editor.map.set(`k${Date.now()}`, Date.now()), 5)
    cleanup.add(() => clearInterval(writing))
    await sleep(200)

    const renew = async (path: string) => {
      const response = await fetch(`${renewer.url}/api/boards/${boardId}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.facilitator}` },
      })
      expect(response.status).toBeLessThan(300)
      return performance.now()
    }
    const renewedAt = await renew('/links/editor')
    await waitFor(() => editor.closeCodes.includes(CloseCode.unauthorized), {
      timeoutMs: 1000,
      what: 'the editor on the other instance to be closed',
    })
    expect(performance.now() - renewedAt).toBeLessThan(1000)
    const closedAt = Date.now()
    await sleep(300)
    clearInterval(writing)
    expect(await closeCodeOf(viewer, 100)).toBe('still open')
    expect(await closeCodeOf(signer, 100)).toBe('still open')

    const signerRenewedAt = await renew('/signing-links/ggd')
    expect(await closeCodeOf(signer, 1000)).toBe(CloseCode.unauthorized)
    expect(performance.now() - signerRenewedAt).toBeLessThan(1000)
    expect(await closeCodeOf(viewer, 100)).toBe('still open')

    // Nothing the old editor link sent after its close was stored anywhere.
    const stored = await readBoard(cleanup, renewer.wsBase, boardId, tokens.facilitator)
    const times = Object.values(stored) as number[]
    expect(times.length).toBeGreaterThan(5)
    expect(Math.max(...times)).toBeLessThanOrEqual(closedAt)
  })

  it('catches up in both directions after an instance loses Redis for a while', async () => {
    const redisLink = await startTcpProxy(cleanup, () => [Number(new URL(REDIS_URL).port || 6379)])
    const isolated = await startInstance({ REDIS_URL: `redis://127.0.0.1:${redisLink.port}` })
    const other = await startInstance()
    const { boardId, token } = await newBoard(other)
    const left = await connectClient(cleanup, isolated.wsBase, boardId, { token })
    const right = await connectClient(cleanup, other.wsBase, boardId, { token })
    left.map.set('before', 1)
    await waitForAll([left, right], ['before'])

    redisLink.cut()
    await waitFor(async () => (await fetch(`${isolated.url}/healthz`)).status === 503, {
      what: 'the isolated instance to report its backplane down',
    })
    left.map.set('while-cut-left', 1)
    right.map.set('while-cut-right', 1)
    await sleep(300)
    expect(right.map.has('while-cut-left')).toBe(false)

    redisLink.resume()
    await waitForAll([left, right], ['before', 'while-cut-left', 'while-cut-right'], 15_000)
  })
})
