import { describe, expect, it } from 'vitest'
import { createBoard } from './helpers/boards'
import { spawnChildServer } from './helpers/child-server'
import { useCleanup } from './helpers/cleanup'
import { connectClient } from './helpers/clients'
import { upgradeStatus } from './helpers/raw-socket'
import { tempDataDir } from './helpers/test-server'
import { waitFor } from './helpers/wait-for'

type Line = Record<string, unknown>

describe('the access log', () => {
  const cleanup = useCleanup()

  it('H5: writes one line per request and per websocket session, and never a token', async () => {
    const server = await spawnChildServer(cleanup, await tempDataDir(cleanup))
    const board = await createBoard(server.url)
    const token = board.tokens.editor
    const report = await fetch(
      `${server.url}/api/boards/${board.id}/report.md?token=${token}&lang=nl`,
    )
    expect(report.status).toBe(200)
    const reportBytes = (await report.arrayBuffer()).byteLength
    const wrong = await fetch(`${server.url}/api/boards/${board.id}`, {
      headers: { authorization: `Bearer ${'W'.repeat(32)}` },
    })
    expect(wrong.status).toBe(401)
    const foreign = await upgradeStatus(`${server.wsBase}/${board.id}?token=${token}`, {
      origin: 'https://evil.example',
    })
    expect(foreign).toBe(403)
    const client = await connectClient(cleanup, server.wsBase, board.id, { token })
    client.map.set('note', 'tekst')
    await waitFor(() => client.provider.synced)
    client.destroy()
    const deleted = await fetch(`${server.url}/api/boards/${board.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    })
    expect(deleted.status).toBe(204)

    const access = () => server.logLines().filter((line: Line) => line.module === 'access')
    const session = await waitFor(() => access().find((line) => line.msg === 'websocket session'), {
      what: 'the websocket session line',
    })
    await waitFor(() => access().some((line) => line.method === 'DELETE'))
    expect(session).toMatchObject({
      method: 'WS',
      path: `/ws/${board.id}`,
      role: 'editor',
      closeCode: expect.any(Number),
      ms: expect.any(Number),
      address: '127.0.0.1',
    })
    expect(session.bytesIn).toBeGreaterThan(0)
    expect(session.bytesOut).toBeGreaterThan(0)
    const requests = access().filter((line) => line.msg === 'request')
    expect(requests.map((line) => [line.method, line.path, line.status])).toEqual([
      ['POST', '/api/boards', 201],
      ['GET', `/api/boards/${board.id}/report.md`, 200],
      ['GET', `/api/boards/${board.id}`, 401],
      ['GET', `/ws/${board.id}`, 403],
      ['DELETE', `/api/boards/${board.id}`, 204],
    ])
    const reportLine = requests[1]!
    expect(reportLine.bytes).toBe(reportBytes)
    expect(reportLine.ms).toEqual(expect.any(Number))

    // The deletion stays in the log though the board's own audit rows went with it.
    expect(server.logLines()).toContainEqual(
      expect.objectContaining({ module: 'audit', act: 'board.deleted', boardId: board.id }),
    )
    const everything = JSON.stringify(server.logLines())
    for (const secret of Object.values(board.tokens)) expect(everything).not.toContain(secret)
  })

  it('stays quiet with ACCESS_LOG=off', async () => {
    const server = await spawnChildServer(cleanup, await tempDataDir(cleanup), {
      ACCESS_LOG: 'off',
    })
    const board = await createBoard(server.url)
    const client = await connectClient(cleanup, server.wsBase, board.id, {
      token: board.tokens.editor,
    })
    client.destroy()
    await fetch(`${server.url}/healthz`)
    // The audit line of the creation shows the log is being read; no access line came before it.
    await waitFor(() => server.logLines().some((line) => line.act === 'board.created'))
    expect(server.logLines().filter((line) => line.module === 'access')).toEqual([])
  })
})
