import { generateText, type JSONContent } from '@tiptap/core'
import { type TLNoteShape, tipTapDefaultExtensions, toRichText } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { createNotePlainText, richTextPlainText } from './note-plain-text'

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

describe('a note plain text without TipTap', () => {
  const paragraph = (...content: object[]) => ({ type: 'paragraph', content })
  const text = (value: string, marks?: object[]) => ({ type: 'text', text: value, marks })
  const documents: Record<string, object> = {
    'one line': toRichText('Samen naar 2040'),
    'several lines': toRichText('Wonen\nZorg dichtbij\n\nVeiligheid'),
    'marks and a hard break': {
      type: 'doc',
      content: [
        paragraph(text('Eerst ', [{ type: 'bold' }]), { type: 'hardBreak' }, text('daarna')),
      ],
    },
    'a list and a heading': {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('Ambities')] },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [paragraph(text('Één'))] },
            { type: 'listItem', content: [paragraph(text('Twee')), paragraph(text('nog'))] },
          ],
        },
        { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph(text('3'))] }] },
      ],
    },
    'empty paragraphs between': {
      type: 'doc',
      content: [paragraph(text('a')), { type: 'paragraph' }, paragraph(text('b'))],
    },
    'a list first': {
      type: 'doc',
      content: [
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('x'))] }] },
      ],
    },
    empty: { type: 'doc', content: [] },
    'one empty paragraph': { type: 'doc', content: [{ type: 'paragraph' }] },
  }

  for (const [name, doc] of Object.entries(documents)) {
    it(`reads "${name}" as tldraw's TipTap conversion does`, () => {
      const expected = generateText(doc as JSONContent, tipTapDefaultExtensions, {
        blockSeparator: '\n',
      })
      expect(richTextPlainText(doc)).toBe(expected)
    })
  }
})
