import { CloseCode } from '@stip/protocol'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  type ConnectionStatus,
  deriveConnectionStatus,
  type ProviderStatus,
} from './connection-status'

const FINAL_CLOSE_CODES = new Set<number>([CloseCode.unauthorized, CloseCode.forbidden])

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
  /** The close code when the server refused this connection for good (e.g. 4401), else null. */
  getFinalCloseCode(): number | null
  onStatus(listener: (status: ConnectionStatus) => void): () => void
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
    params: options.token ? { token: options.token } : {},
    connect: environment.isOnline(),
    // Only a refused link is final; a slow-consumer or board-full close is worth a retry.
    shouldReconnect: (event) => !FINAL_CLOSE_CODES.has(event.code),
  })

  let providerStatus: ProviderStatus = provider.wsconnected ? 'connected' : 'connecting'
  let finalCloseCode: number | null = null
  let status = currentStatus()
  const listeners = new Set<(status: ConnectionStatus) => void>()

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
  // After a final close (4401 wrong or renewed token, 4403 forbidden) y-websocket stops
  // reconnecting and reports it here; retrying would not help, so the UI must say so.
  const onClosed = (event: { code: number }) => {
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
    destroy() {
      listeners.clear()
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
