import { getManifesto } from '@stip/board/doc-layout'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeDefaultManifesto } from './default-manifesto'
import {
  anchorPassage,
  locatePassage,
  reanchorPassage,
  replacePassage,
  resolvePassage,
  sectionOfBlock,
} from './passage'

function manifestoWith(preamble: string): Y.Doc {
  const doc = new Y.Doc()
  const fragment = getManifesto(doc)
  writeDefaultManifesto(fragment, 'nl')
  const paragraph = fragment.get(3) as Y.XmlElement
  ;(paragraph.get(0) as Y.XmlText).insert(0, preamble)
  return doc
}

/** Another replica of the same doc, as a second person has it. */
function replica(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

describe('a manifesto passage', () => {
  it('is found from an editor selection and names its section', () => {
    const doc = manifestoWith('Wij geloven in samenwerking.')
    const fragment = getManifesto(doc)
    const passage = locatePassage(fragment, { path: [3], from: 15, to: 27 })
    expect(passage?.content).toBe('samenwerking')
    expect(sectionOfBlock(fragment, 3)).toEqual({ key: 'preambule', title: 'Preambule' })
    expect(locatePassage(fragment, { path: [3], from: 5, to: 5 })).toBeNull()
    expect(locatePassage(fragment, { path: [2, 0], from: 0, to: 1 })).toBeNull()
    expect(locatePassage(fragment, { path: [99], from: 0, to: 1 })).toBeNull()
  })

  it('follows edits made around it on another replica, and is replaced there', () => {
    const doc = manifestoWith('Wij geloven in samenwerking.')
    const anchor = anchorPassage(locatePassage(getManifesto(doc), { path: [3], from: 4, to: 11 })!)
    const other = replica(doc)
    const text = (getManifesto(other).get(3) as Y.XmlElement).get(0) as Y.XmlText
    text.insert(0, 'Samen: ')
    text.insert(text.length, ' Echt.')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))

    expect(resolvePassage(doc, anchor)?.content).toBe('geloven')
    expect(replacePassage(doc, anchor, 'geloven', 'kiezen voor')).toBe(true)
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    expect(text.toJSON()).toBe('Samen: Wij kiezen voor in samenwerking. Echt.')
  })

  it('refuses the replacement when the passage itself was changed', () => {
    const doc = manifestoWith('Wij geloven in samenwerking.')
    const anchor = anchorPassage(locatePassage(getManifesto(doc), { path: [3], from: 4, to: 11 })!)
    const text = (getManifesto(doc).get(3) as Y.XmlElement).get(0) as Y.XmlText
    text.insert(6, 'XX')
    expect(resolvePassage(doc, anchor)?.content).toBe('geXXloven')
    expect(replacePassage(doc, anchor, 'geloven', 'kiezen voor')).toBe(false)
    expect(text.toJSON()).toBe('Wij geXXloven in samenwerking.')
    getManifesto(doc).delete(3, 1)
    expect(resolvePassage(doc, anchor)).toBeNull()
  })

  it('keeps the formatting of the passage it replaces', () => {
    const doc = manifestoWith('Wij geloven in samenwerking.')
    const text = (getManifesto(doc).get(3) as Y.XmlElement).get(0) as Y.XmlText
    text.format(4, 7, { bold: {} })
    const anchor = anchorPassage(locatePassage(getManifesto(doc), { path: [3], from: 4, to: 11 })!)
    expect(replacePassage(doc, anchor, 'geloven', 'kiezen')).toBe(true)
    expect(text.toDelta()).toEqual([
      { insert: 'Wij ' },
      { insert: 'kiezen', attributes: { bold: {} } },
      { insert: ' in samenwerking.' },
    ])
  })

  it('is found again in a copy of the manifesto, as a vervolgsessie has it', () => {
    const doc = manifestoWith('Wij geloven in samenwerking, en geloven in elkaar.')
    const anchor = anchorPassage(locatePassage(getManifesto(doc), { path: [3], from: 32, to: 39 })!)
    const copy = copyOf(doc)
    const found = reanchorPassage(doc, anchor, 'geloven', getManifesto(copy))
    expect(resolvePassage(copy, found!)).toMatchObject({ start: 32, end: 39, content: 'geloven' })
    expect(replacePassage(copy, found!, 'geloven', 'vertrouwen')).toBe(true)
    expect(canonicalText(copy)).toContain('Wij geloven in samenwerking, en vertrouwen in elkaar.')
    // The source is untouched: the copy's anchor points into the copy only.
    expect(canonicalText(doc)).toContain('en geloven in elkaar.')
  })

  it('takes the nearest occurrence in the same block when the copy reads differently, and gives up when it is gone', () => {
    const doc = manifestoWith('Wij geloven in samenwerking, en geloven in elkaar.')
    const anchor = anchorPassage(locatePassage(getManifesto(doc), { path: [3], from: 32, to: 39 })!)
    const moved = copyOf(doc)
    const text = (getManifesto(moved).get(3) as Y.XmlElement).get(0) as Y.XmlText
    text.insert(0, 'Samen: ')
    const found = reanchorPassage(doc, anchor, 'geloven', getManifesto(moved))
    expect(resolvePassage(moved, found!)).toMatchObject({ start: 39, content: 'geloven' })

    const gone = copyOf(doc)
    const goneText = (getManifesto(gone).get(3) as Y.XmlElement).get(0) as Y.XmlText
    goneText.delete(0, goneText.length)
    goneText.insert(0, 'Iets anders.')
    expect(reanchorPassage(doc, anchor, 'geloven', getManifesto(gone))).toBeNull()
    // A passage that no longer reads as proposed in the source is not carried either.
    expect(reanchorPassage(doc, anchor, 'gelove', getManifesto(copyOf(doc)))).toBeNull()
  })
})

/** A new doc whose manifesto is a clone of `doc`'s (new Y items), as carry-over makes it. */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  const nodes = getManifesto(doc)
    .toArray()
    .filter((node) => node instanceof Y.XmlElement || node instanceof Y.XmlText)
  getManifesto(copy).insert(
    0,
    nodes.map((node) => node.clone()),
  )
  return copy
}

function canonicalText(doc: Y.Doc): string {
  return getManifesto(doc).toString()
}
