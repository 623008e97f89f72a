import { describe, expect, it } from 'vitest'
import { organisationColor } from '../identity/organisation-color'
import { colorInBoard, findBoardOrganisation } from './organisation-in-board'

const organisations = [
  { id: 'ggd', name: 'GGD', color: '#123456' },
  { id: 'gemeente-noord', name: 'Gemeente  Noord', color: '#abcdef' },
]

describe('organisations of a board', () => {
  it("colours a participant with their organisation's colour on this board", () => {
    expect(colorInBoard('ggd', organisations)).toBe('#123456')
    expect(colorInBoard(' gemeente noord ', organisations)).toBe('#abcdef')
  })

  it('falls back to the colour of the name when the board lacks the organisation', () => {
    expect(colorInBoard('Politie', organisations)).toBe(organisationColor('Politie'))
    expect(findBoardOrganisation('Politie', organisations)).toBeUndefined()
  })
})
