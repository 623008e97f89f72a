import { describe, expect, it } from 'vitest'
import { deriveConnectionStatus } from './connection-status'

describe('deriveConnectionStatus', () => {
  it('reports offline whenever the browser is offline', () => {
    expect(
      deriveConnectionStatus({ browserOnline: false, provider: 'connected', synced: true }),
    ).toBe('offline')
  })

  it('reports connected only after the socket is open and synced', () => {
    expect(
      deriveConnectionStatus({ browserOnline: true, provider: 'connected', synced: false }),
    ).toBe('connecting')
    expect(
      deriveConnectionStatus({ browserOnline: true, provider: 'connected', synced: true }),
    ).toBe('connected')
  })

  it('reports reconnecting while the socket is down but the browser is online', () => {
    expect(
      deriveConnectionStatus({ browserOnline: true, provider: 'disconnected', synced: false }),
    ).toBe('connecting')
    expect(
      deriveConnectionStatus({ browserOnline: true, provider: 'connecting', synced: false }),
    ).toBe('connecting')
  })

  it('reports denied once the server refused the link, whatever the network does', () => {
    expect(
      deriveConnectionStatus({
        browserOnline: true,
        provider: 'disconnected',
        synced: false,
        finalCloseCode: 4401,
      }),
    ).toBe('denied')
    expect(
      deriveConnectionStatus({
        browserOnline: false,
        provider: 'disconnected',
        synced: false,
        finalCloseCode: 4401,
      }),
    ).toBe('denied')
  })

  it('asks for a reload when the page is older than the server (4426), not for a new link', () => {
    expect(
      deriveConnectionStatus({
        browserOnline: true,
        provider: 'disconnected',
        synced: false,
        finalCloseCode: 4426,
      }),
    ).toBe('outdated')
  })
})
