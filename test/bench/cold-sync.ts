import type { BoardConnection } from './clients/board-connection'
import { connectBoard } from './clients/connect-board'
import { provisionBoards } from './provision-boards'
import { isStip, readMetric, type ServerProcess } from './server-process'

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
  /** Stip only: room unloaded (no client for ROOM_IDLE_MS), same process: read from SQLite. */
  coldUnloadedMs: number | null
  coldUnloadedSamplesMs: number[]
  /** Stip only: server process restarted onto the same DATA_DIR before each sample. */
  coldRestartMs: number | null
  coldRestartSamplesMs: number[]
  /** Stip only: first cold sync after `kill -9` (durability check + timing). */
  afterKillMs: number | null
  recordsAfterKill: number | null
  buildMs: number
  serverPeakRssMiB: number
  /** `/proc/loadavg` when the run ended (set by the caller). */
  loadavg?: string
}

const SYNC_TIMEOUT_MS = 60_000
const now = () => performance.timeOrigin + performance.now()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Builds a board of `records` tldraw-like records through one client, then times fresh
 * clients from connect to synced: warm (board in memory) on every server, and for Stip also
 * cold, with the room unloaded or the server restarted so the board is read from SQLite.
 */
export async function runSyncScenario(
  scenario: SyncScenario,
  start: () => Promise<ServerProcess>,
): Promise<SyncResult> {
  let server = await start()
  const [board] = await provisionBoards(server, 1)
  if (!board) throw new Error('no board')
  const { room, params } = board
  let peak = 0
  const notePeak = (s: ServerProcess) => {
    peak = Math.max(peak, s.usage().peakRssMiB)
  }
  try {
    const builder = connect(server, room, params)
    await builder.synced
    const buildStarted = now()
    for (let i = 0; i < scenario.records; i += scenario.recordsPerTransaction) {
      const end = Math.min(scenario.records, i + scenario.recordsPerTransaction)
      builder.putBoardRecords(
        Array.from({ length: end - i }, (_, k) => i + k),
        scenario.recordBytes,
      )
      // About 100 updates a second: under Stip's per-connection message rate limit (200/s),
      // and the socket drains like a real client's would.
      if ((i / scenario.recordsPerTransaction) % 10 === 9) await sleep(100)
    }
    // The board is on the server once an independent client sees every record.
    const deadline = now() + SYNC_TIMEOUT_MS
    let seen = 0
    while (seen < scenario.records && now() < deadline) {
      const probe = connect(server, room, params)
      await probe.synced
      seen = probe.boardRecordCount()
      probe.close()
      if (seen < scenario.records) await sleep(200)
    }
    if (seen < scenario.records) throw new Error(`server holds ${seen}/${scenario.records} records`)
    const buildMs = now() - buildStarted

    const warm: SyncSample[] = []
    for (let i = 0; i < scenario.samples; i++) {
      warm.push(await timeSync(server, room, params, scenario.records))
    }
    const warmSamplesMs = warm.map((sample) => sample.ms)
    notePeak(server)
    if (!isStip(server.kind)) {
      builder.close()
      return {
        warmMs: median(warmSamplesMs),
        warmSamplesMs,
        coldUnloadedMs: null,
        coldUnloadedSamplesMs: [],
        coldRestartMs: null,
        coldRestartSamplesMs: [],
        afterKillMs: null,
        recordsAfterKill: null,
        buildMs: Math.round(buildMs),
        serverPeakRssMiB: round(peak),
      }
    }

    // Crash test: kill -9 while the builder is still connected (so no unload or compaction
    // has run), and drop the builder before the restart so it cannot re-upload the board.
    await sleep(scenario.persistWaitMs)
    await server.kill()
    builder.close()
    server = await start()
    const afterKill = await timeSync(server, room, params, null)
    notePeak(server)

    // Room unloaded, process warm: the registry drops an empty room after ROOM_IDLE_MS.
    const unloaded: SyncSample[] = []
    for (let i = 0; i < scenario.samples; i++) {
      await waitRoomsUnloaded(server)
      unloaded.push(await timeSync(server, room, params, scenario.records))
    }
    const coldUnloadedSamplesMs = unloaded.map((sample) => sample.ms)
    notePeak(server)
    await server.stop()

    // Process restarted: the first connection also pays for a cold process.
    const restarted: SyncSample[] = []
    for (let i = 0; i < scenario.samples; i++) {
      server = await start()
      restarted.push(await timeSync(server, room, params, scenario.records))
      notePeak(server)
      await server.stop()
    }
    return {
      warmMs: median(warmSamplesMs),
      warmSamplesMs,
      coldUnloadedMs: median(coldUnloadedSamplesMs),
      coldUnloadedSamplesMs,
      coldRestartMs: median(restarted.map((sample) => sample.ms)),
      coldRestartSamplesMs: restarted.map((sample) => sample.ms),
      afterKillMs: round(afterKill.ms),
      recordsAfterKill: afterKill.records,
      buildMs: Math.round(buildMs),
      serverPeakRssMiB: round(peak),
    }
  } finally {
    // A failed run must not leave a client reconnecting to a stopped server.
    for (const connection of openConnections) connection.close()
    openConnections.clear()
    await server.stop()
  }
}

async function waitRoomsUnloaded(server: ServerProcess): Promise<void> {
  const deadline = now() + SYNC_TIMEOUT_MS
  while (now() < deadline) {
    const open = await readMetric(server, 'stip_rooms_open')
    if (open === null) throw new Error('stip_rooms_open is missing from /metrics')
    if (open === 0) return
    await sleep(100)
  }
  throw new Error('the room was not unloaded in time')
}

let participants = 0
const openConnections = new Set<BoardConnection>()

function connect(server: ServerProcess, room: string, params: Record<string, string>) {
  participants++
  const connection = connectBoard(server.protocol, {
    wsBase: server.wsBase,
    room,
    params,
    key: `sync${participants}`,
  })
  const close = connection.close
  openConnections.add(connection)
  return {
    ...connection,
    close: () => {
      openConnections.delete(connection)
      close()
    },
  }
}

interface SyncSample {
  /** Connect -> synced (tldraw: loaded), ms. */
  ms: number
  records: number
}

/** Times a fresh client from connect to synced; checks the record count when given. */
async function timeSync(
  server: ServerProcess,
  room: string,
  params: Record<string, string>,
  expected: number | null,
): Promise<SyncSample> {
  const started = now()
  const client: BoardConnection = connect(server, room, params)
  try {
    await client.synced
    const ms = now() - started
    const records = client.boardRecordCount()
    if (expected !== null && records !== expected) {
      throw new Error(`synced ${records} records, expected ${expected}`)
    }
    return { ms: round(ms), records }
  } finally {
    client.close()
  }
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
