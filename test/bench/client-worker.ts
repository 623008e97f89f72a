/**
 * Worker thread of the load generator: owns a share of the simulated clients (each the real
 * client of its server's protocol, see clients/connect-board.ts), makes their edits on
 * schedule and records edit-to-remote latency into a histogram that the main thread merges.
 *
 * Clocks: every timestamp is `performance.timeOrigin + performance.now()`, which all threads
 * of one process derive from the same wall clock, so a send time written by one worker can be
 * compared with a receive time in another.
 */
import { parentPort } from 'node:worker_threads'
import type { BoardConnection, EditStamp } from './clients/board-connection'
import { connectBoard } from './clients/connect-board'
import { createHistogram, recordLatency } from './latency-histogram'
import type { BenchClientSpec, WorkerRequest, WorkerResult } from './worker-messages'

const CONNECT_BATCH = 10

interface Client {
  room: string
  key: string
  instance: number
  connection: BoardConnection
  seq: number
  /** First sequence number sent inside the measured window (0 before it). */
  firstInWindow: number
}

const now = () => performance.timeOrigin + performance.now()

function main(): void {
  // Every WebsocketProvider adds a process 'exit' listener in Node; hundreds are expected here.
  process.setMaxListeners(0)
  const port = parentPort
  if (port === null) throw new Error('client-worker must run in a worker thread')
  const clients: Client[] = []
  const histogram = createHistogram()
  const crossHistogram = createHistogram()
  const wireHistogram = createHistogram()
  const lag = createHistogram()
  const sentByRoom: Record<string, number> = {}
  const counters = { received: 0, receivedInWindow: 0, disconnects: 0 }
  const measured = { start: Number.POSITIVE_INFINITY, end: 0 }
  const state = { closed: false }
  const inWindow = (stamp: EditStamp) => stamp.t >= measured.start && stamp.t < measured.end

  const connect = (
    protocol: Parameters<typeof connectBoard>[0],
    wsBase: string,
    spec: BenchClientSpec,
  ) => {
    const instance = spec.instance ?? 0
    // Last sequence number seen per sender: a server may merge several edits of one sender into
    // one update, and then only the newest value is observed; the skipped ones count as delivered.
    const lastSeq = new Map<string, number>()
    const lastWireSeq = new Map<string, number>()
    const connection = connectBoard(protocol, {
      wsBase: spec.wsBase ?? wsBase,
      room: spec.room,
      params: spec.params,
      key: spec.key,
      onRemoteEdit: (key, stamp, receivedAt) => {
        const last = lastSeq.get(key) ?? 0
        if (stamp.n <= last) return
        lastSeq.set(key, stamp.n)
        counters.received += stamp.n - last
        if (!inWindow(stamp)) return
        counters.receivedInWindow += stamp.n - Math.max(last, stamp.w - 1)
        recordLatency(histogram, receivedAt - stamp.t)
        if (stamp.s !== instance) recordLatency(crossHistogram, receivedAt - stamp.t)
      },
      onWireEdit: (key, stamp, receivedAt) => {
        if (stamp.n <= (lastWireSeq.get(key) ?? 0)) return
        lastWireSeq.set(key, stamp.n)
        if (inWindow(stamp)) recordLatency(wireHistogram, receivedAt - stamp.t)
      },
      onDisconnect: () => {
        if (!state.closed) counters.disconnects++
      },
    })
    const client: Client = {
      room: spec.room,
      key: spec.key,
      instance,
      connection,
      seq: 0,
      firstInWindow: 0,
    }
    clients.push(client)
    return connection.synced
  }

  const reply = (message: WorkerResult, transfer: ArrayBuffer[] = []) =>
    port.postMessage(message, transfer)

  port.on('message', async (request: WorkerRequest) => {
    try {
      switch (request.type) {
        case 'connect': {
          const started = now()
          for (let i = 0; i < request.clients.length; i += CONNECT_BATCH) {
            const batch = request.clients.slice(i, i + CONNECT_BATCH)
            await Promise.all(batch.map((spec) => connect(request.protocol, request.wsBase, spec)))
          }
          reply({ type: 'connected', ms: now() - started })
          break
        }
        case 'run': {
          const interval = 1000 / request.editsPerSecond
          for (const client of clients) {
            // Fixed cadence (not "interval after the last edit") so a busy thread does not
            // quietly lower the offered load.
            let nextAt = request.editStart + Math.random() * interval
            const edit = () => {
              const t = now()
              if (state.closed || t >= request.editEnd) return
              client.seq++
              if (t >= request.measureStart && t < request.measureEnd) {
                if (client.firstInWindow === 0) client.firstInWindow = client.seq
                sentByRoom[client.room] = (sentByRoom[client.room] ?? 0) + 1
                // How late the timer fired: the generator's own saturation, reported so a
                // slow generator is not mistaken for a slow server.
                recordLatency(lag, t - nextAt)
              }
              client.connection.edit(
                { t, n: client.seq, s: client.instance, w: client.firstInWindow },
                request.payloadBytes,
              )
              nextAt += interval
              setTimeout(edit, Math.max(0, nextAt - now()))
            }
            setTimeout(edit, Math.max(0, nextAt - now()))
          }
          measured.start = request.measureStart
          measured.end = request.measureEnd
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, request.editEnd - now())))
          reply({ type: 'ran' })
          break
        }
        case 'digest': {
          const digestsByRoom: Record<string, string[]> = {}
          for (const client of clients) {
            digestsByRoom[client.room] = [
              ...(digestsByRoom[client.room] ?? []),
              client.connection.digest(),
            ]
          }
          reply({ type: 'digests', digestsByRoom })
          break
        }
        case 'collect': {
          const digestsByRoom: Record<string, string[]> = {}
          const recordCountsByRoom: Record<string, number[]> = {}
          for (const client of clients) {
            digestsByRoom[client.room] = [
              ...(digestsByRoom[client.room] ?? []),
              client.connection.digest(),
            ]
            recordCountsByRoom[client.room] = [
              ...(recordCountsByRoom[client.room] ?? []),
              client.connection.editRecordCount(),
            ]
          }
          const copies = [histogram, crossHistogram, lag, wireHistogram].map((h) => h.slice())
          const [all, cross, lagCopy, wire] = copies as [
            Uint32Array,
            Uint32Array,
            Uint32Array,
            Uint32Array,
          ]
          reply(
            {
              type: 'result',
              histogram: all,
              crossHistogram: cross,
              lag: lagCopy,
              wireHistogram: wire,
              digestsByRoom,
              recordCountsByRoom,
              sentByRoom: { ...sentByRoom },
              received: counters.received,
              receivedInWindow: counters.receivedInWindow,
              disconnects: counters.disconnects,
            },
            copies.map((copy) => copy.buffer as ArrayBuffer),
          )
          break
        }
        case 'close': {
          state.closed = true
          for (const client of clients) client.connection.close()
          clients.length = 0
          reply({ type: 'closed' })
          break
        }
      }
    } catch (error) {
      reply({
        type: 'error',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      })
    }
  })
}

main()
