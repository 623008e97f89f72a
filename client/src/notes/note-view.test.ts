import type { TLShape } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { openView, visibilityFor } from './note-view'

const shape = (type: string, meta: Record<string, string> = {}) =>
  ({ type, meta, props: {} }) as unknown as TLShape

const annaNote = shape('note', { authorId: 'anna', organisation: 'GGD', silentRoundId: 'r1' })
const bramNote = shape('note', { authorId: 'bram', organisation: 'Gemeente' })

describe('which notes show on this device', () => {
  it('shows everything when nothing is filtered and no round is active', () => {
    expect(visibilityFor(annaNote, openView)).toBe('inherit')
    expect(visibilityFor(shape('frame'), openView)).toBe('inherit')
  })

  it('hides a silent-round note from everyone but its author while the round is active', () => {
    const round = { ...openView, silentRoundId: 'r1' }
    expect(visibilityFor(annaNote, { ...round, userId: 'bram' })).toBe('hidden')
    expect(visibilityFor(annaNote, { ...round, userId: 'anna' })).toBe('inherit')
    expect(visibilityFor(bramNote, { ...round, userId: 'anna' })).toBe('inherit')
    // Revealed: the round is no longer active on any device.
    expect(visibilityFor(annaNote, { ...openView, userId: 'bram' })).toBe('inherit')
  })

  it('shows only the chosen organisation when filtering, ignoring case', () => {
    const view = { ...openView, organisationFilter: 'gemeente' }
    expect(visibilityFor(bramNote, view)).toBe('inherit')
    expect(visibilityFor(annaNote, view)).toBe('hidden')
    expect(visibilityFor(shape('note'), view)).toBe('hidden')
    expect(visibilityFor(shape('geo'), view)).toBe('inherit')
  })
})
