import { getManifesto, getSignatures } from '@stip/board/doc-layout'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  appendToSection,
  canonicalManifestoText,
  isManifestoEmpty,
  MANIFESTO_SECTIONS,
  manifestoBlocks,
  manifestoHash,
  manifestoToMarkdown,
  readableManifestoText,
  readSignatures,
  type Signature,
  signatureStatus,
  writeDefaultManifesto,
} from './index'

type Delta = Array<{ insert: string; attributes?: Record<string, unknown> }>

/** Elements built as y-prosemirror builds them from TipTap's StarterKit nodes and marks. */
function element(
  name: string,
  attributes: Record<string, unknown>,
  children: (Y.XmlElement | Y.XmlText)[],
) {
  const node = new Y.XmlElement<Record<string, number | string>>(name)
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as string)
  node.insert(0, children)
  return node as unknown as Y.XmlElement
}
function text(delta: Delta): Y.XmlText {
  const node = new Y.XmlText()
  node.applyDelta(delta)
  return node
}
const p = (delta: Delta) => element('paragraph', {}, [text(delta)])
const li = (value: string) => element('listItem', {}, [p([{ insert: value }])])

function tiptapLikeDoc(): Y.Doc {
  const doc = new Y.Doc()
  getManifesto(doc).insert(0, [
    element('heading', { level: 1 }, [text([{ insert: 'Samen naar 2040' }])]),
    p([
      { insert: 'Wij ' },
      { insert: 'geloven', attributes: { bold: {} } },
      { insert: ' in ' },
      { insert: 'gelijkwaardigheid ', attributes: { italic: {} } },
      { insert: 'en respect.' },
    ]),
    element('heading', { level: 2 }, [text([{ insert: 'Gedeelde waarden' }])]),
    element('bulletList', {}, [li('Respect'), li('Verantwoordelijkheid')]),
    element('orderedList', { start: 1 }, [li('Eerst luisteren'), li('Dan doen')]),
    element('blockquote', {}, [p([{ insert: 'Dikke siroop, geen slappe ranja' }])]),
    element('paragraph', {}, []),
  ])
  return doc
}

describe('manifesto model', () => {
  it('renders a fragment built like TipTap builds it as Markdown', () => {
    const markdown = manifestoToMarkdown(getManifesto(tiptapLikeDoc()))
    expect(markdown).toBe(
      [
        '# Samen naar 2040',
        'Wij **geloven** in *gelijkwaardigheid* en respect.',
        '## Gedeelde waarden',
        '- Respect\n- Verantwoordelijkheid',
        '1. Eerst luisteren\n2. Dan doen',
        '> Dikke siroop, geen slappe ranja',
      ].join('\n\n'),
    )
  })

  it('escapes text that Markdown would read as markup', () => {
    const doc = new Y.Doc()
    getManifesto(doc).insert(0, [
      p([{ insert: '1. stap *nu* # geen kop' }]),
      p([{ insert: '- geen lijst' }]),
    ])
    expect(manifestoToMarkdown(getManifesto(doc))).toBe(
      '1\\. stap \\*nu\\* # geen kop\n\n\\- geen lijst',
    )
  })

  it('gives exports blocks with runs that carry bold and italic', () => {
    const blocks = manifestoBlocks(getManifesto(tiptapLikeDoc()))
    expect(blocks.map((block) => block.type)).toEqual([
      'heading',
      'paragraph',
      'heading',
      'list',
      'list',
      'quote',
    ])
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      runs: [
        { text: 'Wij ', bold: false, italic: false },
        { text: 'geloven', bold: true, italic: false },
        { text: ' in ', bold: false, italic: false },
        { text: 'gelijkwaardigheid ', bold: false, italic: true },
        { text: 'en respect.', bold: false, italic: false },
      ],
    })
    expect(blocks[4]).toMatchObject({ type: 'list', ordered: true })
  })

  it('hashes the canonical text the same way every time and differently after an edit', async () => {
    const doc = tiptapLikeDoc()
    const fragment = getManifesto(doc)
    const textBefore = canonicalManifestoText(fragment)
    expect(textBefore.endsWith('ranja\n')).toBe(true)
    const hash = await manifestoHash(textBefore)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(await manifestoHash(canonicalManifestoText(fragment))).toBe(hash)
    // An extra empty paragraph (the editor's trailing node) does not change the signed text.
    fragment.insert(fragment.length, [element('paragraph', {}, [])])
    expect(await manifestoHash(canonicalManifestoText(fragment))).toBe(hash)
    const first = fragment.get(1) as Y.XmlElement
    ;(first.get(0) as Y.XmlText).insert(0, 'Echt: ')
    expect(await manifestoHash(canonicalManifestoText(fragment))).not.toBe(hash)
  })

  it('hashes with SHA-256 of the UTF-8 text', async () => {
    expect(await manifestoHash('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
  })

  it('gives the same hash without Web Crypto, as a browser outside a secure context', async () => {
    const text = 'Wij, de Gemeente en de GGD, zijn het eens: één tekst 🤝\n'.repeat(200)
    const withWebCrypto = await manifestoHash(text)
    expect(await manifestoHash(text, null)).toBe(withWebCrypto)
    expect(await manifestoHash('abc', null)).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
  })

  it('writes the default structure into an empty manifesto only', () => {
    const doc = new Y.Doc()
    const fragment = getManifesto(doc)
    writeDefaultManifesto(fragment, 'nl')
    expect(fragment.length).toBe(MANIFESTO_SECTIONS.length * 2)
    const first = fragment.get(0) as Y.XmlElement
    expect(first.nodeName).toBe('heading')
    expect(first.getAttribute('level')).toBe(1)
    expect(first.getAttribute('section')).toBe('titel')
    expect(manifestoToMarkdown(fragment)).toBe(
      '# Titel\n\n## Preambule\n\n## Gedeelde waarden\n\n## Ambities 2040\n\n## Eerste stappen deze collegeperiode\n\n## Hoe we samenwerken\n\n## Ondertekening',
    )
    writeDefaultManifesto(fragment, 'en')
    expect(fragment.length).toBe(MANIFESTO_SECTIONS.length * 2)
    expect(isManifestoEmpty(fragment)).toBe(false)
  })

  it('replaces the empty blocks an editor leaves after deleting everything with the default structure', () => {
    const doc = new Y.Doc()
    const fragment = getManifesto(doc)
    fragment.insert(0, [element('heading', { level: 1 }, [text([])]), element('paragraph', {}, [])])
    expect(isManifestoEmpty(fragment)).toBe(true)
    writeDefaultManifesto(fragment, 'en')
    expect(manifestoToMarkdown(fragment).split('\n\n')[0]).toBe('# Title')
  })

  it('appends notes as a bullet list at the end of the chosen section', () => {
    const doc = new Y.Doc()
    const fragment = getManifesto(doc)
    writeDefaultManifesto(fragment, 'nl')
    appendToSection(fragment, 'gedeelde-waarden', ['Respect — GGD', 'Vertrouwen'], 'nl')
    appendToSection(fragment, 'gedeelde-waarden', ['Lef — Gemeente'], 'nl')
    const markdown = manifestoToMarkdown(fragment)
    expect(markdown).toContain(
      '## Gedeelde waarden\n\n- Respect — GGD\n- Vertrouwen\n- Lef — Gemeente\n\n## Ambities 2040',
    )
  })

  it('finds a section by its title when the heading has no section attribute', () => {
    const doc = new Y.Doc()
    const fragment = getManifesto(doc)
    fragment.insert(0, [
      element('heading', { level: 2 }, [text([{ insert: 'Ambities 2040' }])]),
      p([{ insert: 'Iedereen doet mee.' }]),
      element('heading', { level: 2 }, [text([{ insert: 'Ondertekening' }])]),
    ])
    appendToSection(fragment, 'ambities-2040', ['Wijkteams — Zorggroep'], 'nl')
    appendToSection(fragment, 'samenwerken', ['Eén loket'], 'nl')
    expect(manifestoToMarkdown(fragment)).toBe(
      '## Ambities 2040\n\nIedereen doet mee.\n\n- Wijkteams — Zorggroep\n\n## Ondertekening\n\n## Hoe we samenwerken\n\n- Eén loket',
    )
  })
})

describe('signatures', () => {
  const signature = (text: string, hash: string): Signature => ({
    organisationId: 'org-1',
    organisationName: 'GGD',
    signerName: 'Anna de Vries',
    signerFunction: 'Directeur',
    signedAt: 1_700_000_000_000,
    hash,
    text,
  })

  it('reads the signatures the server wrote and skips malformed entries', () => {
    const doc = new Y.Doc()
    getSignatures(doc).set('org-1', signature('x\n', 'h'))
    getSignatures(doc).set('org-2', { organisationId: 'org-2' })
    expect(readSignatures(doc)).toEqual([signature('x\n', 'h')])
  })

  it('is current for the signed text and stale with a word diff after an edit', async () => {
    const doc = tiptapLikeDoc()
    const fragment = getManifesto(doc)
    const signedText = canonicalManifestoText(fragment)
    const signed = signature(signedText, await manifestoHash(signedText))
    expect(signatureStatus(signed, signedText, signed.hash)).toEqual({ kind: 'current' })

    const title = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText
    title.delete(title.length - 4, 4)
    title.insert(title.length, '2035')
    const nowText = canonicalManifestoText(fragment)
    const status = signatureStatus(signed, nowText, await manifestoHash(nowText))
    expect(status.kind).toBe('stale')
    if (status.kind !== 'stale') return
    expect(status.changes.filter((change) => change.removed).map((change) => change.value)).toEqual(
      ['2040'],
    )
    expect(status.changes.filter((change) => change.added).map((change) => change.value)).toEqual([
      '2035',
    ])
    // The diff reads as text, without the Markdown it is stored as.
    const before = status.changes.map((change) => (change.added ? '' : change.value)).join('')
    expect(before).toBe(readableManifestoText(signedText))
    expect(signedText).toMatch(/^# /)
    expect(before).not.toMatch(/^#/m)
  })
})
