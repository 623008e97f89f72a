import { describe, expect, it } from 'vitest'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { connectClient, readBoard, sorted, waitForEqual } from './helpers/clients'
import { startTestServer } from './helpers/test-server'

describe('sync between clients', () => {
  const cleanup = useCleanup()

  it('S3: makes two clients that edit concurrently converge to the same board', async () => {
    const server = await startTestServer(cleanup)
    const { id, tokens } = await createBoard(server.url)
    const alice = await connectClient(cleanup, server.wsBase, id, { token: tokens.editor })
    const bob = await connectClient(cleanup, server.wsBase, id, { token: tokens.editor })

    // Interleaved edits, including writes to the same keys, with no waiting in between.
    for (let i = 0; i < 50; i++) {
      alice.map.set(`alice-${i}`, i)
      bob.map.set(`bob-${i}`, i)
      alice.map.set('contested', `alice-${i}`)
      bob.map.set('contested', `bob-${i}`)
    }

    await waitForEqual(alice, bob)
    const content = alice.map.toJSON()
    expect(Object.keys(content)).toHaveLength(101)
    expect(content['alice-49']).toBe(49)
    expect(content['bob-49']).toBe(49)
    expect(['alice-49', 'bob-49']).toContain(content.contested)
  })

  it('S1: gives a late joiner the full state of the board', async () => {
    const server = await startTestServer(cleanup)
    const { id, tokens } = await createBoard(server.url)
    const early = await connectClient(cleanup, server.wsBase, id, { token: tokens.editor })
    for (let i = 0; i < 200; i++) early.map.set(`shape-${i}`, { x: i, y: -i })
    early.map.delete('shape-7')

    const late = await connectClient(cleanup, server.wsBase, id, { token: tokens.editor })
    await waitForEqual(early, late)
    expect(Object.keys(late.map.toJSON())).toHaveLength(199)
    expect(late.map.get('shape-7')).toBeUndefined()
    expect(late.map.get('shape-199')).toEqual({ x: 199, y: -199 })
  })

  it('keeps 20 boards isolated from each other', async () => {
    const server = await startTestServer(cleanup)
    // Every y-websocket provider adds a process 'exit' listener; 40 at once is expected here.
    const maxListeners = process.getMaxListeners()
    process.setMaxListeners(100)
    cleanup.add(() => process.setMaxListeners(maxListeners))
    const boards = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createBoard(server.url, { title: `room-${i}` })),
    )
    const pairs = await Promise.all(
      boards.map(async ({ id: boardId, tokens }) => ({
        boardId,
        token: tokens.editor,
        a: await connectClient(cleanup, server.wsBase, boardId, { token: tokens.editor }),
        b: await connectClient(cleanup, server.wsBase, boardId, { token: tokens.editor }),
      })),
    )
    for (const { boardId, a, b } of pairs) {
      a.map.set('owner', boardId)
      a.map.set(`from-a-${boardId}`, true)
      b.map.set(`from-b-${boardId}`, true)
    }
    const expected = (boardId: string) => ({
      owner: boardId,
      [`from-a-${boardId}`]: true,
      [`from-b-${boardId}`]: true,
    })
    await Promise.all(pairs.map(({ boardId, a, b }) => waitForEqual(a, b, expected(boardId))))

    // A fresh reader of each board sees that board's three keys and nothing of the others.
    for (const { boardId, token } of pairs) {
      expect(sorted(await readBoard(cleanup, server.wsBase, boardId, token))).toEqual(
        sorted(expected(boardId)),
      )
    }
  })
})
