import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { ServerProcess } from './server-process'

export interface SyncScenario {
  records: number
  recordBytes: number
  /** Records written per Yjs transaction while building the board (one update each). */
  recordsPerTransaction: number
  samples: number
  /** Wait after the board is on the server before killing it (Stip's group-commit window). */
  persistWaitMs: number
}

export interface SyncResult {
  /** Board in server memory (a client stays connected): new client connect -> synced. */
  warmMs: number
  warmSamplesMs: number[]
  /** Stip only: server restarted onto the same DATA_DIR before each sample. */
  coldMs: number | null
  coldSamplesMs: number[]
  /** Stip only: first cold sync after `kill -9` (durability check + timing). */
  afterKillMs: number | null
  recordsAfterKill: number | null
  buildMs: number
  serverPeakRssMiB: number
}

const SYNC_TIMEOUT_MS = 60_000
const now = () => performance.timeOrigin + performance.now()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Builds a board of `records` tldraw-like records through one client, then times fresh
 * clients from connect to `synced`: warm (board in memory) on both servers, and for Stip
 * cold, with the server restarted so the board is read from SQLite.
 */
export async function runSyncScenario(
  scenario: SyncScenario,
  start: () => Promise<ServerProcess>,
): Promise<SyncResult> {
  const room = `bench-sync-${Math.random().toString(36).slice(2, 8)}`
  let server = await start()
  let peak = 0
  const notePeak = (s: ServerProcess) => {
    peak = Math.max(peak, s.usage().peakRssMiB)
  }
  try {
    const builder = connect(server.wsBase, room)
    await waitSynced(builder.provider)
    const buildStarted = now()
    const records = builder.doc.getMap<unknown>('records')
    for (let i = 0; i < scenario.records; i += scenario.recordsPerTransaction) {
      builder.doc.transact(() => {
        for (let j = i; j < Math.min(scenario.records, i + scenario.recordsPerTransaction); j++) {
          records.set(`shape:${j}`, makeRecord(j, scenario.recordBytes))
        }
      })
      // Yield now and then so the socket drains like a real client's would.
      if ((i / scenario.recordsPerTransaction) % 50 === 0) await sleep(0)
    }
    // The board is on the server once an independent client sees every record.
    const deadline = now() + SYNC_TIMEOUT_MS
    let seen = 0
    while (seen < scenario.records && now() < deadline) {
      const probe = connect(server.wsBase, room)
      await waitSynced(probe.provider)
      seen = probe.doc.getMap('records').size
      close(probe)
      if (seen < scenario.records) await sleep(200)
    }
    if (seen < scenario.records) throw new Error(`server holds ${seen}/${scenario.records} records`)
    const buildMs = now() - buildStarted

    const warmSamplesMs: number[] = []
    for (let i = 0; i < scenario.samples; i++) {
      warmSamplesMs.push(await timeSync(server.wsBase, room, scenario.records))
    }
    notePeak(server)
    close(builder)
    if (server.kind === 'reference') {
      return {
        warmMs: median(warmSamplesMs),
        warmSamplesMs,
        coldMs: null,
        coldSamplesMs: [],
        afterKillMs: null,
        recordsAfterKill: null,
        buildMs: Math.round(buildMs),
        serverPeakRssMiB: round(peak),
      }
    }

    await sleep(scenario.persistWaitMs)
    await server.kill()
    server = await start()
    const afterKill = await timeSync(server.wsBase, room, null)
    notePeak(server)
    await server.stop()

    const coldSamplesMs: number[] = []
    for (let i = 0; i < scenario.samples; i++) {
      server = await start()
      coldSamplesMs.push(await timeSync(server.wsBase, room, scenario.records))
      notePeak(server)
      await server.stop()
    }
    return {
      warmMs: median(warmSamplesMs),
      warmSamplesMs,
      coldMs: median(coldSamplesMs),
      coldSamplesMs,
      afterKillMs: round(afterKill.ms),
      recordsAfterKill: afterKill.records,
      buildMs: Math.round(buildMs),
      serverPeakRssMiB: round(peak),
    }
  } finally {
    await server.stop()
  }
}

function connect(wsBase: string, room: string) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(wsBase, room, doc, {
    // biome-ignore lint/suspicious/noExplicitAny: ws's class is what y-websocket wants in Node
    WebSocketPolyfill: WebSocket as any,
    disableBc: true,
  })
  return { doc, provider }
}

function close(client: { doc: Y.Doc; provider: WebsocketProvider }): void {
  client.provider.destroy()
  client.doc.destroy()
}

async function timeSync(wsBase: string, room: string, expected: number): Promise<number>
async function timeSync(
  wsBase: string,
  room: string,
  expected: null,
): Promise<{ ms: number; records: number }>
async function timeSync(
  wsBase: string,
  room: string,
  expected: number | null,
): Promise<number | { ms: number; records: number }> {
  const started = now()
  const client = connect(wsBase, room)
  try {
    await waitSynced(client.provider)
    const ms = now() - started
    const records = client.doc.getMap('records').size
    if (expected === null) return { ms, records }
    if (records !== expected) throw new Error(`synced ${records} records, expected ${expected}`)
    return round(ms)
  } finally {
    close(client)
  }
}

async function waitSynced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('client did not sync in time')), SYNC_TIMEOUT_MS)
    const onSync = (synced: boolean) => {
      if (!synced) return
      clearTimeout(timer)
      provider.off('sync', onSync)
      resolve()
    }
    provider.on('sync', onSync)
  })
}

function makeRecord(i: number, bytes: number) {
  const record = {
    id: `shape:${i}`,
    typeName: 'shape',
    type: 'note',
    x: (i % 100) * 220,
    y: Math.floor(i / 100) * 220,
    rotation: 0,
    index: `a${i.toString(36)}`,
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props: { color: 'yellow', size: 'm', font: 'draw', align: 'middle', text: '' },
    meta: {},
  }
  const missing = bytes - JSON.stringify(record).length
  if (missing > 0) record.props.text = 'y'.repeat(missing)
  return record
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return Number.NaN
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10
}
