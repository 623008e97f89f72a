import { describe, expect, it } from 'vitest'
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
})
