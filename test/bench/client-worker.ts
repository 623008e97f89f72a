/**
 * Worker thread of the load generator: owns a share of the simulated clients (each a real
 * y-websocket WebsocketProvider over `ws` with its own Y.Doc), makes their edits on schedule
 * and records edit-to-remote latency into a histogram that the main thread merges.
 *
 * Clocks: every timestamp is `performance.timeOrigin + performance.now()`, which all threads
 * of one process derive from the same wall clock, so a send time written by one worker can be
 * compared with a receive time in another.
 */
import { parentPort } from 'node:worker_threads'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createHistogram, recordLatency } from './latency-histogram'
import type { BenchClientSpec, WorkerRequest, WorkerResult } from './worker-messages'

const CONNECT_TIMEOUT_MS = 60_000
const CONNECT_BATCH = 10

interface Client {
  room: string
  key: string
  instance: number
  doc: Y.Doc
  provider: WebsocketProvider
  map: Y.Map<unknown>
  seq: number
}

interface MeasureWindow {
  measureStart: number
  measureEnd: number
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
  const lag = createHistogram()
  const sentByRoom: Record<string, number> = {}
  const counters = { received: 0, receivedInWindow: 0, disconnects: 0 }
  const measureWindow: MeasureWindow = { measureStart: Number.POSITIVE_INFINITY, measureEnd: 0 }
  const state = { closed: false }

  const reply = (message: WorkerResult, transfer: ArrayBuffer[] = []) =>
    port.postMessage(message, transfer)

  port.on('message', async (request: WorkerRequest) => {
    try {
      switch (request.type) {
        case 'connect': {
          const started = now()
          for (let i = 0; i < request.clients.length; i += CONNECT_BATCH) {
            const batch = request.clients.slice(i, i + CONNECT_BATCH)
            await Promise.all(
              batch.map(async (spec) => {
                const client = createClient(
                  request.wsBase,
                  spec,
                  { all: histogram, cross: crossHistogram },
                  measureWindow,
                  counters,
                )
                clients.push(client)
                await waitSynced(client.provider)
              }),
            )
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
              if (t >= request.measureStart && t < request.measureEnd) {
                sentByRoom[client.room] = (sentByRoom[client.room] ?? 0) + 1
                // How late the timer fired: the generator's own saturation, reported so a
                // slow generator is not mistaken for a slow server.
                recordLatency(lag, t - nextAt)
              }
              client.seq++
              client.map.set(client.key, makeRecord(client, t, request.payloadBytes))
              nextAt += interval
              setTimeout(edit, Math.max(0, nextAt - now()))
            }
            setTimeout(edit, Math.max(0, nextAt - now()))
          }
          measureWindow.measureStart = request.measureStart
          measureWindow.measureEnd = request.measureEnd
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, request.editEnd - now())))
          reply({ type: 'ran' })
          break
        }
        case 'collect': {
          const copy = histogram.slice()
          const crossCopy = crossHistogram.slice()
          const lagCopy = lag.slice()
          reply(
            {
              type: 'result',
              histogram: copy,
              crossHistogram: crossCopy,
              lag: lagCopy,
              sentByRoom: { ...sentByRoom },
              received: counters.received,
              receivedInWindow: counters.receivedInWindow,
              disconnects: counters.disconnects,
            },
            [
              copy.buffer as ArrayBuffer,
              crossCopy.buffer as ArrayBuffer,
              lagCopy.buffer as ArrayBuffer,
            ],
          )
          break
        }
        case 'close': {
          state.closed = true
          for (const client of clients) {
            client.provider.destroy()
            client.doc.destroy()
          }
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

function createClient(
  defaultWsBase: string,
  spec: BenchClientSpec,
  histograms: { all: Uint32Array; cross: Uint32Array },
  measureWindow: MeasureWindow,
  counters: { received: number; receivedInWindow: number; disconnects: number },
): Client {
  const { room, key, params } = spec
  const instance = spec.instance ?? 0
  const doc = new Y.Doc()
  const map = doc.getMap<unknown>('bench')
  // Last sequence number seen per sender: a server may merge several edits of one sender into
  // one update, and then only the newest value is observed; the skipped ones count as delivered.
  const lastSeq = new Map<string, number>()
  map.observe((event) => {
    if (event.transaction.local) return
    const t = now()
    for (const changed of event.keysChanged) {
      const value = map.get(changed) as { t?: unknown; n?: unknown; s?: unknown } | undefined
      if (value === undefined || typeof value.t !== 'number' || typeof value.n !== 'number')
        continue
      const delivered = value.n - (lastSeq.get(changed) ?? 0)
      lastSeq.set(changed, value.n)
      counters.received += delivered
      if (value.t >= measureWindow.measureStart && value.t < measureWindow.measureEnd) {
        counters.receivedInWindow += delivered
        recordLatency(histograms.all, t - value.t)
        if (value.s !== instance) recordLatency(histograms.cross, t - value.t)
      }
    }
  })
  const provider = new WebsocketProvider(spec.wsBase ?? defaultWsBase, room, doc, {
    params,
    // biome-ignore lint/suspicious/noExplicitAny: ws's class is what y-websocket wants in Node
    WebSocketPolyfill: WebSocket as any,
    // Same-process BroadcastChannel would carry updates between clients of one room
    // around the server and make the benchmark meaningless.
    disableBc: true,
  })
  provider.on('status', ({ status }) => {
    if (status === 'disconnected') counters.disconnects++
  })
  return { room, key, instance, doc, provider, map, seq: 0 }
}

async function waitSynced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('client did not sync in time')),
      CONNECT_TIMEOUT_MS,
    )
    const onSync = (synced: boolean) => {
      if (!synced) return
      clearTimeout(timer)
      provider.off('sync', onSync)
      resolve()
    }
    provider.on('sync', onSync)
  })
}

/** A tldraw-like shape record, padded to about `payloadBytes` of JSON. */
function makeRecord(client: Client, t: number, payloadBytes: number) {
  const record = {
    t,
    n: client.seq,
    // The sender's server instance (the padding below keeps the record size unchanged).
    s: client.instance,
    id: `shape:${client.key}`,
    typeName: 'shape',
    type: 'geo',
    x: Math.round(Math.random() * 2000),
    y: Math.round(Math.random() * 2000),
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props: { w: 160, h: 90, geo: 'rectangle', color: 'blue', fill: 'semi', text: '' },
    meta: {},
  }
  const missing = payloadBytes - JSON.stringify(record).length
  if (missing > 0) record.props.text = 'x'.repeat(missing)
  return record
}

main()
