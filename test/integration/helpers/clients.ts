import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { Cleanup } from './cleanup'
import { waitFor } from './wait-for'

export interface BoardClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Close codes of every connection the server closed, in order (1006 when dropped). */
  closeCodes: number[]
  /** The shared map the tests write to. */
  map: Y.Map<unknown>
  destroy(): void
}

export interface ConnectOptions {
  /** Wait until the first sync with the server is done (default true). */
  synced?: boolean
  maxBackoffTime?: number
  /** Sent as the `token` query parameter, as the browser client does. */
  token?: string
}

/** The map every test writes its content to. */
export const MAP_NAME = 'content'

/**
 * A real y-websocket client in Node. BroadcastChannel is off: in one process every provider
 * of a room would otherwise sync through it and bypass the server under test.
 */
export async function connectClient(
  cleanup: Cleanup,
  wsBase: string,
  boardId: string,
  { synced = true, maxBackoffTime = 500, token }: ConnectOptions = {},
): Promise<BoardClient> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(wsBase, boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime,
    params: token === undefined ? {} : { token },
  })
  const closeCodes: number[] = []
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code)
  })
  let destroyed = false
  const client: BoardClient = {
    doc,
    provider,
    closeCodes,
    map: doc.getMap(MAP_NAME),
    destroy() {
      if (destroyed) return
      destroyed = true
      provider.destroy()
      doc.destroy()
    },
  }
  cleanup.add(() => client.destroy())
  if (synced) await waitFor(() => provider.synced, { what: `first sync of ${boardId}` })
  return client
}

/** Connects a fresh client, takes the board's content once synced, and disconnects it. */
export async function readBoard(
  cleanup: Cleanup,
  wsBase: string,
  boardId: string,
  token?: string,
): Promise<Record<string, unknown>> {
  const reader = await connectClient(cleanup, wsBase, boardId, { token })
  const content = reader.map.toJSON()
  reader.destroy()
  return content
}

/** Waits until two clients hold the same content (and, when given, that content). */
export async function waitForEqual(
  a: BoardClient,
  b: BoardClient,
  expected?: Record<string, unknown>,
  timeoutMs = 5000,
): Promise<void> {
  const same = () => {
    const left = JSON.stringify(sorted(a.map.toJSON()))
    const right = JSON.stringify(sorted(b.map.toJSON()))
    return left === right && (!expected || left === JSON.stringify(sorted(expected)))
  }
  await waitFor(same, { timeoutMs, what: 'clients to converge' })
}

export function sorted(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)))
}
