import * as Y from 'yjs'
import { heading, paragraph } from './default-manifesto'
import { childrenOf, headingLevel, inlineRuns, plainText } from './fragment-walk'
import {
  MANIFESTO_SECTIONS,
  type ManifestoLocale,
  type ManifestoSectionKey,
  SECTION_ATTRIBUTE,
} from './sections'

/**
 * Appends items as a bullet list at the end of a section ("Naar manifest"). The section is
 * found by the heading's section attribute, else by its default title in either language;
 * when the manifesto has no such heading, the heading is added at the end.
 */
export function appendToSection(
  fragment: Y.XmlFragment,
  key: ManifestoSectionKey,
  items: readonly string[],
  locale: ManifestoLocale,
): void {
  if (items.length === 0) return
  const write = () => {
    const blocks = childrenOf(fragment)
    let start = findSectionHeading(blocks, key)
    if (start < 0) {
      const section = MANIFESTO_SECTIONS.find((candidate) => candidate.key === key)
      fragment.insert(fragment.length, [heading(2, section ? section[locale] : key, key)])
      start = fragment.length - 1
    }
    const current = childrenOf(fragment)
    const end = sectionEnd(current, start)
    // The last block with content in the section; blank paragraphs after it stay where they are.
    let last = start
    for (let index = start + 1; index < end; index++) {
      if (!isBlankParagraph(current[index])) last = index
    }
    const lastBlock = current[last]
    const listItems = items.map(listItem)
    if (last > start && lastBlock instanceof Y.XmlElement && lastBlock.nodeName === 'bulletList') {
      lastBlock.insert(lastBlock.length, listItems)
    } else {
      const list = new Y.XmlElement('bulletList')
      list.insert(0, listItems)
      fragment.insert(last + 1, [list])
    }
  }
  if (fragment.doc) fragment.doc.transact(write)
  else write()
}

function findSectionHeading(
  blocks: readonly (Y.XmlElement | Y.XmlText)[],
  key: ManifestoSectionKey,
): number {
  const byAttribute = blocks.findIndex(
    (block) => isHeading(block) && block.getAttribute(SECTION_ATTRIBUTE) === key,
  )
  if (byAttribute >= 0) return byAttribute
  const section = MANIFESTO_SECTIONS.find((candidate) => candidate.key === key)
  if (!section) return -1
  const titles = [section.nl, section.en].map((title) => title.toLowerCase())
  return blocks.findIndex(
    (block) =>
      isHeading(block) && titles.includes(plainText(inlineRuns(block)).trim().toLowerCase()),
  )
}

/** A section runs until the next heading of the same or a higher rank. */
function sectionEnd(blocks: readonly (Y.XmlElement | Y.XmlText)[], start: number): number {
  const opening = blocks[start]
  const level = opening instanceof Y.XmlElement ? headingLevel(opening) : 1
  for (let index = start + 1; index < blocks.length; index++) {
    const block = blocks[index]
    if (isHeading(block) && headingLevel(block) <= Math.max(level, 2)) return index
  }
  return blocks.length
}

function isHeading(block: Y.XmlElement | Y.XmlText | undefined): block is Y.XmlElement {
  return block instanceof Y.XmlElement && block.nodeName === 'heading'
}

function isBlankParagraph(block: Y.XmlElement | Y.XmlText | undefined): boolean {
  return (
    block instanceof Y.XmlElement &&
    block.nodeName === 'paragraph' &&
    plainText(inlineRuns(block)).trim() === ''
  )
}

function listItem(text: string): Y.XmlElement {
  const item = new Y.XmlElement('listItem')
  item.insert(0, [paragraph(text)])
  return item
}
