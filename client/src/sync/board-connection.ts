import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { type ConnectionStatus, deriveConnectionStatus, type ProviderStatus } from './connection-status'

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
  onStatus(listener: (status: ConnectionStatus) => void): () => void
  destroy(): void
}

export function indexedDbName(boardId: string): string {
  return `stip-board-${boardId}`
}

/** Websocket base URL on the page's own origin (ws: for http:, wss: for https:). */
export function sameOriginWsBase(location: Pick<Location, 'protocol' | 'host'>, path: string): string {
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
  })

  let providerStatus: ProviderStatus = provider.wsconnected ? 'connected' : 'connecting'
  let status = currentStatus()
  const listeners = new Set<(status: ConnectionStatus) => void>()

  function currentStatus(): ConnectionStatus {
    return deriveConnectionStatus({
      browserOnline: environment.isOnline(),
      provider: providerStatus,
      synced: provider.synced,
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
  provider.on('status', onProviderStatus)
  provider.on('sync', publish)

  // Some offline modes (and DevTools' offline switch) leave an open socket silently dead;
  // dropping it at once makes the state honest and reconnecting starts fresh when back online.
  const onOffline = () => {
    provider.disconnect()
    publish()
  }
  const onOnline = () => {
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
      resolve()
    }
    function onSync(synced: boolean) {
      if (synced) done()
    }
    provider.on('sync', onSync)
    if (!environment.isOnline()) done()
  })
  const ready = persistence.whenSynced.then(() => firstSync)

  return {
    boardId: options.boardId,
    doc,
    provider,
    ready,
    getStatus: () => status,
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
      provider.destroy()
      void persistence.destroy()
      doc.destroy()
    },
  }
}
