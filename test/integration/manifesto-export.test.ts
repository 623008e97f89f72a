import { execFile, spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { createBoard } from './helpers/boards'
import { useCleanup } from './helpers/cleanup'
import { connectClient } from './helpers/clients'
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

// mammoth is the server package's dev dependency (the DOCX reader); load it from there.
const requireFromServer = createRequire(new URL('../../server/package.json', import.meta.url))
const mammoth = requireFromServer('mammoth') as {
  extractRawText(input: { buffer: Buffer }): Promise<{ value: string }>
}
const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url).pathname

/** pdftotext (poppler-utils) reading the PDF from stdin. */
function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('pdftotext', ['-layout', '-', '-'])
    const out: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(out).toString('utf8'))
        : reject(new Error(`pdftotext ${code}`)),
    )
    child.stdin.end(pdf)
  })
}

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
    const { value: text } = await mammoth.extractRawText({ buffer: bytes })
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
      'Renée Brouwer-Özdemir',
      'Burgemeester',
      'Joël van Rijswijk',
      'Woningcorporatie De Kroon',
      'Nog niet ondertekend',
      'Pagina 1 van',
      hash,
    ]) {
      expect(text).toContain(expected)
    }
    // Rendered for a human to look at: test-results/screenshots/manifesto-pdf-1.png and on.
    mkdirSync(SCREENSHOTS, { recursive: true })
    const file = `${SCREENSHOTS}manifesto.pdf`
    await import('node:fs/promises').then((fs) => fs.writeFile(file, bytes))
    await promisify(execFile)('pdftoppm', ['-png', '-r', '60', file, `${SCREENSHOTS}manifesto-pdf`])
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
