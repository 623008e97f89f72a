import { describe, expect, it } from 'vitest'
import { markdownBlocks } from './markdown-view'

describe('reading a saved manifesto\u2019s Markdown', () => {
  it('splits it into headings, paragraphs, lists and quotes', () => {
    const markdown =
      '# Manifest\n\nWij **geloven**.\n\n## Stappen\n\n1. Eén loket\n2. Samen begroten\n\n- Respect\n\n> Niet vinken, maar vonken.\n'
    expect(markdownBlocks(markdown)).toEqual([
      { kind: 'heading', level: 1, text: 'Manifest' },
      { kind: 'paragraph', text: 'Wij **geloven**.' },
      { kind: 'heading', level: 2, text: 'Stappen' },
      { kind: 'list', ordered: true, items: ['Eén loket', 'Samen begroten'] },
      { kind: 'list', ordered: false, items: ['Respect'] },
      { kind: 'quote', text: 'Niet vinken, maar vonken.' },
    ])
  })
})
