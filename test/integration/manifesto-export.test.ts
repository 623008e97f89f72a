import { getManifesto } from '@stip/board/doc-layout'
import { micromark } from 'micromark'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { slugFor } from '../../server/src/boards/create-board-body'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { connectClient } from './helpers/clients'
import {
  docxHtml,
  docxText,
  pdfBookmarks,
  pdfFonts,
  pdfInfo,
  pdfMetadata,
  pdfPages,
  pdfStructure,
  pdfText,
} from './helpers/documents'
import {
  boardApi,
  manifestoHashOf,
  manifestoText,
  setParagraphText,
  tokenOfLink,
  writeManifesto,
} from './helpers/manifesto'
import { startTestServer } from './helpers/test-server'
import { waitFor } from './helpers/wait-for'

const HOSTILE_HTML = '<img src=x onerror=alert(1)>'

/** A board whose manifesto two organisations signed, one of them before a later edit. */
async function signedBoard(cleanup: ReturnType<typeof useCleanup>) {
  const { url, wsBase } = await startTestServer(cleanup)
  const board = await createBoard(url, {
    title: 'Samen sterk in Zeist',
    organisations: [
      { name: 'Gemeente Zeist' },
      { name: 'Woningcorporatie De Kroon' },
      { name: 'GGD' },
    ],
  })
  const editor = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.editor })
  const watcher = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.viewer })
  writeManifesto(
    editor.doc,
    'Wij geloven dat bewoners zelf het beste weten wat werkt in hun wijk.',
    'Geen enkele inwoner staat er in 2040 alleen voor; ‘dikke siroop, geen slappe ranja’.',
  )
  const sync = () =>
    waitFor(() => manifestoText(watcher.doc) === manifestoText(editor.doc), {
      what: 'the manifesto to sync',
    })
  await sync()
  const sign = async (organisationId: string, signerName: string, signerFunction: string) => {
    const link = await boardApi<{ link: string }>(
      url,
      `/api/boards/${board.id}/signing-links/${organisationId}`,
      board.tokens.facilitator,
      {
        method: 'POST',
      },
    )
    const signed = await boardApi(
      url,
      `/api/boards/${board.id}/signatures`,
      tokenOfLink(link.body.link),
      {
        method: 'POST',
        body: { signerName, signerFunction, hash: await manifestoHashOf(editor.doc) },
      },
    )
    expect(signed.status).toBe(201)
  }
  await sign('woningcorporatie-de-kroon', 'Joël van Rijswijk', 'Directeur-bestuurder')
  setParagraphText(editor.doc, 2, 'Respect, gelijkwaardigheid en verantwoordelijkheid.')
  await sync()
  await sign('gemeente-zeist', 'Renée Brouwer-Özdemir', 'Burgemeester')
  return { url, board, hash: await manifestoHashOf(editor.doc) }
}

async function download(url: string, path: string) {
  const response = await fetch(`${url}${path}`)
  return { response, bytes: Buffer.from(await response.arrayBuffer()) }
}

describe('exports of the manifesto', () => {
  const cleanup = useCleanup()

  it('exports Markdown with the sections, every signatory and the text\u2019s hash', async () => {
    const { url, board, hash } = await signedBoard(cleanup)
    const { response, bytes } = await download(
      url,
      `/api/boards/${board.id}/manifesto.md?token=${board.tokens.viewer}`,
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="manifest-samen-sterk-in-zeist.md"',
    )
    expect(response.headers.get('cache-control')).toBe('no-store')
    const md = bytes.toString('utf8')
    expect(md).toMatch(/^# Samen sterk in Zeist/)
    for (const expected of [
      '## Preambule',
      '## Gedeelde waarden',
      '## Ambities 2040',
      '## Ondertekening',
      'Renée Brouwer-Özdemir',
      'Burgemeester',
      'Joël van Rijswijk',
      'Woningcorporatie De Kroon',
      'Nog niet ondertekend',
      hash,
    ]) {
      expect(md).toContain(expected)
    }
    expect(md.match(/## Ondertekening/g)).toHaveLength(1)
    expect(md).toMatch(/### Gemeente Zeist[\s\S]*Geldig voor deze tekst/)
    expect(md).toMatch(
      /### Woningcorporatie De Kroon[\s\S]*Ondertekend op een eerdere versie van de tekst/,
    )
  })

  it('exports a DOCX that a DOCX library opens, with the sections and the signatories', async () => {
    const { url, board, hash } = await signedBoard(cleanup)
    const { response, bytes } = await download(
      url,
      `/api/boards/${board.id}/manifesto.docx?token=${board.tokens.editor}`,
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('wordprocessingml')
    const text = await docxText(bytes)
    for (const expected of [
      'Samen sterk in Zeist',
      'Preambule',
      'Ambities 2040',
      'Ondertekening',
      'Renée Brouwer-Özdemir',
      'Joël van Rijswijk',
      'Woningcorporatie De Kroon',
      'Ondertekend op een eerdere versie',
      hash,
    ]) {
      expect(text).toContain(expected)
    }
  })

  it('exports a printable PDF whose text holds the sections and the signatories', async () => {
    const { url, board, hash } = await signedBoard(cleanup)
    const { response, bytes } = await download(
      url,
      `/api/boards/${board.id}/manifesto.pdf?token=${board.tokens.facilitator}`,
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const text = await pdfText(bytes)
    for (const expected of [
      'Samen sterk in Zeist',
      'Preambule',
      'Gedeelde waarden',
      'Ambities 2040',
      'Ondertekening',
      'Nog niet',
      'Pagina 1 van',
      hash,
    ]) {
      expect(text).toContain(expected)
    }
    // The signatures are a table: each cell's whole text, as a screen reader reads it (on
    // paper a long name wraps inside its cell).
    const structure = await pdfStructure(bytes)
    for (const cell of [
      'Renée Brouwer-Özdemir',
      'Burgemeester',
      'Joël van Rijswijk',
      'Woningcorporatie De Kroon',
      'Nog niet ondertekend',
    ]) {
      expect(structure).toMatch(new RegExp(`TD <[^>]+>:[^"]*"${cell}"`))
    }
    await pdfPages(bytes, 'manifesto-pdf')
  })

  it('embeds its fonts, tags its structure and keeps names in every script and hostile text intact', async () => {
    const { url, wsBase } = await startTestServer(cleanup)
    const organisations = [
      'Gemeente Ĳsselstein',
      'Stichting Łukasz Ørsted',
      'GGD Regio Utrecht',
      `Zorggroep ${HOSTILE_HTML}`,
    ]
    const board = await createBoard(url, {
      title: `Visie 2040 Ĳsselstein — samen ${HOSTILE_HTML}`,
      organisations: organisations.map((name) => ({ name })),
    })
    const editor = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.editor })
    writeManifesto(
      editor.doc,
      'Wij, Ayşe, ʿAbd al-Raḥmān en Łukasz, geloven dat bewoners zelf het beste weten wat werkt.',
      `In 2040 staat niemand in Ĳsselstein er alleen voor. ${HOSTILE_HTML} [klik](javascript:alert(1))`,
    )
    // The text's own title, as the editor's first heading.
    editor.doc.transact(() => {
      const title = getManifesto(editor.doc).get(0) as Y.XmlElement
      title.delete(0, title.length)
      const text = new Y.XmlText()
      text.insert(0, `Samen voor Ĳsselstein ${HOSTILE_HTML}`)
      title.insert(0, [text])
    })
    const hash = await manifestoHashOf(editor.doc)
    await waitFor(
      async () => {
        const md = await fetch(
          `${url}/api/boards/${board.id}/manifesto.md?token=${board.tokens.viewer}`,
        )
        return (await md.text()).includes(hash)
      },
      { intervalMs: 100, what: 'the manifesto on the server' },
    )
    // Three signatories, an Arabic name in Latin script among them.
    for (const [organisation, signerName, signerFunction] of [
      [organisations[0]!, 'Ayşe Yılmaz', '# Wethouder'],
      [organisations[1]!, 'Łukasz Ørsted', '# Wethouder'],
      [organisations[2]!, 'ʿAbd al-Raḥmān Ṣāliḥ', `Directeur Publieke Gezondheid ${HOSTILE_HTML}`],
    ] as const) {
      const link = await boardApi<{ link: string }>(
        url,
        `/api/boards/${board.id}/signing-links/${slugFor(organisation, new Set())}`,
        board.tokens.facilitator,
        { method: 'POST' },
      )
      const signed = await boardApi(
        url,
        `/api/boards/${board.id}/signatures`,
        tokenOfLink(link.body.link),
        {
          method: 'POST',
          body: { signerName, signerFunction, hash },
        },
      )
      expect(signed.status).toBe(201)
    }
    const title = `Samen voor Ĳsselstein ${HOSTILE_HTML}`
    const get = async (extension: string) =>
      (
        await download(
          url,
          `/api/boards/${board.id}/manifesto.${extension}?token=${board.tokens.viewer}`,
        )
      ).bytes

    const pdf = await get('pdf')
    await pdfPages(pdf, 'manifesto-scripts-pdf')
    const text = await pdfText(pdf)
    for (const name of [
      'Ayşe Yılmaz',
      'Ĳsselstein',
      'Łukasz Ørsted',
      // Wraps in its table cell; whole in the structure tree below.
      'ʿAbd al-Raḥmān',
      'Ṣāliḥ',
      HOSTILE_HTML,
    ])
      expect(text).toContain(name)
    expect((await pdfFonts(pdf)).filter((font) => !font.embedded)).toEqual([])
    const info = await pdfInfo(pdf)
    expect(info).toMatchObject({ Tagged: 'yes', Title: title, Author: organisations.join(', ') })
    // A short manifesto with four organisations is one A4 page: no page of its own for a
    // closing line (the export date once spilled onto an otherwise empty second page).
    expect(info.Pages).toBe('1')
    expect(text).toMatch(/Geëxporteerd op: \d+ \w+ \d{4}/)
    // The XMP metadata is valid XML whatever the title holds (pdfkit writes it unescaped).
    expect(await pdfMetadata(pdf)).toContain(
      `<rdf:li xml:lang="x-default">Samen voor Ĳsselstein &lt;img src=x onerror=alert(1)&gt;</rdf:li>`,
    )
    expect(await pdfMetadata(pdf)).toContain('<pdfuaid:part>1</pdfuaid:part>')
    // The catalog names the language and asks viewers to show the title, not the file name.
    const raw = pdf.toString('latin1')
    expect(raw).toContain('/Lang (nl-NL)')
    expect(raw).toMatch(/\/DisplayDocTitle true/)
    expect(raw).toMatch(/\/Marked true/)
    const structure = await pdfStructure(pdf)
    expect(structure.match(/ H1 /g)).toHaveLength(1)
    expect(structure).toMatch(/TH <[^>]+>:[^"]*"Organisatie"/)
    expect(structure).toMatch(/TD <[^>]+>:[^"]*"Łukasz Ørsted"/)
    expect(structure).toMatch(/TD <[^>]+>:[^"]*"ʿAbd al-Raḥmān Ṣāliḥ"/)
    expect(await pdfBookmarks(pdf)).toEqual([
      title,
      'Preambule',
      'Gedeelde waarden',
      'Ambities 2040',
      'Eerste stappen deze collegeperiode',
      'Hoe we samenwerken',
      'Ondertekening',
    ])

    const html = await docxHtml(await get('docx'))
    expect(html.match(/<h1>/g)).toHaveLength(1)
    expect(html).toContain('<h1>Samen voor Ĳsselstein &lt;img src=x onerror=alert(1)&gt;</h1>')
    expect(html).toContain('<h2>Preambule</h2>')
    expect(html).toMatch(/<table><thead><tr><th><p><strong>Organisatie<\/strong><\/p><\/th>/)
    expect(html).toContain('<td><p>Łukasz Ørsted</p></td><td><p># Wethouder</p></td>')
    expect(html).not.toMatch(/<img/)

    const md = (await get('md')).toString('utf8')
    const rendered = micromark(md)
    expect(rendered.match(/<h1>/g)).toHaveLength(1)
    // Under the title: the board and when this was exported.
    expect(rendered).toMatch(
      /<\/h1>\n<p>Bord: Visie 2040 Ĳsselstein — samen &lt;img src=x onerror=alert\(1\)&gt; · Geëxporteerd op: \d+ \w+ \d{4}/,
    )
    expect(rendered).not.toContain('<img')
    expect(rendered).not.toContain('href=')
    expect(rendered).toContain('<li>Functie: # Wethouder</li>')
    expect(rendered).toContain('[klik](javascript:alert(1))')
    expect(rendered).toContain('<h3>Zorggroep &lt;img src=x onerror=alert(1)&gt;</h3>')
  })

  it('answers 401 without a token and for a wrong one', async () => {
    const { url } = await startTestServer(cleanup)
    const board = await createBoard(url)
    for (const extension of ['md', 'docx', 'pdf']) {
      expect((await fetch(`${url}/api/boards/${board.id}/manifesto.${extension}`)).status).toBe(401)
      expect(
        (
          await fetch(
            `${url}/api/boards/${board.id}/manifesto.${extension}?token=${'A'.repeat(32)}`,
          )
        ).status,
      ).toBe(401)
    }
  })
})
