/**
 * Memory and CPU of Stip's production build on a fixed amount of work: idle, with `--rooms`
 * boards of `--clients` real y-websocket clients connected (default 50 x 4, as rooms50x4), and
 * after 15 s of each client making `--rate` edits a second (default 2). For comparing node flags
 * (the young generation's size, say) on the same work.
 *
 *   node_modules/.bin/tsx test/bench/rooms-memory.ts [--node-flags=--max-semi-space-size=4]
 *   node_modules/.bin/tsx test/bench/rooms-memory.ts --rooms 1 --clients 20 --rate 20   # burst
 *
 * Builds nothing: run `node scripts/build-server.mjs` first. The flags replace the ones the
 * bench gives Stip by default (server-process.ts); pass `--node-flags=` for node's defaults.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { type BoardClient, connectClient } from '../integration/helpers/clients'
import { provisionBoards } from './provision-boards'
import { readUsage, startServerProcess } from './server-process'

const { values } = parseArgs({
  options: {
    'node-flags': { type: 'string' },
    rooms: { type: 'string', default: '50' },
    clients: { type: 'string', default: '4' },
    rate: { type: 'string', default: '2' },
  },
})
const [roomCount, clientsPerRoom, rate] = [values.rooms, values.clients, values.rate].map(Number)
// Every y-websocket provider adds an exit listener to the process.
process.setMaxListeners(0)
const dataDir = await mkdtemp(path.join(tmpdir(), 'stip-rooms-memory-'))
const steps: Array<() => unknown> = []
const server = await startServerProcess({
  kind: 'stip',
  dataDir,
  stipNodeFlags: values['node-flags']?.split(' ').filter((flag) => flag !== ''),
  track: () => {},
})
const figures: Record<string, number> = {}
const note = (label: string) => {
  figures[`${label}RssMiB`] = Math.round(readUsage(server.pid).rssMiB * 10) / 10
}
try {
  await sleep(2000)
  note('idle')
  const boards = await provisionBoards(server, roomCount!)
  const clients: BoardClient[] = []
  for (const board of boards) {
    for (let c = 0; c < clientsPerRoom!; c++) {
      const cleanup = { add: (step: () => unknown) => steps.push(step) }
      clients.push(
        await connectClient(cleanup, server.wsBase, board.room, { token: board.params.token }),
      )
    }
  }
  note('connected')
  const cpuBefore = readUsage(server.pid).cpuSeconds
  let tick = 0
  // Four ticks per edit interval, each client on its own tick: edits spread over time.
  const timer = setInterval(
    () => {
      for (const [i, client] of clients.entries()) {
        if ((tick + i) % 4 === 0) client.map.set(`note-${i}`, { tick, text: 'x'.repeat(250) })
      }
      tick++
    },
    1000 / rate! / 4,
  )
  await sleep(15_000)
  clearInterval(timer)
  await sleep(2000)
  note('loaded')
  const usage = readUsage(server.pid)
  figures.peakRssMiB = Math.round(usage.peakRssMiB * 10) / 10
  figures.loadCpuSeconds = Math.round((usage.cpuSeconds - cpuBefore) * 100) / 100
  process.stdout.write(
    `${JSON.stringify({ nodeFlags: values['node-flags'] ?? null, roomCount, clientsPerRoom, rate, ...figures })}\n`,
  )
} finally {
  for (const step of steps) await step()
  await server.stop()
  await rm(dataDir, { recursive: true, force: true })
}
