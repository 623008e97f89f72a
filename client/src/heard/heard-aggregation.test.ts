import { describe, expect, it } from 'vitest'
import { aggregateHeard, type PlacedNote } from './heard-aggregation'

const note = (id: string, organisation: string | null, sectionKey: string): PlacedNote => ({
  id,
  organisation,
  sectionKey,
  sectionLabel: sectionKey === 'w' ? 'Waarden' : 'Ambities',
})

describe('who is heard', () => {
  const notes = [
    note('n1', 'GGD', 'w'),
    note('n2', 'ggd ', 'w'),
    note('n3', 'Gemeente', 'a'),
    note('n4', 'Politie', 'a'),
    note('n5', null, 'a'),
  ]
  const heard = aggregateHeard(
    notes,
    new Map([
      ['n1', 2],
      ['n3', 4],
    ]),
    ['Gemeente', 'GGD', 'Woningcorporatie'],
  )

  it('counts notes and received dots per organisation in each section', () => {
    const waarden = heard.sections.find((s) => s.key === 'w')
    expect(waarden?.rows).toEqual([
      { organisation: 'Gemeente', notes: 0, votes: 0, silent: true },
      { organisation: 'GGD', notes: 2, votes: 2, silent: false },
      { organisation: 'Woningcorporatie', notes: 0, votes: 0, silent: true },
      { organisation: 'Politie', notes: 0, votes: 0, silent: true },
    ])
  })

  it('flags an organisation that wrote nothing at all in the totals', () => {
    const silent = heard.totals.filter((row) => row.silent).map((row) => row.organisation)
    expect(silent).toEqual(['Woningcorporatie'])
    expect(heard.totals.find((row) => row.organisation === 'Gemeente')).toMatchObject({
      notes: 1,
      votes: 4,
    })
  })

  it('lists the sections asked for first, even when they are still empty', () => {
    const withOrder = aggregateHeard(notes, new Map(), ['GGD'], [{ key: 'x', label: 'Leeg' }])
    expect(withOrder.sections.map((s) => s.key)).toEqual(['x', 'w', 'a'])
    expect(withOrder.sections[0]?.rows.every((row) => row.silent)).toBe(true)
  })
})
