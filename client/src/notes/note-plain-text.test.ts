import { type TLNoteShape, toRichText } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { createNotePlainText } from './note-plain-text'

function note(richText: TLNoteShape['props']['richText'], x = 0): TLNoteShape {
  return { id: 'shape:n', x, props: { richText } } as unknown as TLNoteShape
}

describe('a note plain text read once per rich-text value', () => {
  it('reads a moved note (same rich text object, new record) from the cache', () => {
    const reads: string[] = []
    const text = createNotePlainText((n) => {
      reads.push(n.id)
      return `read ${reads.length}`
    })
    const richText = toRichText('Samen naar 2040')
    expect(text(note(richText, 0))).toBe('read 1')
    expect(text(note(richText, 240))).toBe('read 1')
    expect(reads).toHaveLength(1)
  })

  it('reads again when the text changed, even to an equal-looking value', () => {
    let calls = 0
    const text = createNotePlainText(() => `read ${++calls}`)
    text(note(toRichText('Eerst')))
    expect(text(note(toRichText('Daarna')))).toBe('read 2')
    expect(text(note(toRichText('Daarna')))).toBe('read 3')
  })
})
