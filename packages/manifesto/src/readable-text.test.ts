import { describe, expect, it } from 'vitest'
import { readableManifestoText } from './readable-text'

describe('readableManifestoText', () => {
  it('drops the Markdown a reader never sees', () => {
    const markdown = [
      '# Titel',
      '',
      '## Gedeelde waarden',
      '',
      'Wij **geloven** in *samen*.',
      '',
      '- Respect',
      '- Vertrouwen',
      '',
      '1. Eerst dit',
      '',
      '> Geen slappe ranja',
      '',
      'Prijs 5 \\* 3 \\# niet \\- weg',
    ].join('\n')
    expect(readableManifestoText(markdown)).toBe(
      [
        'Titel',
        '',
        'Gedeelde waarden',
        '',
        'Wij geloven in samen.',
        '',
        '• Respect',
        '• Vertrouwen',
        '',
        '1. Eerst dit',
        '',
        'Geen slappe ranja',
        '',
        'Prijs 5 * 3 # niet - weg',
      ].join('\n'),
    )
  })
})
