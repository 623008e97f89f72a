import * as Y from 'yjs'
import { manifestoBlocks } from './manifesto-blocks'
import { MANIFESTO_SECTIONS, type ManifestoLocale, SECTION_ATTRIBUTE } from './sections'

/**
 * True when the fragment holds no text: nothing at all, or only the empty blocks an editor
 * leaves when everything was deleted. Such a manifesto may receive the default structure.
 */
export function isManifestoEmpty(fragment: Y.XmlFragment): boolean {
  return manifestoBlocks(fragment).length === 0
}

/**
 * Writes the default structure (a heading and an empty paragraph per section) into an empty
 * fragment, in the shape TipTap's StarterKit writes through y-prosemirror, so the editor shows
 * it as typed. No-op when the fragment already holds text.
 */
export function writeDefaultManifesto(fragment: Y.XmlFragment, locale: ManifestoLocale): void {
  const write = () => {
    if (!isManifestoEmpty(fragment)) return
    if (fragment.length > 0) fragment.delete(0, fragment.length)
    fragment.insert(
      0,
      MANIFESTO_SECTIONS.flatMap((section) => [
        heading(section.key === 'titel' ? 1 : 2, section[locale], section.key),
        paragraph(''),
      ]),
    )
  }
  if (fragment.doc) fragment.doc.transact(write)
  else write()
}

export function heading(level: number, text: string, section?: string): Y.XmlElement {
  // TipTap's heading keeps `level` as a number; y-prosemirror stores node attributes as-is.
  const element = new Y.XmlElement<Record<string, number | string>>('heading')
  element.setAttribute('level', level)
  if (section) element.setAttribute(SECTION_ATTRIBUTE, section)
  element.insert(0, [textNode(text)])
  return element as unknown as Y.XmlElement
}

/**
 * A paragraph always gets its (maybe empty) text node: two people who start typing in the same
 * empty paragraph then insert into one shared Y.XmlText and merge character by character.
 * Without it each editor creates its own text node and y-prosemirror keeps only one of them,
 * which throws one person's caret out of place.
 */
export function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [textNode(text)])
  return element
}

function textNode(text: string): Y.XmlText {
  const node = new Y.XmlText()
  if (text !== '') node.insert(0, text)
  return node
}
