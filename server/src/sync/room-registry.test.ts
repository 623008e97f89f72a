import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CloseCode } from '@stip/protocol'
import * as decoding from 'lib0/decoding'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { Backplane } from '../backplane/backplane'
import { openBackplane } from '../backplane/open-backplane'
import { type Config, configWith } from '../config'
import { createLogger } from '../logger'
import { createMetrics } from '../metrics'
import type { BoardStore } from '../store/board-store'
import { openSqliteBoardStore } from '../store/sqlite-board-store'
import { encodeSyncStep1For, encodeUpdate } from './messages'
import { RoomRegistry } from './room-registry'
import type { Session } from './session'

/** A session that records what it was sent and how it was closed. */
class RecordingSession implements Session {
  readonly role = 'editor' as const
  readonly sent: Uint8Array[] = []
  closedWith: number | null = null
  constructor(readonly id: string) {}
  send(message: Uint8Array) {
    this.sent.push(message)
  }
  close(code: number) {
    this.closedWith = code
  }
  bufferedAmount() {
    return 0
  }
}

function setFrame(key: string, value: number): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, value)
  return encodeUpdate(Y.encodeStateAsUpdate(doc))
}

/** A fresh client's sync step 1: its state vector is empty. */
const freshStepOne = () => encodeSyncStep1For(Y.encodeStateVector(new Y.Doc()))

/** The sync message type of a frame (step 1, step 2 or update) and its payload. */
function syncPart(frame: Uint8Array): { type: number; payload: Uint8Array } {
  const decoder = decoding.createDecoder(frame)
  expect(decoding.readVarUint(decoder)).toBe(0) // sync, not presence
  const type = decoding.readVarUint(decoder)
  return { type, payload: decoding.readVarUint8Array(decoder) }
}

/** Stores a board as one snapshot holding `entries` in map m, as unloading leaves it. */
async function storeSnapshot(store: BoardStore, boardId: string, entries: Record<string, number>) {
  const doc = new Y.Doc()
  for (const [key, value] of Object.entries(entries)) doc.getMap('m').set(key, value)
  await store.compactBoard(boardId, Y.encodeStateAsUpdate(doc), 0)
}

/** Lets the registry's load read the store (its promises settle within one macrotask). */
const storeRead = () => new Promise((resolve) => setImmediate(resolve))

async function storedMap(store: BoardStore, boardId: string) {
  const stored = await store.loadBoard(boardId)
  const doc = new Y.Doc()
  for (const update of [stored.snapshot, ...stored.updates]) if (update) Y.applyUpdate(doc, update)
  return doc.getMap('m').toJSON()
}

// A real registry on a real SQLite store: the load is asynchronous, so frames received in the
// same turn as the connection arrive before the board is ready.
describe('S7: the lifecycle of a board in memory', () => {
  let dataDir: string
  let store: BoardStore
  let backplane: Backplane
  let registry: RoomRegistry
  const open = async (overrides: Partial<Config>) => {
    const config = configWith({ dataDir, logLevel: 'silent', groupCommitMs: 5, ...overrides })
    const logger = createLogger(config.logLevel)
    const metrics = createMetrics()
    backplane = await openBackplane(config, metrics, logger)
    registry = new RoomRegistry(store, backplane, config, metrics, logger)
  }
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'stip-registry-'))
    store = openSqliteBoardStore(dataDir)
  })
  afterEach(async () => {
    await registry.closeAll()
    await backplane.close()
    await store.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('S7: keeps the frames that arrive while the board loads and handles them once it is ready', async () => {
    await open({ maxEarlyFrames: 3 })
    const session = new RecordingSession('early')
    const connection = registry.connect('board', session)
    // One client's successive edits: each frame builds on the one before.
    const client = new Y.Doc()
    client.on('update', (update: Uint8Array) => connection.receive(encodeUpdate(update)))
    client.getMap('m').set('k', 1)
    client.getMap('m').set('k', 2)
    client.getMap('m').set('done', true)
    expect(session.sent).toHaveLength(0)
    const live = await registry.inspectDocument('board', (doc) => doc.getMap('m').toJSON())
    expect(session.closedWith).toBeNull()
    expect(live).toEqual({ k: 2, done: true })
  })

  it('S7: closes with 1008 a connection that sends more than MAX_EARLY_FRAMES before the board loaded', async () => {
    await open({ maxEarlyFrames: 3 })
    const session = new RecordingSession('flood')
    const connection = registry.connect('board', session)
    for (let i = 0; i < 4; i++) connection.receive(setFrame(`k${i}`, i))
    expect(session.closedWith).toBe(CloseCode.policyViolation)
    connection.closed()
    expect(await registry.inspectDocument('board', (doc) => doc.getMap('m').size)).toBe(0)
  })

  it('S7: flushes and unloads a board ROOM_IDLE_MS after the last connection left', async () => {
    await open({ roomIdleMs: 20 })
    const session = new RecordingSession('writer')
    const connection = registry.connect('board', session)
    connection.receive(setFrame('kept', 1))
    await registry.inspectDocument('board', () => undefined)
    connection.closed()
    expect(registry.openRooms).toBe(1)
    await vi.waitFor(() => expect(registry.openRooms).toBe(0), { timeout: 5000, interval: 10 })
    expect(await storedMap(store, 'board')).toEqual({ kept: 1 })
  })

  it('S7: on shutdown flushes every board and closes every session with 1001', async () => {
    await open({ roomIdleMs: 60_000, groupCommitMs: 60_000 })
    const session = new RecordingSession('writer')
    const connection = registry.connect('board', session)
    connection.receive(setFrame('kept', 1))
    await registry.inspectDocument('board', () => undefined)
    await registry.closeAll()
    expect(session.closedWith).toBe(CloseCode.goingAway)
    expect(registry.openRooms).toBe(0)
    expect(await storedMap(store, 'board')).toEqual({ kept: 1 })
  })

  it('S11: answers a fresh client from the stored snapshot before the board is built, then with what it gained since', async () => {
    await storeSnapshot(store, 'board', { stored: 1 })
    await open({})
    // Another participant's edit waits among the early frames and is applied once built.
    const other = registry.connect('board', new RecordingSession('other'))
    other.receive(setFrame('meanwhile', 2))
    const fresh = new RecordingSession('fresh')
    const connection = registry.connect('board', fresh)
    await storeRead()
    connection.receive(freshStepOne())

    // Answered at once, with nothing of the room yet (its handshake would start with step 1).
    expect(fresh.sent).toHaveLength(1)
    const answer = syncPart(fresh.sent[0]!)
    expect(answer.type).toBe(syncProtocol.messageYjsSyncStep2)
    const client = new Y.Doc()
    Y.applyUpdate(client, answer.payload)
    expect(client.getMap('m').toJSON()).toEqual({ stored: 1 })

    await registry.inspectDocument('board', () => undefined)
    // Once built: the room's step 1, then everything the snapshot lacked.
    expect(syncPart(fresh.sent[1]!).type).toBe(syncProtocol.messageYjsSyncStep1)
    const catchUp = syncPart(fresh.sent[2]!)
    expect(catchUp.type).toBe(syncProtocol.messageYjsSyncStep2)
    Y.applyUpdate(client, catchUp.payload)
    expect(client.getMap('m').toJSON()).toEqual({ stored: 1, meanwhile: 2 })
    expect(fresh.closedWith).toBeNull()
  })

  it('S11: holds a fresh sync step 1 that comes before the store has answered, and answers it from the snapshot', async () => {
    await storeSnapshot(store, 'board', { stored: 1 })
    await open({})
    const fresh = new RecordingSession('fresh')
    const connection = registry.connect('board', fresh)
    // In the same turn as the connection: the store has not been read yet (Postgres reads
    // take a round trip; the client's step 1 often comes first).
    connection.receive(freshStepOne())
    connection.receive(setFrame('own', 5))
    const live = await registry.inspectDocument('board', (doc) => doc.getMap('m').toJSON())
    expect(live).toEqual({ stored: 1, own: 5 })
    expect(fresh.sent.map((frame) => syncPart(frame).type)).toEqual([
      syncProtocol.messageYjsSyncStep2, // the stored snapshot, before the room existed
      syncProtocol.messageYjsSyncStep1, // the room's handshake
      syncProtocol.messageYjsSyncStep2, // what the board gained since the snapshot
    ])
    const client = new Y.Doc()
    for (const frame of fresh.sent) {
      const part = syncPart(frame)
      if (part.type === syncProtocol.messageYjsSyncStep2) Y.applyUpdate(client, part.payload)
    }
    // Its own edit it has; nothing is echoed.
    expect(client.getMap('m').toJSON()).toEqual({ stored: 1 })
  })

  it('S11: builds the board first when its log holds updates not folded into the snapshot', async () => {
    await storeSnapshot(store, 'board', { stored: 1 })
    const later = new Y.Doc()
    later.getMap('m').set('logged', 2)
    await store.appendUpdates('board', [Y.encodeStateAsUpdate(later)])
    await open({})
    const fresh = new RecordingSession('fresh')
    const connection = registry.connect('board', fresh)
    // Held while the store is read, then handed back to the room in its place.
    connection.receive(freshStepOne())
    connection.receive(setFrame('own', 5))

    await registry.inspectDocument('board', () => undefined)
    // The room's handshake comes first: nothing was sent from the store alone.
    expect(syncPart(fresh.sent[0]!).type).toBe(syncProtocol.messageYjsSyncStep1)
    const answer = syncPart(fresh.sent[1]!)
    expect(answer.type).toBe(syncProtocol.messageYjsSyncStep2)
    const client = new Y.Doc()
    Y.applyUpdate(client, answer.payload)
    expect(client.getMap('m').toJSON()).toEqual({ stored: 1, logged: 2 })
    expect(fresh.sent).toHaveLength(2)
  })

  it('S11: answers a returning client (it has part of the board) only from the built board', async () => {
    await storeSnapshot(store, 'board', { stored: 1 })
    await open({})
    const returning = new RecordingSession('returning')
    const connection = registry.connect('board', returning)
    await storeRead()
    const had = new Y.Doc()
    had.getMap('m').set('own', 3)
    connection.receive(encodeSyncStep1For(Y.encodeStateVector(had)))
    expect(returning.sent).toHaveLength(0)
    await registry.inspectDocument('board', () => undefined)
    expect(syncPart(returning.sent[0]!).type).toBe(syncProtocol.messageYjsSyncStep1)
    expect(syncPart(returning.sent[1]!).type).toBe(syncProtocol.messageYjsSyncStep2)
  })

  it('S11: builds the board after a short wait when a connection says nothing', async () => {
    await storeSnapshot(store, 'board', { stored: 1 })
    await open({})
    const silent = new RecordingSession('silent')
    registry.connect('board', silent)
    const map = await registry.inspectDocument('board', (doc) => doc.getMap('m').toJSON())
    expect(map).toEqual({ stored: 1 })
    expect(syncPart(silent.sent[0]!).type).toBe(syncProtocol.messageYjsSyncStep1)
  })
})
