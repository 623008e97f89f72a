import { describe, expect, it } from 'vitest'
import { addressBehindProxies } from './client-address'

describe('client address behind reverse proxies', () => {
  it('takes the address the one trusted proxy saw', () => {
    expect(addressBehindProxies('10.0.0.2', '203.0.113.7', 1)).toBe('203.0.113.7')
  })

  it('ignores addresses a client wrote into the header itself', () => {
    expect(addressBehindProxies('10.0.0.2', '1.2.3.4, 203.0.113.7', 1)).toBe('203.0.113.7')
  })

  it('walks back over two proxies', () => {
    expect(addressBehindProxies('10.0.0.3', '203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7')
  })

  it('uses the outermost address when there are fewer hops than trusted proxies', () => {
    expect(addressBehindProxies('10.0.0.2', undefined, 1)).toBe('10.0.0.2')
    expect(addressBehindProxies('10.0.0.2', '203.0.113.7', 3)).toBe('203.0.113.7')
  })
})
