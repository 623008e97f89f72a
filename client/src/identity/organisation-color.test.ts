import { describe, expect, it } from 'vitest'
import { ORGANISATION_PALETTE, organisationColor } from './organisation-color'

describe('organisationColor', () => {
  it('gives the same colour to the same organisation regardless of case and spacing', () => {
    expect(organisationColor('  Gemeente   Utrecht ')).toBe(organisationColor('gemeente utrecht'))
  })

  it('always answers with a palette colour', () => {
    for (const name of ['', 'GGD', 'Politie', 'Zorggroep Noord', 'Ω']) {
      expect(ORGANISATION_PALETTE).toContain(organisationColor(name))
    }
  })

  it('spreads the suggested organisations over several colours', () => {
    const names = [
      'Gemeente',
      'GGD',
      'Welzijnsorganisatie',
      'Woningcorporatie',
      'Politie',
      'Zorggroep',
      'Inwoners',
    ]
    const colours = new Set(names.map(organisationColor))
    expect(colours.size).toBeGreaterThanOrEqual(5)
  })
})
