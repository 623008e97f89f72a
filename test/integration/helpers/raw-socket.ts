import type { Socket } from 'node:net'
import { MessageType } from '@stip/protocol'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { Cleanup } from './cleanup'

/** A bare websocket that speaks only what a test sends, for protocol-level cases. */
export interface RawSocket {
  ws: WebSocket
  /** Binary frames received so far. */
  received: Uint8Array[]
  receivedBytes(): number
  /** Resolves with the close code once the connection is closed (1006 when dropped). */
  closed: Promise<{ code: number; reason: string }>
  /** Stops reading from the TCP socket: the kernel buffers fill and pings go unanswered. */
  pause(): void
  resume(): void
}

export async function openRawSocket(cleanup: Cleanup, url: string): Promise<RawSocket> {
  const ws = new WebSocket(url)
  const received: Uint8Array[] = []
  let bytes = 0
  ws.on('message', (data: Buffer, isBinary) => {
    if (!isBinary) return
    received.push(new Uint8Array(data))
    bytes += data.byteLength
  })
  // A socket the server drops mid-write may report EPIPE/ECONNRESET; the close code tells the story.
  ws.on('error', () => {})
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  cleanup.add(() => ws.terminate())
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('unexpected-response', (_req, res) =>
      reject(new Error(`upgrade refused: ${res.statusCode}`)),
    )
    ws.once('error', reject)
  })
  const socket = () => (ws as unknown as { _socket: Socket })._socket
  return {
    ws,
    received,
    receivedBytes: () => bytes,
    closed,
    pause: () => socket().pause(),
    resume: () => socket().resume(),
  }
}

/** Resolves with the HTTP status of a refused websocket upgrade (null if it was accepted). */
export function upgradeStatus(
  url: string,
  options: { origin?: string } = {},
): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options.origin === undefined ? {} : { origin: options.origin })
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      res.resume()
      ws.terminate()
    })
    ws.once('open', () => {
      resolve(null)
      ws.terminate()
    })
    ws.once('error', (error) => {
      if (!error.message.startsWith('Unexpected server response')) reject(error)
    })
  })
}

/** Sends a frame and resolves once ws handed it to the kernel. */
export function sendFrame(raw: RawSocket, frame: Uint8Array | string): Promise<void> {
  return new Promise((resolve, reject) =>
    raw.ws.send(frame, { binary: typeof frame !== 'string' }, (error) =>
      error ? reject(error) : resolve(),
    ),
  )
}

/** A sync-protocol update frame (messageYjsUpdate) carrying `update` as is. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** An awareness frame publishing one client's state as JSON, exactly as y-protocols encodes it. */
export function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, 1)
  encoding.writeVarUint(inner, clientId)
  encoding.writeVarUint(inner, clock)
  encoding.writeVarString(inner, JSON.stringify(state))
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
  return encoding.toUint8Array(encoder)
}

/** A Yjs update that sets `key` to `value` in the tests' map, made by a throwaway doc. */
export function mapUpdate(mapName: string, key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap(mapName).set(key, value)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** Deterministic pseudo-random bytes (mulberry32), so a "random" frame is the same every run. */
export function seededBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length)
  let state = seed >>> 0
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    bytes[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff
  }
  return bytes
}

/** The close code once the server closed the socket, or 'still open' after `timeoutMs`. */
export async function closeCodeOf(
  raw: RawSocket,
  timeoutMs = 5000,
): Promise<number | 'still open'> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<'still open'>((resolve) => {
    timer = setTimeout(() => resolve('still open'), timeoutMs)
  })
  const result = await Promise.race([raw.closed.then((closed) => closed.code), timeout])
  clearTimeout(timer)
  return result
}
