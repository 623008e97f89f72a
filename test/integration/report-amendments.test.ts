import { type Amendment, readAmendments } from '@stip/board/doc-model'
import { micromark } from 'micromark'
import { describe, expect, it } from 'vitest'
import { boardWithManifesto } from './helpers/board-with-manifesto'
import { useCleanup } from './helpers/cleanup'
import { docxText, pdfPages, pdfText } from './helpers/documents'
import { boardApi } from './helpers/manifesto'
import { waitFor } from './helpers/wait-for'

const HOSTILE_LINK = '[klik](javascript:alert(1))'
const HOSTILE_FORMULA = '=HYPERLINK("http://evil.example","klik")'

async function download(url: string, path: string): Promise<Buffer> {
  const response = await fetch(`${url}${path}`)
  expect(response.status).toBe(200)
  return Buffer.from(await response.arrayBuffer())
}

/** Whitespace folded, so a line wrapped by pdftotext or Word reads as one. */
const flat = (text: string) => text.replace(/\s+/g, ' ')

/**
 * Three organisations and three amendments: one accepted after a supporting and an objecting
 * answer, one rejected with the chair's note, one still open; the reasons carry hostile text.
 */
async function boardWithAmendments(cleanup: ReturnType<typeof useCleanup>) {
  const { url, board, reader } = await boardWithManifesto(cleanup)
  const post = async (path: string, token: string, body: unknown) => {
    const answer = await boardApi<{ amendment: Amendment }>(
      url,
      `/api/boards/${board.id}/amendments${path}`,
      token,
      { method: 'POST', body },
    )
    expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300)
    return answer.body.amendment
  }
  const propose = (
    organisation: string,
    name: string,
    passage: object,
    replacement: string,
    reason: string,
  ) => post('', board.tokens.editor, { organisation, name, passage, replacement, reason })
  const answer = (id: string, organisation: string, name: string, stance: string, reason: string) =>
    post(`/${id}/responses`, board.tokens.editor, { organisation, name, stance, reason })
  const decide = (id: string, decision: string, note: string) =>
    post(`/${id}/decision`, board.tokens.facilitator, { decision, note })

  const first = await propose(
    'Gemeente Zeist',
    'Wim',
    { path: [3], from: 4, to: 11, text: 'geloven' },
    'weten',
    `Geloven is te vrijblijvend ${HOSTILE_LINK}`,
  )
  await answer(first.id, 'GGD', 'Aïsha', 'support', 'Krachtiger')
  await answer(first.id, 'Woonstichting', 'Joost', 'object', 'Te stellig')
  await decide(first.id, 'accepted', 'Akkoord in de stuurgroep')
  await propose(
    'GGD',
    'Aïsha',
    { path: [7], from: 25, to: 31, text: 'alleen' },
    'zonder steun',
    HOSTILE_FORMULA,
  )
  const third = await propose(
    'Woonstichting',
    'Joost',
    // After the first was accepted: "Wij weten dat bewoners…"
    { path: [3], from: 14, to: 22, text: 'bewoners' },
    'inwoners',
    'Inwoners is breder',
  )
  await decide(third.id, 'rejected', 'Bewoners is het woord van de wijk')
  await waitFor(() => readAmendments(reader.doc).length === 3, { what: 'three amendments' })
  return { url, board }
}

describe('amendments in the session report', () => {
  const cleanup = useCleanup()

  it('M7: the report has a chapter Amendementen per section, with answers, decisions and the open one, in md, pdf, docx and csv', async () => {
    const { url, board } = await boardWithAmendments(cleanup)
    const report = (format: string, lang = 'nl') =>
      download(
        url,
        `/api/boards/${board.id}/report.${format}?lang=${lang}&token=${board.tokens.viewer}`,
      )

    const md = (await report('md')).toString('utf8')
    const chapter = md.split('\n## Amendementen\n')[1]!
    expect(chapter).toBeDefined()
    // The chapter lists the Preambule's two amendments, then the Ambities' one.
    const headings = [...chapter.matchAll(/^#{3,4} .*$/gm)].map((match) => match[0])
    expect(headings).toEqual([
      '### Preambule',
      '#### Amendement 1 – Gemeente Zeist – aangenomen',
      '#### Amendement 3 – Woonstichting – verworpen',
      '### Ambities 2040',
      '#### Amendement 2 – GGD – open, nog niet besloten',
    ])
    const first = chapter.split('#### Amendement 1')[1]!.split('\n####')[0]!
    expect(first).toMatch(/- \*\*Voorgesteld door:\*\* Gemeente Zeist \(Wim\), \d+ \p{L}+ \d{4}/u)
    expect(first).toContain('- **Passage:** “geloven” wordt **“weten”**')
    expect(first).toContain('- **Reactie:** GGD _steunt_ (Aïsha): Krachtiger')
    expect(first).toContain('- **Reactie:** Woonstichting _maakt bezwaar_ (Joost): Te stellig')
    expect(first).toMatch(
      /- \*\*Besluit:\*\* aangenomen, .* – toelichting van de voorzitter: Akkoord in de stuurgroep/,
    )
    const open = chapter.split('#### Amendement 2')[1]!
    expect(open).toContain('_Nog geen reacties van de andere organisaties._')
    expect(open).toContain('- **Besluit:** _De voorzitter heeft nog niet besloten._')
    expect(chapter).toContain('toelichting van de voorzitter: Bewoners is het woord van de wijk')
    // What people typed stays text: no link from the hostile reason.
    const html = micromark(md)
    expect(html).not.toContain('href=')
    expect(html).toContain('Geloven is te vrijblijvend [klik](javascript:alert(1))')

    const english = (await report('md', 'en')).toString('utf8')
    expect(english).toContain('\n## Amendments\n')
    expect(english).toContain('#### Amendment 2 – GGD – open, not decided yet')
    expect(english).toContain('- **Answer:** Woonstichting _objects_ (Joost): Te stellig')

    const pdfBytes = await report('pdf')
    const pdf = flat(await pdfText(pdfBytes, false))
    await pdfPages(pdfBytes, 'report-amendments-pdf', 60)
    expect(pdf).toContain('Amendementen')
    expect(pdf).toContain('Amendement 1 – Gemeente Zeist – aangenomen')
    expect(pdf).toContain('Passage: “geloven” wordt “weten”')
    expect(pdf).toContain('Reactie: Woonstichting maakt bezwaar (Joost): Te stellig')
    expect(pdf).toContain('Amendement 2 – GGD – open, nog niet besloten')
    expect(pdf).toContain(`Toelichting: ${HOSTILE_FORMULA}`)

    const docx = flat(await docxText(await report('docx')))
    expect(docx).toContain('Amendement 3 – Woonstichting – verworpen')
    expect(docx).toContain('Reactie: GGD steunt (Aïsha): Krachtiger')
    expect(docx).toContain('De voorzitter heeft nog niet besloten.')

    const csv = (await report('csv')).toString('utf8').split('\r\n')
    const rows = csv.filter((line) => line.startsWith('Amendementen;'))
    expect(rows).toEqual([
      'Amendementen;Preambule;Gemeente Zeist;Wim;1. “geloven” wordt “weten” (aangenomen – toelichting van de voorzitter: Akkoord in de stuurgroep). Toelichting: Geloven is te vrijblijvend [klik](javascript:alert(1));',
      'Amendementen;Preambule;GGD;Aïsha;1. steunt: Krachtiger;',
      'Amendementen;Preambule;Woonstichting;Joost;1. maakt bezwaar: Te stellig;',
      `Amendementen;Ambities 2040;GGD;Aïsha;"2. “alleen” wordt “zonder steun” (open, nog niet besloten). Toelichting: ${HOSTILE_FORMULA.replace(/"/g, '""')}";`,
      'Amendementen;Preambule;Woonstichting;Joost;3. “bewoners” wordt “inwoners” (verworpen – toelichting van de voorzitter: Bewoners is het woord van de wijk). Toelichting: Inwoners is breder;',
    ])
  })
})
