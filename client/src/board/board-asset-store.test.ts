import { describe, expect, it } from 'vitest'
import { resolveAssetSrc } from './board-asset-store'

describe('resolving board images', () => {
  it("adds this browser's token to the board's own asset URLs", () => {
    expect(resolveAssetSrc('/api/boards/b1/assets/a1', 'b1', 'tok en')).toBe(
      '/api/boards/b1/assets/a1?token=tok%20en',
    )
  })

  it("leaves other URLs alone and never hands the token to another board's path", () => {
    expect(resolveAssetSrc('data:image/png;base64,AAAA', 'b1', 't')).toBe(
      'data:image/png;base64,AAAA',
    )
    expect(resolveAssetSrc('/api/boards/b2/assets/a1', 'b1', 't')).toBe('/api/boards/b2/assets/a1')
    expect(resolveAssetSrc('', 'b1', 't')).toBeNull()
  })
})
