/** What the status pill shows. */
export type ConnectionStatus = 'connected' | 'connecting' | 'offline'

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
}): ConnectionStatus {
  if (!state.browserOnline) return 'offline'
  if (state.provider === 'connected' && state.synced) return 'connected'
  return 'connecting'
}
