import { describe, expect, it } from 'vitest'
import { createLabelSizeCache, labelSizeKey } from './label-size-cache'

interface Label {
  text: string
  x: number
}

function countingMeasure() {
  const measured: string[] = []
  return {
    measured,
    measure: (label: Label) => {
      measured.push(label.text)
      return { w: label.text.length * 10 }
    },
  }
}

describe('label size cache', () => {
  it('measures a label once however many records share its key', () => {
    const cache = createLabelSizeCache((label: Label) => label.text, 10)
    const { measured, measure } = countingMeasure()
    expect(cache.get({ text: 'abc', x: 0 }, measure)).toEqual({ w: 30 })
    expect(cache.get({ text: 'abc', x: 240 }, measure)).toEqual({ w: 30 })
    expect(cache.get({ text: 'abcd', x: 0 }, measure)).toEqual({ w: 40 })
    expect(measured).toEqual(['abc', 'abcd'])
  })

  it('forgets the least recently used label once past its limit', () => {
    const cache = createLabelSizeCache((label: Label) => label.text, 2)
    const { measured, measure } = countingMeasure()
    cache.get({ text: 'a', x: 0 }, measure)
    cache.get({ text: 'b', x: 0 }, measure)
    cache.get({ text: 'a', x: 0 }, measure) // 'a' is now the most recent
    cache.get({ text: 'c', x: 0 }, measure) // evicts 'b'
    cache.get({ text: 'a', x: 0 }, measure)
    cache.get({ text: 'b', x: 0 }, measure)
    expect(measured).toEqual(['a', 'b', 'c', 'b'])
  })

  it('keys a label by its rich text and every measurement input', () => {
    const text = { type: 'doc', content: [{ type: 'paragraph' }] }
    const key = labelSizeKey(text, ['draw', 22, 1.35])
    expect(labelSizeKey(structuredClone(text), ['draw', 22, 1.35])).toBe(key)
    expect(labelSizeKey(text, ['sans', 22, 1.35])).not.toBe(key)
    expect(labelSizeKey(text, ['draw', 24, 1.35])).not.toBe(key)
    expect(labelSizeKey({ ...text, content: [] }, ['draw', 22, 1.35])).not.toBe(key)
  })
})
