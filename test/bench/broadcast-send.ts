/**
 * CPU of handing one broadcast to many websockets, in process with process.cpuUsage() so a busy
 * shared machine disturbs it less than wall time: `ws.send` per socket (a header built per
 * socket, header and payload written as two buffers) against the shared frame sender
 * (server/src/http/shared-frame-sender.ts: framed once, one write per socket per flush).
 * Real ws sockets over loopback; only the sending side is timed, up to the end of the writes.
 *
 *   node_modules/.bin/tsx test/bench/broadcast-send.ts [--sockets 20] [--broadcasts 1000] [--reps 7]
 */
import type { AddressInfo } from 'node:net'
import { parseArgs } from 'node:util'
import { WebSocket, WebSocketServer } from 'ws'
import { createSharedFrameSender } from '../../server/src/http/shared-frame-sender'

const { values } = parseArgs({
  options: {
    sockets: { type: 'string', default: '20' },
    broadcasts: { type: 'string', default: '1000' },
    reps: { type: 'string', default: '7' },
  },
})
const socketCount = Number(values.sockets)
const broadcasts = Number(values.broadcasts)
const reps = Number(values.reps)

const server = new WebSocketServer({ port: 0, host: '127.0.0.1' })
await new Promise((done) => server.once('listening', done))
const accepted: WebSocket[] = []
server.on('connection', (socket) => accepted.push(socket))
const port = (server.address() as AddressInfo).port
const clients = await Promise.all(
  Array.from({ length: socketCount }, async () => {
    const client = new WebSocket(`ws://127.0.0.1:${port}`)
    await new Promise((done) => client.once('open', done))
    return client
  }),
)
while (accepted.length < socketCount) await new Promise((done) => setTimeout(done, 5))

type Send = (socket: WebSocket, payload: Uint8Array) => void
const viaWs: Send = (socket, payload) => socket.send(payload)
const update = () => new Uint8Array(330).fill(7)
const presence = () => new Uint8Array(90).fill(1)

/** CPU µs per delivery of `broadcasts` flushes of `frames` messages each to every socket. */
async function measure(send: Send, frames: () => Uint8Array[]): Promise<number> {
  let used = 0
  for (let i = 0; i < broadcasts; i++) {
    const batch = frames()
    const started = process.cpuUsage()
    for (const socket of accepted) for (const frame of batch) send(socket, frame)
    // Corked writes go out on the next tick: wait for it, not for the readers.
    await new Promise((done) => process.nextTick(done))
    const delta = process.cpuUsage(started)
    used += delta.user + delta.system
    // Let the clients read, so no socket backs up between measurements.
    if (i % 50 === 49) await new Promise((done) => setTimeout(done, 1))
  }
  return used / (broadcasts * socketCount)
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[list.length >> 1]!
for (const [name, frames] of [
  ['merged update (330 B)', () => [update()]],
  ['update + presence in one flush', () => [update(), presence()]],
] as const) {
  const results = { ws: [] as number[], shared: [] as number[] }
  for (let rep = 0; rep < reps; rep++) {
    results.ws.push(await measure(viaWs, frames))
    results.shared.push(await measure(createSharedFrameSender(), frames))
  }
  const [a, b] = [median(results.ws), median(results.shared)]
  process.stdout.write(
    `${name}, ${socketCount} sockets: CPU µs per recipient, median of ${reps}: ` +
      `ws.send ${a.toFixed(2)}, shared frame ${b.toFixed(2)} (${((b / a - 1) * 100).toFixed(0)} %)\n`,
  )
}
for (const client of clients) client.terminate()
server.close()
