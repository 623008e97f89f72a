import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { createSharedFrameSender } from './shared-frame-sender'

const servers: WebSocketServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))))
})

/** A ws server on port 0 and `count` real clients connected to it, with their server sockets. */
async function connect(count: number) {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  servers.push(server)
  await new Promise((done) => server.once('listening', done))
  const port = (server.address() as AddressInfo).port
  const accepted: WebSocket[] = []
  server.on('connection', (socket) => accepted.push(socket))
  const clients = await Promise.all(
    Array.from({ length: count }, async () => {
      const client = new WebSocket(`ws://127.0.0.1:${port}`)
      const received: Uint8Array[] = []
      client.on('message', (data: Buffer) => received.push(new Uint8Array(data)))
      await new Promise((done) => client.once('open', done))
      return { client, received }
    }),
  )
  while (accepted.length < count) await new Promise((done) => setTimeout(done, 5))
  return { accepted, clients }
}

const bytes = (length: number, seed: number) =>
  Uint8Array.from({ length }, (_, i) => (i * 31 + seed) % 256)

describe('createSharedFrameSender', () => {
  it('delivers each message whole and in order to every socket, of every length class', async () => {
    const { accepted, clients } = await connect(3)
    const send = createSharedFrameSender()
    // Lengths around each header size (7-bit, 16-bit, 64-bit) and past the shared-frame limit.
    const payloads = [0, 1, 125, 126, 300, 65535, 65536, 70_000].map((n, i) => bytes(n, i))
    for (const payload of payloads) for (const socket of accepted) send(socket, payload)
    for (const socket of accepted) socket.send(new Uint8Array([42]))
    for (const { received } of clients) {
      while (received.length < payloads.length + 1) await new Promise((d) => setTimeout(d, 5))
      expect(received.slice(0, payloads.length)).toEqual(payloads)
      expect(received.at(-1)).toEqual(new Uint8Array([42]))
    }
    for (const { client } of clients) client.close()
  })

  it('counts what it wrote in bufferedAmount until the socket takes it', async () => {
    const { accepted, clients } = await connect(1)
    const socket = accepted[0]!
    const raw = (socket as unknown as { _socket: import('node:net').Socket })._socket
    raw.cork()
    createSharedFrameSender()(socket, bytes(1000, 1))
    expect(socket.bufferedAmount).toBeGreaterThanOrEqual(1000)
    raw.uncork()
    clients[0]!.client.close()
  })
})
