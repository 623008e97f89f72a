import { getManifesto } from '@stip/board/doc-layout'
import { writeDefaultManifesto } from '@stip/manifesto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { matchSearch } from './match-search'
import { readManifestoItems } from './read-search-items'

function element(name: string, children: (Y.XmlElement | Y.XmlText)[]): Y.XmlElement {
  const node = new Y.XmlElement(name)
  node.insert(0, children)
  return node
}

const paragraph = (text: string) => element('paragraph', [new Y.XmlText(text)])

describe('readManifestoItems', () => {
  it('gives each heading, paragraph and list item as a passage, and skips empty ones', () => {
    const doc = new Y.Doc()
    const fragment = getManifesto(doc)
    writeDefaultManifesto(fragment, 'nl')
    fragment.push([
      paragraph('Wij delen wat we weten over de wijk.'),
      element('bulletList', [
        element('listItem', [paragraph('Één loket')]),
        element('listItem', [paragraph('Samen met de GGD')]),
      ]),
    ])
    const texts = readManifestoItems(doc).map((item) => item.text)
    expect(texts).toContain('Gedeelde waarden')
    expect(texts.slice(-3)).toEqual([
      'Wij delen wat we weten over de wijk.',
      'Één loket',
      'Samen met de GGD',
    ])
    expect(texts).not.toContain('')
    const hits = matchSearch(readManifestoItems(doc), 'ggd')
    expect(hits.map((hit) => hit.item.text)).toEqual(['Samen met de GGD'])
    expect(hits[0]?.item.kind).toBe('manifesto')
  })
})
