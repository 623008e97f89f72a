import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { connectClient, readBoard, sorted, waitForEqual } from './helpers/clients'
import { getHealth } from './helpers/http'
import { startTestServer } from './helpers/test-server'
import { waitFor } from './helpers/wait-for'

describe('boards survive beyond memory', () => {
  const cleanup = useCleanup()

  it('brings a board back from SQLite after the server is closed and started again', async () => {
    const server = await startTestServer(cleanup)
    const { id, tokens } = await createBoard(server.url)
    const alice = await connectClient(cleanup, server.wsBase, id, { token: tokens.editor })
    const bob = await connectClient(cleanup, server.wsBase, id, { token: tokens.editor })
    for (let i = 0; i < 100; i++) (i % 2 ? alice : bob).map.set(`note-${i}`, `text ${i}`)
    await waitForEqual(alice, bob)
    alice.map.delete('note-0')
    await waitFor(() => !bob.map.has('note-0'), { what: 'the delete to reach bob' })
    const expected = alice.map.toJSON()
    alice.destroy()
    bob.destroy()

    await server.restart()
    expect((await getHealth(server.url)).body.rooms).toBe(0)
    const restored = await readBoard(cleanup, server.wsBase, id, tokens.editor)
    expect(sorted(restored)).toEqual(sorted(expected))
    expect(Object.keys(restored)).toHaveLength(99)
  })

  it('S7: brings a board back from SQLite after its room was unloaded while the server runs', async () => {
    const server = await startTestServer(cleanup, { roomIdleMs: 50 })
    const { id, tokens } = await createBoard(server.url)
    const writer = await connectClient(cleanup, server.wsBase, id, { token: tokens.editor })
    for (let i = 0; i < 100; i++) writer.map.set(`note-${i}`, i)
    // A second client seeing everything proves the server applied it before the writer leaves.
    const observer = await connectClient(cleanup, server.wsBase, id, { token: tokens.editor })
    await waitForEqual(writer, observer)
    const expected = writer.map.toJSON()
    writer.destroy()
    observer.destroy()

    await waitFor(async () => (await getHealth(server.url)).body.rooms === 0, {
      what: 'the room to unload',
    })
    const restored = await readBoard(cleanup, server.wsBase, id, tokens.editor)
    expect(sorted(restored)).toEqual(sorted(expected))
  })

  it('S11: after a restart, fresh and returning clients that arrive together end with the same board', async () => {
    const server = await startTestServer(cleanup)
    const { id, tokens } = await createBoard(server.url)
    const writer = await connectClient(cleanup, server.wsBase, id, { token: tokens.editor })
    writer.doc.transact(() => {
      for (let i = 0; i < 500; i++) writer.map.set(`note-${i}`, `text ${i}`.padEnd(200, '.'))
    })
    const observer = await connectClient(cleanup, server.wsBase, id, { token: tokens.editor })
    await waitForEqual(writer, observer)
    const before = Y.encodeStateAsUpdate(writer.doc)
    writer.destroy()
    observer.destroy()

    // Unloading at shutdown compacts the board into one snapshot: the case rule S11 answers.
    await server.restart()
    const fresh = await Promise.all(
      [1, 2].map(() =>
        connectClient(cleanup, server.wsBase, id, { token: tokens.editor, synced: false }),
      ),
    )
    // A returning participant brings what it had, plus an edit made while the server was down.
    const returning = await connectClient(cleanup, server.wsBase, id, {
      token: tokens.editor,
      synced: false,
    })
    Y.applyUpdate(returning.doc, before)
    returning.map.set('offline', 'written while the server restarted')
    for (const client of fresh) await waitForEqual(client, returning)
    expect(Object.keys(fresh[0]!.map.toJSON())).toHaveLength(501)
    expect(fresh[1]!.map.get('offline')).toBe('written while the server restarted')
  })
})
