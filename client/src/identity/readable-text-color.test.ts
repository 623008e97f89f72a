import { describe, expect, it } from 'vitest'
import { ORGANISATION_PALETTE } from './organisation-color'
import { contrastRatio, readableTextColor, relativeLuminance } from './readable-text-color'

describe('readable text colour on an organisation colour', () => {
  it('computes WCAG relative luminance and contrast for the extremes', () => {
    expect(relativeLuminance('#000000')).toBe(0)
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10)
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 10)
    expect(contrastRatio('#777777', '#777777')).toBe(1)
  })

  it('matches a known WCAG contrast ratio', () => {
    // #767676 on white is the classic just-passing grey: 4.54:1.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
  })

  it('gives dark text on a light colour a user picked, such as light yellow', () => {
    expect(readableTextColor('#ffff66')).toBe('#000000')
    expect(readableTextColor('#FFF')).toBe('#000000')
  })

  it('gives white text on a dark colour', () => {
    expect(readableTextColor('#154273')).toBe('#ffffff')
    expect(readableTextColor('#000000')).toBe('#ffffff')
  })

  it('keeps at least 4.5:1 on every palette colour and on a sweep of greys and hues', () => {
    const samples: string[] = [...ORGANISATION_PALETTE]
    for (let v = 0; v < 256; v += 5) {
      const h = v.toString(16).padStart(2, '0')
      samples.push(`#${h}${h}${h}`, `#${h}0000`, `#00${h}00`, `#0000${h}`, `#${h}${h}00`)
    }
    for (const color of samples) {
      expect(contrastRatio(color, readableTextColor(color)), color).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('falls back to black for a value that is not a hex colour', () => {
    expect(readableTextColor('transparent')).toBe('#000000')
  })
})
