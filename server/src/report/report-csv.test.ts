import { describe, expect, it } from 'vitest'
import { richTextToPlain } from './note-text'
import { csvCell } from './report-csv'

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 asks', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a, b')).toBe('"a, b"')
    expect(csvCell('zei "ja"')).toBe('"zei ""ja"""')
    expect(csvCell('twee\nregels')).toBe('"twee\nregels"')
  })

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('+31 6')).toBe("'+31 6")
    expect(csvCell('-2')).toBe("'-2")
    expect(csvCell('@cmd')).toBe("'@cmd")
    expect(csvCell('\tx')).toBe("'\tx")
    expect(csvCell('=SUM(A1,A2)')).toBe(`"'=SUM(A1,A2)"`)
  })
})

describe('richTextToPlain', () => {
  it('reads the text of a tldraw rich-text document, one line per paragraph or list item', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Eerste ' },
            { type: 'text', text: 'regel', marks: [{ type: 'bold' }] },
          ],
        },
        { type: 'paragraph' },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'punt' }] }],
            },
          ],
        },
      ],
    }
    expect(richTextToPlain(doc)).toBe('Eerste regel\npunt')
    expect(richTextToPlain(undefined)).toBe('')
  })
})
