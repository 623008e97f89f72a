import { describe, expect, it } from 'vitest'
import { ORGANISATION_PALETTE, organisationColor } from '../identity/organisation-color'
import { noteColourFor } from './note-color'

describe('organisation colour to note colour', () => {
  it('gives every colour of the palette its own note colour', () => {
    const notes = ORGANISATION_PALETTE.map(noteColourFor)
    expect(new Set(notes).size).toBe(ORGANISATION_PALETTE.length)
    expect(noteColourFor('#1f6feb')).toBe('blue')
    expect(noteColourFor('#15803D')).toBe('green')
  })

  it('maps a typed-in colour to the nearest named colour', () => {
    expect(noteColourFor('#ff0000')).toBe('red')
    expect(noteColourFor('#00aa66')).toBe('green')
    expect(noteColourFor('not a colour')).toBe('black')
  })

  it('gives the same organisation the same note colour every time', () => {
    const colour = organisationColor('GGD Hollands Midden')
    expect(noteColourFor(colour)).toBe(noteColourFor(colour))
  })
})
