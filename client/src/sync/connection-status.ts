import { CloseCode } from '@stip/protocol'

/**
 * What the status pill shows; `denied`: the server refused this link for good (4401);
 * `outdated`: this page is an older Stip than the server's (4426), a reload fixes it.
 */
export type ConnectionStatus = 'connected' | 'connecting' | 'offline' | 'denied' | 'outdated'

export type ProviderStatus = 'connected' | 'connecting' | 'disconnected'

/**
 * The browser's own offline flag wins: while it is set, reconnect attempts are pointless and
 * "reconnecting" would suggest otherwise. A socket counts as connected only once the first
 * sync finished, so the pill does not claim "verbonden" before the board is up to date.
 */
export function deriveConnectionStatus(state: {
  browserOnline: boolean
  provider: ProviderStatus
  synced: boolean
  /** Close code of a close the server marked as final (y-websocket stops reconnecting). */
  finalCloseCode?: number | null
}): ConnectionStatus {
  if (state.finalCloseCode === CloseCode.versionMismatch) return 'outdated'
  if (state.finalCloseCode != null) return 'denied'
  if (!state.browserOnline) return 'offline'
  if (state.provider === 'connected' && state.synced) return 'connected'
  return 'connecting'
}
