import { describe, expect, it } from 'vitest'
import { ORGANISATION_PALETTE, organisationColor } from '../identity/organisation-color'
import { colorForNewOrganisation, organisationsForRequest } from './organisation-draft'

describe('organisation drafts on the start page', () => {
  it('gives a new organisation the colour its name has elsewhere when it is free', () => {
    expect(colorForNewOrganisation('GGD', [])).toBe(organisationColor('GGD'))
  })

  it('never repeats a colour another row already has while the palette has free ones', () => {
    const taken: string[] = []
    for (let i = 0; i < ORGANISATION_PALETTE.length; i++) {
      taken.push(colorForNewOrganisation('Gemeente', taken))
    }
    expect(new Set(taken).size).toBe(ORGANISATION_PALETTE.length)
  })

  it('sends trimmed names once each and drops blank rows', () => {
    expect(
      organisationsForRequest([
        { key: 'a', name: ' GGD ', color: '#1f6feb' },
        { key: 'b', name: '   ', color: '#c2410c' },
        { key: 'c', name: 'ggd', color: '#15803d' },
        { key: 'd', name: 'Politie', color: '#9333ea' },
      ]),
    ).toEqual([
      { name: 'GGD', color: '#1f6feb' },
      { name: 'Politie', color: '#9333ea' },
    ])
  })
})
