import { describe, expect, it } from 'vitest'
import { buildTemplateRecords } from './build-template-records'
import { ORGANISATION_PALETTE, organisationNoteColor } from './organisation-note-color'

describe('organisationNoteColor', () => {
  it('gives each colour of the palette a note colour of its own', () => {
    const colours = ORGANISATION_PALETTE.map(organisationNoteColor)
    expect(new Set(colours).size).toBe(ORGANISATION_PALETTE.length)
    expect(organisationNoteColor('#C2410C')).toBe('orange')
  })

  it('maps a typed colour to the nearest named colour', () => {
    expect(organisationNoteColor('#00ff00')).toBe('light-green')
    expect(organisationNoteColor('not a colour')).toBe('black')
  })

  it("colours each organisation's lane in Gedeelde waarden like its notes", () => {
    const organisations = [
      { id: 'gemeente', name: 'Gemeente', color: '#1f6feb' },
      { id: 'woningcorporatie', name: 'Woningcorporatie', color: '#c2410c' },
      { id: 'politie', name: 'Politie', color: '#475569' },
      { id: 'eigen', name: 'Eigen kleur', color: '#e03131' },
    ]
    const records = buildTemplateRecords('gedeelde-waarden', {
      origin: { x: 0, y: 0 },
      locale: 'nl',
      instance: 'one',
      organisations,
    })
    const laneColour = (id: string) => {
      const lane = records.find(
        (record) =>
          record.typeName === 'shape' &&
          (record.meta as { stipSection?: string }).stipSection === `org-${id}` &&
          record.type === 'geo',
      )
      return (lane?.props as { color?: string } | undefined)?.color
    }
    expect(organisations.map((org) => laneColour(org.id))).toEqual([
      'blue',
      'orange',
      'grey',
      'red',
    ])
  })
})
