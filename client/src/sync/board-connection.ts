import { CloseCode, PROTOCOL_VERSION } from '@stip/protocol'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  type ConnectionStatus,
  deriveConnectionStatus,
  type ProviderStatus,
} from './connection-status'

/** The link is invalid or renewed (4401), or this page is older than the server (4426). */
const FINAL_CLOSE_CODES = new Set<number>([CloseCode.unauthorized, CloseCode.versionMismatch])
/**
 * The server refused an update of this browser (4403) or the board is too large for it (4413):
 * the local copy holds a change that will be refused again on every reconnect, so this
 * connection stops and is replaced by a fresh one from the server (shared-board-connection.ts).
 */
const REFUSED_CLOSE_CODES = new Set<number>([CloseCode.forbidden, CloseCode.boardTooLarge])

/** Why the server closed this connection and will close it again with the same local copy. */
export interface Refusal {
  code: number
  reason: string
}

export interface BoardConnectionOptions {
  boardId: string
  /** Websocket base, e.g. `ws://host:port/ws`; the board id is appended by the provider. */
  wsBase: string
  token: string | null
  /** How long to wait for the server's first sync before working from local data alone. */
  firstSyncTimeoutMs?: number
  /** The window (or a stand-in) for `online`/`offline` events and `navigator.onLine`. */
  environment?: { isOnline(): boolean; target: EventTarget }
}

/** One board's shared document with its transports: websocket sync and IndexedDB for offline. */
export interface BoardConnection {
  readonly boardId: string
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  /**
   * Resolves once the doc holds everything stored locally and either the server's state or,
   * after the timeout, nothing more: only then may the editor be bound, so that two fresh
   * clients do not both write a default page into an empty doc before they saw each other.
   */
  readonly ready: Promise<void>
  getStatus(): ConnectionStatus
  /** The close code when the server refused this connection for good (4401, 4426), else null. */
  getFinalCloseCode(): number | null
  onStatus(listener: (status: ConnectionStatus) => void): () => void
  /** Called once when the server refuses what this copy holds (4403, 4413); it stops syncing. */
  onRefused(listener: (refusal: Refusal) => void): () => void
  /** Deletes this board's offline copy (IndexedDB) and stops writing to it. */
  discardLocalCopy(): Promise<void>
  destroy(): void
}

export function indexedDbName(boardId: string): string {
  return `stip-board-${boardId}`
}

/** Websocket base URL on the page's own origin (ws: for http:, wss: for https:). */
export function sameOriginWsBase(
  location: Pick<Location, 'protocol' | 'host'>,
  path: string,
): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}${path}`
}

export function createBoardConnection(options: BoardConnectionOptions): BoardConnection {
  const environment = options.environment ?? {
    isOnline: () => navigator.onLine,
    target: window,
  }
  const doc = new Y.Doc()
  const persistence = new IndexeddbPersistence(indexedDbName(options.boardId), doc)
  const provider = new WebsocketProvider(options.wsBase, options.boardId, doc, {
    params: {
      ...(options.token ? { token: options.token } : {}),
      v: String(PROTOCOL_VERSION),
    },
    connect: environment.isOnline(),
    // A slow-consumer or board-full close is worth a retry; a refused link, an outdated page or
    // a refused local copy are not (the last is replaced by a fresh connection).
    shouldReconnect: (event) =>
      !FINAL_CLOSE_CODES.has(event.code) && !REFUSED_CLOSE_CODES.has(event.code),
  })

  let providerStatus: ProviderStatus = provider.wsconnected ? 'connected' : 'connecting'
  let finalCloseCode: number | null = null
  let status = currentStatus()
  const listeners = new Set<(status: ConnectionStatus) => void>()
  const refusedListeners = new Set<(refusal: Refusal) => void>()

  function currentStatus(): ConnectionStatus {
    return deriveConnectionStatus({
      browserOnline: environment.isOnline(),
      provider: providerStatus,
      synced: provider.synced,
      finalCloseCode,
    })
  }
  function publish() {
    const next = currentStatus()
    if (next === status) return
    status = next
    for (const listener of listeners) listener(status)
  }

  const onProviderStatus = (event: { status: ProviderStatus }) => {
    providerStatus = event.status
    publish()
  }
  // y-websocket stops reconnecting after the closes shouldReconnect refuses and reports them
  // here: a wrong link or an outdated page the UI must explain; a refused copy is replaced.
  const onClosed = (event: { code: number; reason: string }) => {
    if (REFUSED_CLOSE_CODES.has(event.code)) {
      for (const listener of refusedListeners) listener({ code: event.code, reason: event.reason })
      return
    }
    finalCloseCode = event.code
    publish()
  }
  provider.on('status', onProviderStatus)
  provider.on('sync', publish)
  provider.on('closed', onClosed)

  // Some offline modes (and DevTools' offline switch) leave an open socket silently dead;
  // dropping it at once makes the state honest and reconnecting starts fresh when back online.
  const onOffline = () => {
    provider.disconnect()
    publish()
  }
  const onOnline = () => {
    if (finalCloseCode !== null) return
    provider.connect()
    publish()
  }
  environment.target.addEventListener('offline', onOffline)
  environment.target.addEventListener('online', onOnline)

  const firstSync = new Promise<void>((resolve) => {
    if (provider.synced) return resolve()
    const timer = setTimeout(done, options.firstSyncTimeoutMs ?? 2500)
    function done() {
      clearTimeout(timer)
      provider.off('sync', onSync)
      provider.off('closed', done)
      resolve()
    }
    function onSync(synced: boolean) {
      if (synced) done()
    }
    provider.on('sync', onSync)
    provider.on('closed', done)
    if (!environment.isOnline()) done()
  })
  const ready = persistence.whenSynced.then(() => firstSync)

  return {
    boardId: options.boardId,
    doc,
    provider,
    ready,
    getStatus: () => status,
    getFinalCloseCode: () => finalCloseCode,
    onStatus(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    onRefused(listener) {
      refusedListeners.add(listener)
      return () => refusedListeners.delete(listener)
    },
    discardLocalCopy: () => persistence.clearData(),
    destroy() {
      listeners.clear()
      refusedListeners.clear()
      environment.target.removeEventListener('offline', onOffline)
      environment.target.removeEventListener('online', onOnline)
      provider.off('status', onProviderStatus)
      provider.off('sync', publish)
      provider.off('closed', onClosed)
      provider.destroy()
      void persistence.destroy()
      doc.destroy()
    },
  }
}
