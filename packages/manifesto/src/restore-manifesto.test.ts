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

/** A copy of `doc` as a browser holds it before going offline. */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

/** What the server does: `doc`'s manifesto made to read as in `version`; returns the version. */
function restore(doc: Y.Doc, version: Uint8Array): Y.Doc {
  const past = new Y.Doc()
  Y.applyUpdate(past, version)
  doc.transact(() =>
    restoreManifesto(doc.getXmlFragment('manifesto'), past.getXmlFragment('manifesto')),
  )
  return past
}

/** The restore reaches the offline copy and what was typed there reaches the server. */
function reconnect(server: Y.Doc, offline: Y.Doc) {
  sync(offline, server)
  sync(server, offline)
}

describe('restoreManifesto', () => {
  it('gives the text of the version back', () => {
    const live = manifestoDoc()
    typeInto(live, 0, 'Samen gezond.')
    const version = Y.encodeStateAsUpdate(live)
    typeInto(live, 0, ' Later toegevoegd.')
    live.getXmlFragment('manifesto').push([paragraph('Een nieuwe alinea.')])

    const past = restore(live, version)
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
    const offline = copyOf(server)
    typeInto(offline, 0, ' Ook wonen.')

    restore(server, version)
    reconnect(server, offline)

    const text = canonicalManifestoText(server.getXmlFragment('manifesto'))
    expect(text).toContain('Samen gezond. Ook wonen.')
    expect(text).not.toContain('Weg na het herstel.')
    expect(canonicalManifestoText(offline.getXmlFragment('manifesto'))).toBe(text)
  })

  it('keeps what somebody typed offline into a paragraph when a paragraph added above it goes', () => {
    const server = manifestoDoc()
    typeInto(server, 0, 'Samen gezond.')
    const version = Y.encodeStateAsUpdate(server)
    const offline = copyOf(server)
    typeInto(offline, 0, ' Ook wonen.')
    // After the version: a paragraph above the first one, and a change further down.
    server.getXmlFragment('manifesto').insert(1, [paragraph('Bovenaan erbij.')])
    typeInto(server, 3, 'Weg na het herstel.')

    restore(server, version)
    reconnect(server, offline)

    const text = canonicalManifestoText(server.getXmlFragment('manifesto'))
    expect(text).toContain('Samen gezond. Ook wonen.')
    expect(text).not.toContain('Bovenaan erbij.')
    expect(text).not.toContain('Weg na het herstel.')
    expect(canonicalManifestoText(offline.getXmlFragment('manifesto'))).toBe(text)
  })

  it('keeps the paragraph the version has, changed since, when a paragraph was added above it', () => {
    const server = manifestoDoc()
    typeInto(server, 0, 'Samen gezond.')
    const version = Y.encodeStateAsUpdate(server)
    const offline = copyOf(server)
    typeInto(offline, 0, ' Ook wonen.')
    // After the version: a paragraph right above it, and a sentence added to it.
    server.getXmlFragment('manifesto').insert(1, [paragraph('Bovenaan erbij.')])
    typeInto(server, 1, ' Later erbij.')

    restore(server, version)
    reconnect(server, offline)

    const text = canonicalManifestoText(server.getXmlFragment('manifesto'))
    expect(text).toContain('Samen gezond. Ook wonen.')
    expect(text).not.toContain('Bovenaan erbij.')
    expect(text).not.toContain('Later erbij.')
  })

  it('edits a changed paragraph in place, so text typed into it offline stays', () => {
    const server = manifestoDoc()
    typeInto(server, 1, 'Wij delen.')
    const version = Y.encodeStateAsUpdate(server)
    const offline = copyOf(server)
    const target = (
      offline
        .getXmlFragment('manifesto')
        .toArray()
        .filter(
          (node) => node instanceof Y.XmlElement && node.nodeName === 'paragraph',
        )[1] as Y.XmlElement
    ).get(0) as Y.XmlText
    target.insert(0, 'Offline: ')
    typeInto(server, 1, ' Weg na het herstel.')
    server.getXmlFragment('manifesto').insert(0, [paragraph('Nieuw bovenaan.')])

    restore(server, version)
    reconnect(server, offline)

    const text = canonicalManifestoText(server.getXmlFragment('manifesto'))
    expect(text).toContain('Offline: Wij delen.')
    expect(text).not.toContain('Weg na het herstel.')
    expect(text).not.toContain('Nieuw bovenaan.')
  })

  it('gives back a list, a quote and a renamed heading as they were', () => {
    const live = new Y.Doc()
    const fragment = live.getXmlFragment('manifesto')
    const list = new Y.XmlElement('bulletList')
    const item = new Y.XmlElement('listItem')
    item.insert(0, [paragraph('Eerste punt.')])
    list.insert(0, [item])
    const quote = new Y.XmlElement('blockquote')
    quote.insert(0, [paragraph('Een citaat.')])
    writeDefaultManifesto(fragment, 'nl')
    fragment.insert(0, [list, quote])
    const version = Y.encodeStateAsUpdate(live)
    const secondItem = new Y.XmlElement('listItem')
    secondItem.insert(0, [paragraph('Later punt.')])
    list.insert(1, [secondItem])
    ;((quote.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Ander ')
    const title = fragment.get(2) as Y.XmlElement
    expect(title.getAttribute('section')).toBe('titel')
    ;(title.get(0) as Y.XmlText).insert(0, 'Nieuwe ')
    fragment.delete(3, 1)

    const past = restore(live, version)
    expect(fragment.toString()).toBe(past.getXmlFragment('manifesto').toString())
  })
})
