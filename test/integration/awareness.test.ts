import type { Socket } from 'node:net'
import { CloseCode, Limits } from '@stip/protocol'
import { describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { type BoardClient, connectClient } from './helpers/clients'
import { awarenessFrame, closeCodeOf, openRawSocket, sendFrame } from './helpers/raw-socket'
import { startTestServer } from './helpers/test-server'
import { waitFor } from './helpers/wait-for'

const seesPresenceOf = (viewer: BoardClient, clientId: number) =>
  viewer.provider.awareness.getStates().has(clientId)

describe('S5: presence over awareness', () => {
  const cleanup = useCleanup()

  async function threeClients(title: string) {
    const server = await startTestServer(cleanup)
    const { id, tokens } = await createBoard(server.url, { title })
    const token = tokens.editor
    const leaver = await connectClient(cleanup, server.wsBase, id, { token })
    const bob = await connectClient(cleanup, server.wsBase, id, { token })
    const carol = await connectClient(cleanup, server.wsBase, id, { token })
    leaver.provider.awareness.setLocalStateField('user', { name: 'Leaver' })
    const leaverId = leaver.doc.clientID
    await waitFor(() => seesPresenceOf(bob, leaverId) && seesPresenceOf(carol, leaverId), {
      what: "the leaver's presence to reach the others",
    })
    expect(bob.provider.awareness.getStates().get(leaverId)).toEqual({ user: { name: 'Leaver' } })
    return { server, leaver, bob, carol, leaverId }
  }

  it("shows a client's presence to the others and removes it for everyone when it destroys its provider", async () => {
    const { leaver, bob, carol, leaverId } = await threeClients('presence-destroy')
    leaver.destroy()
    await waitFor(() => !seesPresenceOf(bob, leaverId) && !seesPresenceOf(carol, leaverId), {
      what: 'the presence to be removed',
    })
  })

  it('removes the presence of a client whose socket is cut abruptly', async () => {
    const { leaver, bob, carol, leaverId } = await threeClients('presence-terminate')
    // No reconnect, no goodbye frame: the TCP connection is reset as if the laptop vanished.
    leaver.provider.shouldConnect = false
    const socket = (leaver.provider.ws as unknown as WebSocket & { _socket: Socket })._socket
    socket.resetAndDestroy()
    // y-websocket's own 30 s awareness timeout is far away; only the server can remove it this fast.
    await waitFor(() => !seesPresenceOf(bob, leaverId) && !seesPresenceOf(carol, leaverId), {
      timeoutMs: 3000,
      what: 'the presence to be removed',
    })
  })

  it('closes a connection that publishes an awareness state over the limit with 1009 and relays none of it', async () => {
    const server = await startTestServer(cleanup)
    const { id: boardId, tokens } = await createBoard(server.url, { title: 'presence-oversized' })
    const token = tokens.editor
    const bob = await connectClient(cleanup, server.wsBase, boardId, { token })
    const url = `${server.wsBase}/${boardId}?token=${token}`

    // Control: a state just under the limit is relayed, so the limit is what refuses the next one.
    const fits = await openRawSocket(cleanup, url)
    const fitting = { pad: 'x'.repeat(Limits.maxAwarenessStateBytes - 100) }
    await sendFrame(fits, awarenessFrame(111_111, 1, fitting))
    await waitFor(() => seesPresenceOf(bob, 111_111), { what: 'the fitting state to be relayed' })

    const tooBig = await openRawSocket(cleanup, url)
    await sendFrame(
      tooBig,
      awarenessFrame(222_222, 1, { pad: 'y'.repeat(Limits.maxAwarenessStateBytes + 1) }),
    )
    expect(await closeCodeOf(tooBig)).toBe(CloseCode.messageTooBig)

    // Frames of one room go out in order: once a later state reaches bob, the refused one never will.
    bob.provider.awareness.setLocalStateField('barrier', 1)
    const carol = await connectClient(cleanup, server.wsBase, boardId, { token })
    carol.provider.awareness.setLocalStateField('user', 'carol')
    await waitFor(() => seesPresenceOf(bob, carol.doc.clientID), {
      what: 'a later state to reach bob',
    })
    expect(seesPresenceOf(bob, 222_222)).toBe(false)
    expect(seesPresenceOf(carol, 222_222)).toBe(false)
    expect(seesPresenceOf(carol, 111_111)).toBe(true)
  })

  it('measures the awareness limit in UTF-8 bytes, so multi-byte text cannot slip past it', async () => {
    const server = await startTestServer(cleanup)
    const { id: boardId, tokens } = await createBoard(server.url, { title: 'presence-multibyte' })
    const token = tokens.editor
    const bob = await connectClient(cleanup, server.wsBase, boardId, { token })
    // 10 Ki characters of "é" are 20 KiB of JSON bytes: over the 16 KiB limit, under it in UTF-16 units.
    const state = { name: '\u00e9'.repeat(10 * 1024) }
    expect(Buffer.byteLength(JSON.stringify(state))).toBeGreaterThan(Limits.maxAwarenessStateBytes)
    expect(JSON.stringify(state).length).toBeLessThan(Limits.maxAwarenessStateBytes)

    const raw = await openRawSocket(cleanup, `${server.wsBase}/${boardId}?token=${token}`)
    await sendFrame(raw, awarenessFrame(333_333, 1, state))
    expect(await closeCodeOf(raw)).toBe(CloseCode.messageTooBig)
    expect(seesPresenceOf(bob, 333_333)).toBe(false)
  })
})
