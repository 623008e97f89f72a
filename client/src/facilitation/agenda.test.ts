import { describe, expect, it } from 'vitest'
import { addStep, advance, emptyAgenda, moveStep, removeStep } from './agenda'

const three = [
  { id: 'a', title: 'Hartenkreet', minutes: 5 },
  { id: 'b', title: 'Gedeelde waarden' },
  { id: 'c', title: 'Stemmen' },
].reduce(addStep, emptyAgenda)

describe('the session agenda', () => {
  it('starts at the first step that was added', () => {
    expect(three.currentStepId).toBe('a')
    expect(three.steps.map((s) => s.id)).toEqual(['a', 'b', 'c'])
  })

  it('advances and goes back without running off either end', () => {
    const second = advance(three, 1)
    expect(second.currentStepId).toBe('b')
    expect(advance(advance(second, 1), 1).currentStepId).toBe('c')
    expect(advance(three, -1).currentStepId).toBe('a')
  })

  it('reorders a step one place at a time', () => {
    expect(moveStep(three, 'c', -1).steps.map((s) => s.id)).toEqual(['a', 'c', 'b'])
    expect(moveStep(three, 'a', -1)).toBe(three)
  })

  it('moves the current step to its neighbour when the current one is removed', () => {
    const atLast = advance(advance(three, 1), 1)
    expect(removeStep(atLast, 'c').currentStepId).toBe('b')
    expect(removeStep(three, 'a').currentStepId).toBe('b')
    expect(removeStep(removeStep(removeStep(three, 'a'), 'b'), 'c').currentStepId).toBeNull()
  })
})
