import { mkdirSync, writeFileSync } from 'node:fs'
import { getFacilitator } from '@stip/board/doc-layout'
import { createKeyValueContainer } from '@stip/board/record-container'
import { micromark } from 'micromark'
import { describe, expect, it } from 'vitest'
import { slugFor } from '../../server/src/boards/create-board-body'
import { addNote, laneRect, noteRecord, recordsOf } from './helpers/board-notes'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { connectClient } from './helpers/clients'
import {
  docxHtml,
  docxText,
  pdfAltTexts,
  pdfBookmarks,
  pdfFonts,
  pdfInfo,
  pdfPages,
  pdfStructure,
  pdfText,
  SCREENSHOTS,
} from './helpers/documents'
import { boardRequest } from './helpers/http'
import { boardApi, manifestoHashOf, tokenOfLink, writeManifesto } from './helpers/manifesto'
import { startTestServer } from './helpers/test-server'
import { waitFor } from './helpers/wait-for'

const HOSTILE_HTML = '<img src=x onerror=alert(1)>'
const HOSTILE_FORMULA = '=HYPERLINK("http://evil.example","klik")'
const HOSTILE_LINK = '[klik](javascript:alert(1))'
const ORGANISATIONS = ['Gemeente Ĳsselstein', 'Stichting Łukasz Ørsted', HOSTILE_FORMULA]

async function download(url: string, path: string) {
  const response = await fetch(`${url}${path}`)
  return { response, bytes: Buffer.from(await response.arrayBuffer()) }
}

/** Splits one CSV line on `separator` outside quotes (enough for the report's lines). */
function csvFields(line: string, separator: string): string[] {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"'
      i++
    } else if (c === '"') quoted = !quoted
    else if (c === separator && !quoted) {
      fields.push(field)
      field = ''
    } else field += c
  }
  return [...fields, field]
}

/**
 * A hebben-zaaien session whose people have names in several scripts, some of them hostile:
 * notes, a revealed vote, an agenda half run and a manifesto signed by one organisation.
 */
async function sessionBoard(cleanup: ReturnType<typeof useCleanup>) {
  const { url, wsBase } = await startTestServer(cleanup)
  const board = await createBoard(url, {
    title: `Visie 2040 Ĳsselstein ${HOSTILE_HTML}`,
    template: 'hebben-zaaien',
    organisations: ORGANISATIONS.map((name) => ({ name })),
  })
  const facilitator = await connectClient(cleanup, wsBase, board.id, {
    token: board.tokens.facilitator,
  })
  const editor = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.editor })
  const hebben = laneRect(editor.doc, 'hebben')
  const zaaien = laneRect(editor.doc, 'zaaien')
  const ayse = { authorId: 'u-ayse', authorName: 'Ayşe Yılmaz', organisation: ORGANISATIONS[0] }
  const lukasz = {
    authorId: 'u-lukasz',
    authorName: 'Łukasz Ørsted',
    organisation: ORGANISATIONS[1],
  }
  const hostile = { authorId: 'u-x', authorName: '# heading', organisation: ORGANISATIONS[2] }
  // The two notes voted on hang in the werkvorm's frame, as the canvas parents them.
  const frame = [...recordsOf(editor.doc).values()].find((r) => r.meta?.stipPart === 'frame')!
  const inFrame = (at: { x: number; y: number }) => ({ x: at.x - frame.x, y: at.y - frame.y })
  const wijkteam = addNote(
    editor,
    inFrame({ x: hebben.x + 40, y: hebben.y + 200 }),
    'Wijkteam kent de gezinnen',
    ayse,
    frame.id,
  )
  const html = addNote(
    editor,
    inFrame({ x: zaaien.x + 40, y: zaaien.y + 200 }),
    HOSTILE_HTML,
    lukasz,
    frame.id,
  )
  addNote(editor, { x: zaaien.x + 280, y: zaaien.y + 200 }, HOSTILE_LINK, hostile)
  addNote(editor, { x: hebben.x + 280, y: hebben.y + 200 }, HOSTILE_FORMULA, ayse)
  // A control character a modified client could write: XML (Word) does not allow it.
  addNote(editor, { x: hebben.x + 40, y: hebben.y + 450 }, 'Bel\u0007 de wijkagent', lukasz)
  facilitator.doc.transact(() => {
    const state = getFacilitator(facilitator.doc)
    state.set('vote', {
      id: 'v1',
      frameId: frame.id,
      dotsPerPerson: 3,
      phase: 'open',
      startedAt: 1,
    })
    state.set('agenda', {
      steps: [
        { id: 's1', title: 'Welkom en kennismaking', minutes: 10 },
        { id: 's2', title: 'Hebben en zaaien', minutes: 30 },
        { id: 's3', title: 'Afspraken', minutes: 15 },
      ],
      currentStepId: 's2',
    })
  })
  // Dots go to the server, one ballot per person; the facilitator then reveals the counts.
  const ballot = (participant: string, organisation: string, dots: string[]) =>
    boardRequest(url, `/api/boards/${board.id}/votes/v1/ballot`, {
      method: 'PUT',
      token: board.tokens.editor,
      participant,
      body: { organisation, dots },
    })
  await waitFor(
    async () =>
      (await ballot('ayse-secret-0123456789abcdef', ORGANISATIONS[0]!, [wijkteam, wijkteam, html]))
        .status === 200,
    { intervalMs: 100, what: 'the vote to open on the server' },
  )
  expect(
    (await ballot('lukasz-secret-0123456789abcdef', ORGANISATIONS[1]!, [wijkteam])).status,
  ).toBe(200)
  const revealed = await boardRequest(url, `/api/boards/${board.id}/votes/v1/phase`, {
    method: 'POST',
    token: board.tokens.facilitator,
    body: { phase: 'revealed' },
  })
  expect(revealed.status).toBe(200)
  writeManifesto(editor.doc, 'Wij geloven in de wijk.', 'Niemand staat er alleen voor.')
  const hash = await manifestoHashOf(editor.doc)
  await waitFor(
    async () => {
      const md = await download(
        url,
        `/api/boards/${board.id}/report.md?token=${board.tokens.viewer}`,
      )
      const text = md.bytes.toString('utf8')
      return text.includes('Wijkteam') && text.includes('Afspraken') && text.includes(hash)
    },
    { intervalMs: 100, what: 'the session to reach the server' },
  )
  const link = await boardApi<{ link: string }>(
    url,
    `/api/boards/${board.id}/signing-links/${slugFor(ORGANISATIONS[0]!, new Set())}`,
    board.tokens.facilitator,
    { method: 'POST' },
  )
  const signed = await boardApi(
    url,
    `/api/boards/${board.id}/signatures`,
    tokenOfLink(link.body.link),
    {
      method: 'POST',
      body: {
        signerName: 'Ayşe Yılmaz',
        signerFunction: 'Burgemeester',
        hash: await manifestoHashOf(editor.doc),
      },
    },
  )
  expect(signed.status).toBe(201)
  // Two comment threads: one on a note, resolved, with a hostile reply; one on the manifesto.
  const comment = (path: string, token: string, body: unknown) =>
    boardApi<{ thread: { id: string } }>(url, `/api/boards/${board.id}${path}`, token, {
      method: 'POST',
      body,
    })
  const onNote = await comment('/comments', tokenOfLink(link.body.link), {
    target: { kind: 'note', shapeId: wijkteam },
    text: 'Welk wijkteam bedoelen we?',
    name: 'Ayşe Yılmaz',
  })
  expect(onNote.status).toBe(201)
  const noteThread = onNote.body.thread.id
  const replied = await comment(`/comments/${noteThread}/messages`, board.tokens.editor, {
    text: HOSTILE_HTML,
    name: 'Łukasz Ørsted',
    organisation: ORGANISATIONS[1],
  })
  expect(replied.status).toBe(200)
  await comment(`/comments/${noteThread}/status`, board.tokens.editor, {
    status: 'resolved',
    name: 'Łukasz Ørsted',
    organisation: ORGANISATIONS[1],
  })
  const onManifesto = await comment('/comments', board.tokens.facilitator, {
    target: { kind: 'manifesto', passage: { path: [3], from: 4, to: 11, text: 'geloven' } },
    text: 'Sterker: "weten".',
    name: 'Fleur',
  })
  expect(onManifesto.status).toBe(201)
  return { url, board }
}

describe('the session report as a document', () => {
  const cleanup = useCleanup()

  it('is a tagged PDF with embedded fonts, every name readable, the board as a figure, votes, agenda and signatures', async () => {
    const { url, board } = await sessionBoard(cleanup)
    const { response, bytes } = await download(
      url,
      `/api/boards/${board.id}/report.pdf?token=${board.tokens.viewer}`,
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="verslag-visie-2040-ijsselstein-img-src-x-onerror-alert-1.pdf"',
    )
    const text = await pdfText(bytes)
    for (const name of ['Ayşe Yılmaz', 'Ĳsselstein', 'Łukasz Ørsted', HOSTILE_HTML, HOSTILE_LINK])
      expect(text).toContain(name)
    // A control character has no glyph: left out rather than printed as an empty box.
    expect(text).toContain('Bel de wijkagent — Łukasz Ørsted')
    const fonts = await pdfFonts(bytes)
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.filter((font) => !font.embedded)).toEqual([])
    const info = await pdfInfo(bytes)
    expect(info.Tagged).toBe('yes')
    expect(info.Title).toBe(`Gespreksverslag: Visie 2040 Ĳsselstein ${HOSTILE_HTML}`)
    expect(info.Author).toBe(ORGANISATIONS.join(', '))
    const structure = await pdfStructure(bytes)
    // The reading order a screen reader walks: the title, the picture with its description,
    // the notes as lists, the votes and signatures as tables with header cells.
    expect(structure).toMatch(/H1 \(block\)\n\s+"Gespreksverslag: Visie 2040 Ĳsselstein/)
    expect(structure).toMatch(/Figure:\n\s+\/Placement \/Block\n\s+\/BBox \[/)
    expect(pdfAltTexts(bytes)).toEqual([
      'Overzicht van het bord: 1 werkvorm (Wat heb je al / wat moet je zaaien) met 5 briefjes van 3 organisaties, elk in de kleur van de organisatie. Alle briefjes staan hieronder uitgeschreven per werkvorm en onderdeel.',
    ])
    expect(structure).toMatch(/LBody \(block\)\n\s+"Wijkteam kent de gezinnen — Ayşe Yılmaz"/)
    expect(structure).toMatch(/TH <[^>]+>:[\s\S]*?"Briefje"/)
    expect(structure).toMatch(/TD <[^>]+>:[\s\S]*?"Wijkteam kent de gezinnen"[\s\S]*?"3"/)
    expect(structure).toMatch(/"Hebben en zaaien \(30 min\) — huidige stap"/)
    expect(structure).toMatch(
      /"Ayşe Yılmaz"[\s\S]*?"Burgemeester"[\s\S]*?"Geldig voor de huidige tekst"/,
    )
    const bookmarks = await pdfBookmarks(bytes)
    expect(bookmarks).toEqual([
      `Gespreksverslag: Visie 2040 Ĳsselstein ${HOSTILE_HTML}`,
      'Het bord',
      'Wat heb je al / wat moet je zaaien',
      'De opgave',
      'Wat hebben we al',
      'Wat moeten we zaaien',
      'Stemresultaten',
      'Wat heb je al / wat moet je zaaien',
      'Agenda',
      'Voortgang',
      'Manifest',
      'Ondertekeningen',
      'Opmerkingen',
      'Open (1)',
      'Afgehandeld (1)',
    ])
    // The comments: open first, each with its target, who wrote what, and who resolved it.
    const flat = text.replace(/\s+/g, ' ')
    expect(flat).toMatch(
      /Manifest, Preambule: “geloven” .*Fleur \(Facilitator\), .*Sterker: "weten"\./,
    )
    expect(flat).toMatch(
      /Briefje: “Wijkteam kent de gezinnen” .*Ayşe Yılmaz \(Gemeente Ĳsselstein\), .*Welk wijkteam bedoelen we\?/,
    )
    expect(flat).toContain(`Łukasz Ørsted (Stichting Łukasz Ørsted), `)
    expect(flat).toMatch(/Afgehandeld door Łukasz Ørsted \(Stichting Łukasz Ørsted\), \d+ december/)
    expect(flat.indexOf('Open (1)')).toBeLessThan(flat.indexOf('Afgehandeld (1)'))
    await pdfPages(bytes, 'report-pdf')

    const english = await download(
      url,
      `/api/boards/${board.id}/report.pdf?lang=en&token=${board.tokens.viewer}`,
    )
    expect((await pdfInfo(english.bytes)).Title).toBe(
      `Session report: Visie 2040 Ĳsselstein ${HOSTILE_HTML}`,
    )
    expect(await pdfStructure(english.bytes)).toContain('"Vote results"')
    expect(await pdfBookmarks(english.bytes)).toEqual(
      expect.arrayContaining(['Comments', 'Open (1)', 'Resolved (1)']),
    )
  })

  it('is a Word document with heading styles, the picture with alt text and tables with a header row', async () => {
    const { url, board } = await sessionBoard(cleanup)
    const { response, bytes } = await download(
      url,
      `/api/boards/${board.id}/report.docx?token=${board.tokens.editor}`,
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('wordprocessingml')
    // Kept for a person to open (or convert with LibreOffice and look at).
    mkdirSync(SCREENSHOTS, { recursive: true })
    writeFileSync(`${SCREENSHOTS}report.docx`, bytes)
    const html = await docxHtml(bytes)
    expect(html.match(/<h1>/g)).toHaveLength(1)
    expect(html).toContain(
      '<h1>Gespreksverslag: Visie 2040 Ĳsselstein &lt;img src=x onerror=alert(1)&gt;</h1>',
    )
    expect(html).toContain('<h2>Stemresultaten</h2>')
    expect(html).toContain('<h3>Wat hebben we al</h3>')
    expect(html).toMatch(
      /<img alt="Overzicht van het bord: 1 werkvorm[^"]*" src="data:image\/png;base64,/,
    )
    expect(html).toMatch(/<table><thead><tr><th><p><strong>Briefje<\/strong><\/p><\/th>/)
    expect(html).toMatch(/<td><p>Ayşe Yılmaz<\/p><\/td><td><p>Burgemeester<\/p><\/td>/)
    expect(html).toContain('<li>Wijkteam kent de gezinnen — <em>Ayşe Yılmaz</em></li>')
    expect(html).toContain('<li>Bel de wijkagent — <em>Łukasz Ørsted</em></li>')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; — <em>Łukasz Ørsted</em>')
    // The hostile strings are text: no element or link of their own.
    expect(html).not.toMatch(/<img src="?x/)
    expect(html).not.toContain('href="javascript')
    expect(html).toContain('<h2>Opmerkingen</h2>')
    expect(html).toContain('<h4>Briefje: “Wijkteam kent de gezinnen”</h4>')
    expect(html).toContain('<li><strong>Łukasz Ørsted (Stichting Łukasz Ørsted)</strong>, ')
    expect(html).toMatch(/: &lt;img src=x onerror=alert\(1\)&gt;<\/li>/)
    expect(html).toContain('<h4>Manifest, Preambule: “geloven”</h4>')
  })

  it('keeps hostile text inert in Markdown and opens in Dutch Excel with its columns intact', async () => {
    const { url, board } = await sessionBoard(cleanup)
    const md = (
      await download(url, `/api/boards/${board.id}/report.md?token=${board.tokens.viewer}`)
    ).bytes.toString('utf8')
    const html = micromark(md)
    expect(html.match(/<h1>/g)).toHaveLength(1)
    expect(html).not.toContain('<img')
    expect(html).not.toContain('href=')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; — <em>Łukasz Ørsted</em>')
    expect(html).toContain('[klik](javascript:alert(1)) — <em># heading</em>')
    expect(html).toContain('<h4>=HYPERLINK(&quot;http://evil.example&quot;,&quot;klik&quot;)</h4>')
    expect(html).toContain('<h2>Opmerkingen</h2>')
    expect(html).toMatch(
      /<strong>Łukasz Ørsted \(Stichting Łukasz Ørsted\)<\/strong>, [^<]*: &lt;img src=x onerror=alert\(1\)&gt;<\/li>/,
    )

    const csv = await download(
      url,
      `/api/boards/${board.id}/report.csv?token=${board.tokens.viewer}`,
    )
    expect(csv.response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean)
    expect(lines[0]).toBe('werkvorm;onderdeel;organisatie;auteur;tekst;stand_procent')
    for (const line of lines) expect(csvFields(line, ';')).toHaveLength(6)
    const formula = lines
      .map((line) => csvFields(line, ';'))
      .find((f) => f[4]!.includes('HYPERLINK'))
    expect(formula).toEqual([
      'Wat heb je al / wat moet je zaaien',
      'Wat hebben we al',
      'Gemeente Ĳsselstein',
      'Ayşe Yılmaz',
      `'${HOSTILE_FORMULA}`,
      '',
    ])
    const commentRow = lines.map((line) => csvFields(line, ';')).find((f) => f[0] === 'Opmerkingen')
    expect(commentRow).toEqual([
      'Opmerkingen',
      'Manifest, Preambule: “geloven” (open)',
      'Facilitator',
      'Fleur',
      'Sterker: "weten".',
      '',
    ])
    const organisationCell = lines
      .map((line) => csvFields(line, ';'))
      .find((f) => f[3] === '# heading')
    expect(organisationCell?.[2]).toBe(`'${HOSTILE_FORMULA}`)
    const english = await download(
      url,
      `/api/boards/${board.id}/report.csv?lang=en&token=${board.tokens.viewer}`,
    )
    expect(english.bytes.toString('utf8').split('\r\n')[0]).toBe(
      '\uFEFFtemplate,section,organisation,author,text,position_percent',
    )
  })

  it('exports a board of 2,000 notes from six organisations in seconds, in every format', async () => {
    const { url, wsBase } = await startTestServer(cleanup)
    const organisations = [
      'Gemeente Ĳsselstein',
      'GGD Utrecht',
      'Woningcorporatie Łukasz',
      'Welzijn Ørsted',
      'Politie Midden',
      'Zorggroep Yılmaz',
    ]
    const board = await createBoard(url, {
      title: 'Grote sessie',
      template: 'hebben-zaaien',
      organisations: organisations.map((name) => ({ name })),
    })
    const editor = await connectClient(cleanup, wsBase, board.id, { token: board.tokens.editor })
    const lanes = ['opgave', 'hebben', 'zaaien'].map((section) => laneRect(editor.doc, section))
    const records = Array.from({ length: 2000 }, (_, n) => {
      const lane = lanes[n % lanes.length]!
      // A busy wall: notes overlap within their lane, as they do on a full board.
      const perRow = Math.max(1, Math.floor((lane.w - 220) / 60))
      const rows = Math.max(1, Math.floor((lane.h - 340) / 60))
      const slot = Math.floor(n / lanes.length)
      return noteRecord(
        {
          x: lane.x + 10 + (slot % perRow) * 60,
          y: lane.y + 120 + (Math.floor(slot / perRow) % rows) * 60,
        },
        `Idee ${n + 1}: samen met bewoners de wijk sterker maken, stap ${n % 7}`,
        {
          authorId: `u-${n % 40}`,
          authorName: `Deelnemer ${n % 40} Ayşe`,
          organisation: organisations[n % organisations.length],
        },
      )
    })
    // In batches, as people add notes over a session (and under the largest frame size).
    for (let start = 0; start < records.length; start += 400)
      editor.doc.transact(() => {
        const log = createKeyValueContainer(editor.doc)
        for (const record of records.slice(start, start + 400)) log.set(record.id, record)
      })
    await waitFor(
      async () => {
        const md = await download(
          url,
          `/api/boards/${board.id}/report.md?token=${board.tokens.viewer}`,
        )
        return md.bytes.toString('utf8').includes('2.000 briefjes')
      },
      { intervalMs: 200, timeoutMs: 20_000, what: 'all 2,000 notes on the server' },
    )
    const figures: string[] = []
    for (const extension of ['md', 'csv', 'pdf', 'docx']) {
      const started = performance.now()
      const { response, bytes } = await download(
        url,
        `/api/boards/${board.id}/report.${extension}?token=${board.tokens.viewer}`,
      )
      const seconds = (performance.now() - started) / 1000
      expect(response.status).toBe(200)
      figures.push(`${extension}: ${seconds.toFixed(2)} s, ${(bytes.length / 1024).toFixed(0)} KiB`)
      // Seconds, not minutes, on a shared two-core machine.
      // The room for a loaded CI machine; typical figures are in docs/documents.md.
      expect(seconds).toBeLessThan(30)
      if (extension === 'pdf') {
        expect(await pdfText(bytes)).toContain('Idee 2000: samen met bewoners')
        expect((await pdfInfo(bytes)).Tagged).toBe('yes')
        await pdfPages(bytes, 'report-large-pdf', 60, 2)
      }
      if (extension === 'docx')
        expect(await docxText(bytes)).toContain('Idee 2000: samen met bewoners')
    }
    // The figures for docs/documents.md.
    mkdirSync(SCREENSHOTS, { recursive: true })
    writeFileSync(`${SCREENSHOTS}../documents-2000-notes.txt`, `${figures.join('\n')}\n`)
  }, 180_000)

  it('answers 401 without a token and 400 for an unknown language, for the documents too', async () => {
    const { url } = await startTestServer(cleanup)
    const board = await createBoard(url, { title: 'Leeg', template: 'rondetafel' })
    for (const extension of ['pdf', 'docx']) {
      // An empty board still makes a document.
      const empty = await fetch(
        `${url}/api/boards/${board.id}/report.${extension}?token=${board.tokens.viewer}`,
      )
      expect(empty.status).toBe(200)
      expect((await empty.arrayBuffer()).byteLength).toBeGreaterThan(1000)
      expect((await fetch(`${url}/api/boards/${board.id}/report.${extension}`)).status).toBe(401)
      const wrong = await fetch(
        `${url}/api/boards/${board.id}/report.${extension}?lang=fr&token=${board.tokens.viewer}`,
      )
      expect(wrong.status).toBe(400)
      expect(await wrong.json()).toEqual({ error: 'lang must be nl or en' })
    }
  })
})
