import { parsePresentation } from '@stip/board/doc-model'
import { describe, expect, it } from 'vitest'
import {
  agendaAt,
  presentationOrder,
  startPresentation,
  stepForKey,
  stepPresentation,
  stopPresentation,
} from './presentation'

const werkvormen = [
  { frameId: 'shape:a', templateId: 'ambities-2040' },
  { frameId: 'shape:b', templateId: 'hebben-zaaien' },
  { frameId: 'shape:c', templateId: 'ambities-2040' },
]

describe('parsePresentation', () => {
  const valid = { id: 'p1', active: true, frameIds: ['shape:a', 'shape:b'], index: 1, startedAt: 5 }

  it('reads a well-formed value', () => {
    expect(parsePresentation(valid)).toEqual(valid)
  })

  it('refuses what an old or foreign client may have written', () => {
    for (const bad of [
      null,
      'p1',
      [],
      { ...valid, id: 3 },
      { ...valid, active: 'yes' },
      { ...valid, index: Number.NaN },
      { ...valid, startedAt: undefined },
      { ...valid, frameIds: 'shape:a' },
      { ...valid, frameIds: [] },
      { ...valid, frameIds: [1, 2] },
    ]) {
      expect(parsePresentation(bad)).toBeNull()
    }
  })

  it('keeps the index on a werkvorm in the list and drops ids that are not strings', () => {
    expect(parsePresentation({ ...valid, index: 9 })?.index).toBe(1)
    expect(parsePresentation({ ...valid, index: -2 })?.index).toBe(0)
    expect(parsePresentation({ ...valid, index: 0.7 })?.index).toBe(0)
    expect(parsePresentation({ ...valid, frameIds: ['shape:a', 7] })?.frameIds).toEqual(['shape:a'])
  })
})

describe('presentation steps', () => {
  it('presents the werkvormen the agenda names first, in agenda order, then the rest', () => {
    const agenda = {
      steps: [
        { id: 's1', title: 'Welkom' },
        { id: 's2', title: 'Zaaien', templateId: 'hebben-zaaien' },
        { id: 's3', title: 'Ambities', templateId: 'ambities-2040' },
        { id: 's4', title: 'Nog eens', templateId: 'hebben-zaaien' },
      ],
      currentStepId: 's1',
    }
    expect(presentationOrder(werkvormen, agenda)).toEqual(['shape:b', 'shape:a', 'shape:c'])
    expect(presentationOrder(werkvormen, null)).toEqual(['shape:a', 'shape:b', 'shape:c'])
  })

  it('starts at the first werkvorm, and not at all without one', () => {
    expect(startPresentation(['shape:a', 'shape:b'], 'p1', 10)).toEqual({
      id: 'p1',
      active: true,
      frameIds: ['shape:a', 'shape:b'],
      index: 0,
      startedAt: 10,
    })
    expect(startPresentation([], 'p1', 10)).toBeNull()
  })

  it('steps forward and back within the list, and stops', () => {
    const started = startPresentation(['shape:a', 'shape:b', 'shape:c'], 'p1', 10)!
    expect(stepPresentation(started, -1)).toBe(started)
    const second = stepPresentation(started, 1)
    expect(second.index).toBe(1)
    const last = stepPresentation(stepPresentation(second, 1), 1)
    expect(last.index).toBe(2)
    expect(stepPresentation(last, -1).index).toBe(1)
    expect(stopPresentation(last)).toEqual({ ...last, active: false })
  })

  it('maps the arrow and page keys to steps and nothing else', () => {
    expect(stepForKey('ArrowRight')).toBe(1)
    expect(stepForKey('PageDown')).toBe(1)
    expect(stepForKey('ArrowLeft')).toBe(-1)
    expect(stepForKey('PageUp')).toBe(-1)
    expect(stepForKey('ArrowUp')).toBeNull()
    expect(stepForKey('a')).toBeNull()
  })
})

describe('the agenda follows the presentation', () => {
  const agenda = {
    steps: [
      { id: 's1', title: 'Welkom' },
      { id: 's2', title: 'Zaaien', templateId: 'hebben-zaaien' },
    ],
    currentStepId: 's1',
  }

  it('makes the step that names the presented werkvorm current', () => {
    expect(agendaAt(agenda, 'hebben-zaaien')).toEqual({ ...agenda, currentStepId: 's2' })
  })

  it('leaves the agenda alone when no step names it, or it is current already', () => {
    expect(agendaAt(agenda, 'ambities-2040')).toBeNull()
    expect(agendaAt({ ...agenda, currentStepId: 's2' }, 'hebben-zaaien')).toBeNull()
    expect(agendaAt(null, 'hebben-zaaien')).toBeNull()
    expect(agendaAt(agenda, undefined)).toBeNull()
  })
})
