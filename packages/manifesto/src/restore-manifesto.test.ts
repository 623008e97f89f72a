import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { canonicalManifestoText } from './canonical-text'
import { paragraph, writeDefaultManifesto } from './default-manifesto'
import { restoreManifesto } from './restore-manifesto'

function manifestoDoc(): Y.Doc {
  const doc = new Y.Doc()
  writeDefaultManifesto(doc.getXmlFragment('manifesto'), 'nl')
  return doc
}

function typeInto(doc: Y.Doc, paragraphIndex: number, text: string) {
  const paragraphs = doc
    .getXmlFragment('manifesto')
    .toArray()
    .filter((node) => node instanceof Y.XmlElement && node.nodeName === 'paragraph')
  const target = (paragraphs[paragraphIndex] as Y.XmlElement).get(0) as Y.XmlText
  target.insert(target.length, text)
}

const sync = (from: Y.Doc, to: Y.Doc) =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))

describe('restoreManifesto', () => {
  it('gives the text of the version back', () => {
    const live = manifestoDoc()
    typeInto(live, 0, 'Samen gezond.')
    const version = Y.encodeStateAsUpdate(live)
    typeInto(live, 0, ' Later toegevoegd.')
    live.getXmlFragment('manifesto').push([paragraph('Een nieuwe alinea.')])

    const past = new Y.Doc()
    Y.applyUpdate(past, version)
    live.transact(() =>
      restoreManifesto(live.getXmlFragment('manifesto'), past.getXmlFragment('manifesto')),
    )
    expect(canonicalManifestoText(live.getXmlFragment('manifesto'))).toBe(
      canonicalManifestoText(past.getXmlFragment('manifesto')),
    )
  })

  it('keeps what somebody typed at the same time into a paragraph the restore leaves alone', () => {
    const server = manifestoDoc()
    typeInto(server, 0, 'Samen gezond.')
    const version = Y.encodeStateAsUpdate(server)
    typeInto(server, 1, 'Weg na het herstel.')
    // Offline, somebody adds to the first paragraph, which the version has as it is.
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(server))
    typeInto(offline, 0, ' Ook wonen.')

    const past = new Y.Doc()
    Y.applyUpdate(past, version)
    server.transact(() =>
      restoreManifesto(server.getXmlFragment('manifesto'), past.getXmlFragment('manifesto')),
    )
    sync(offline, server)
    sync(server, offline)

    const text = canonicalManifestoText(server.getXmlFragment('manifesto'))
    expect(text).toContain('Samen gezond. Ook wonen.')
    expect(text).not.toContain('Weg na het herstel.')
    expect(canonicalManifestoText(offline.getXmlFragment('manifesto'))).toBe(text)
  })
})
