import { describe, expect, it } from 'vitest'
import { originBehindProxies } from './public-origin'

const own = 'http://10.0.0.5:8787'

describe('originBehindProxies', () => {
  it('takes scheme and host from a trusted proxy', () => {
    expect(originBehindProxies(own, { proto: 'https', host: 'stip.gemeente.example' }, 1)).toBe(
      'https://stip.gemeente.example',
    )
  })

  it('ignores the headers when no proxy is trusted', () => {
    expect(originBehindProxies(own, { proto: 'https', host: 'stip.gemeente.example' }, 0)).toBe(own)
  })

  it('keeps the request host when only the scheme is forwarded, and the reverse', () => {
    expect(originBehindProxies(own, { proto: 'https' }, 1)).toBe('https://10.0.0.5:8787')
    expect(originBehindProxies(own, { host: 'stip.example:8443' }, 1)).toBe(
      'http://stip.example:8443',
    )
  })

  it('reads the entry of the outermost trusted proxy, never one the client wrote before it', () => {
    const forwarded = { proto: 'http, https', host: 'evil.example, stip.example' }
    expect(originBehindProxies(own, forwarded, 1)).toBe('https://stip.example')
    expect(originBehindProxies(own, forwarded, 2)).toBe('http://evil.example')
    // Fewer entries than trusted proxies (each proxy replaced the header): the one there is.
    expect(originBehindProxies(own, { proto: 'https', host: 'stip.example' }, 3)).toBe(
      'https://stip.example',
    )
  })

  it('ignores values that are not a plain scheme or host', () => {
    for (const host of ['evil.example/phish', 'user@evil.example', 'a b', 'stip.example?x', '']) {
      expect(originBehindProxies(own, { proto: 'https', host }, 1)).toBe('https://10.0.0.5:8787')
    }
    expect(originBehindProxies(own, { proto: 'javascript', host: 'stip.example' }, 1)).toBe(
      'http://stip.example',
    )
  })

  it('normalises case and default ports', () => {
    expect(originBehindProxies(own, { proto: 'HTTPS', host: 'Stip.Example:443' }, 1)).toBe(
      'https://stip.example',
    )
  })
})
