import { describe, expect, it } from 'vitest'
import { arrange } from './arrangement'
import { anyOverlap, inside, shelfLayout } from './shelf-layout'

const note = (id: string, organisation = 'Gemeente', h = 200) => ({ id, w: 200, h, organisation })
const section = { x: 1000, y: 500, w: 1400, h: 900 }

describe('tidy geometry', () => {
  it('puts a heap of notes in rows inside the section with no two overlapping', () => {
    const heap = Array.from({ length: 17 }, (_, i) => note(`n${i}`, 'Gemeente', 200 + (i % 3) * 40))
    const { placed, scale, fits } = shelfLayout(section, [heap])
    expect(fits).toBe(true)
    expect(scale).toBe(1)
    expect(anyOverlap(placed)).toBe(false)
    for (const box of placed) expect(inside(box, section)).toBe(true)
  })

  it('scales the notes down when the section cannot hold them at full size', () => {
    const heap = Array.from({ length: 60 }, (_, i) => note(`n${i}`))
    const { placed, scale, fits } = shelfLayout(section, [heap])
    expect(fits).toBe(true)
    expect(scale).toBeLessThan(1)
    expect(anyOverlap(placed)).toBe(false)
    for (const box of placed) expect(inside(box, section)).toBe(true)
  })

  it('starts every organisation on a row of its own', () => {
    const loose = [
      note('x1', ''),
      note('a1', 'GGD'),
      note('b1', 'Politie'),
      note('a2', 'GGD'),
      note('c1', 'Gemeente'),
    ]
    const result = arrange(section, [], loose, { byOrganisation: true })
    const y = Object.fromEntries(result.notes.map((placed) => [placed.id, placed.y]))
    expect(y.a1).toBe(y.a2)
    expect(new Set([y.a1, y.b1, y.c1]).size).toBe(3)
    // Alphabetical: Gemeente, GGD, Politie; notes without an organisation last.
    expect(y.c1! < y.a1! && y.a1! < y.b1! && y.b1! < y.x1!).toBe(true)
  })

  it('lays out groups as frames holding their notes, clear of the loose notes', () => {
    const groups = [
      { id: 'g1', notes: [note('a'), note('b'), note('c')] },
      { id: 'g2', notes: [note('d'), note('e')] },
    ]
    const result = arrange(section, groups, [note('f'), note('g')])
    const noteRect = (p: { x: number; y: number; scale: number }) => ({
      x: p.x,
      y: p.y,
      w: 200 * p.scale,
      h: 200 * p.scale,
    })
    for (const group of result.groups) {
      for (const placed of group.notes) expect(inside(noteRect(placed), group)).toBe(true)
      expect(inside(group, section)).toBe(true)
    }
    const blocks = [...result.groups, ...result.notes.map(noteRect)]
    expect(anyOverlap(blocks)).toBe(false)
    const all = [...result.groups.flatMap((group) => group.notes), ...result.notes].map(noteRect)
    expect(anyOverlap(all)).toBe(false)
  })
})
