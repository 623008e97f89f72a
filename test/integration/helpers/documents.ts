import { execFile, spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

/*
 * Reading exported documents back the way people and their tools do: poppler-utils for PDFs
 * (text, fonts, document info, the structure tree a screen reader walks), mammoth for Word,
 * micromark for Markdown. poppler-utils comes from scripts/ensure-test-tools.sh.
 */

// mammoth is the server package's dev dependency (the DOCX reader); load it from there.
const requireFromServer = createRequire(new URL('../../../server/package.json', import.meta.url))
export const mammoth = requireFromServer('mammoth') as {
  extractRawText(input: { buffer: Buffer }): Promise<{ value: string }>
  convertToHtml(input: { buffer: Buffer }): Promise<{ value: string; messages: unknown[] }>
}

export const SCREENSHOTS = new URL('../../../test-results/screenshots/', import.meta.url).pathname

const run = promisify(execFile)

/** Runs a poppler tool on the PDF (written to a temporary file) and returns its stdout. */
async function poppler(tool: string, args: string[], pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'stip-pdf-'))
  try {
    const file = join(dir, 'document.pdf')
    await writeFile(file, pdf)
    const { stdout } = await run(tool, [...args, file], { maxBuffer: 64 * 1024 * 1024 })
    return stdout
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** pdftotext (poppler-utils) reading the PDF from stdin. */
export function pdfText(pdf: Buffer, layout = true): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('pdftotext', [...(layout ? ['-layout'] : []), '-', '-'])
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

/** pdfinfo's fields: Title, Author, Tagged, Pages, … */
export async function pdfInfo(pdf: Buffer): Promise<Record<string, string>> {
  const info: Record<string, string> = {}
  for (const line of (await poppler('pdfinfo', [], pdf)).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line)
    if (match) info[match[1]!.trim()] = match[2]!.trim()
  }
  return info
}

/** pdffonts' table: one row per font with its name, type and whether it is embedded. */
export async function pdfFonts(pdf: Buffer): Promise<Array<{ name: string; embedded: boolean }>> {
  const lines = (await poppler('pdffonts', [], pdf)).split('\n').slice(2).filter(Boolean)
  // Columns: name type encoding emb sub uni object ID; name and type may hold spaces, the
  // last five columns never do.
  return lines.map((line) => {
    const parts = line.trim().split(/\s+/)
    return { name: parts[0]!, embedded: parts.at(-5) === 'yes' }
  })
}

/** The structure tree with each element's text, as pdfinfo -struct-text prints it. */
export function pdfStructure(pdf: Buffer): Promise<string> {
  return poppler('pdfinfo', ['-struct-text'], pdf)
}

/** The XMP metadata stream. */
export function pdfMetadata(pdf: Buffer): Promise<string> {
  return poppler('pdfinfo', ['-meta'], pdf)
}

/** The bookmarks (outline), in order, as pdftohtml -xml lists them. */
export async function pdfBookmarks(pdf: Buffer): Promise<string[]> {
  const xml = await poppler('pdftohtml', ['-xml', '-stdout', '-i', '-q'], pdf)
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
  return [...xml.matchAll(/<item page="\d+">([^<]*)<\/item>/g)].map((match) =>
    match[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name]!),
  )
}

/** Every /Alt text of the structure tree (pdfkit writes structure elements uncompressed). */
export function pdfAltTexts(pdf: Buffer): string[] {
  const source = pdf.toString('latin1')
  return [...source.matchAll(/\/Alt\s*(?:<FEFF([0-9A-Fa-f]*)>|\(((?:\\.|[^\\)])*)\))/g)].map(
    (match) =>
      match[1] !== undefined
        ? Buffer.from(match[1], 'hex').swap16().toString('utf16le')
        : match[2]!.replace(/\\(.)/g, '$1'),
  )
}

/** Renders the first pages as PNG into test-results/screenshots/<name>-N.png for a person to look at. */
export async function pdfPages(pdf: Buffer, name: string, dpi = 60, pages = 20): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const file = `${SCREENSHOTS}${name}.pdf`
  writeFileSync(file, pdf)
  await run('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-l',
    String(pages),
    file,
    `${SCREENSHOTS}${name}`,
  ])
}

/** Every piece of text a DOCX holds (also the header row, table cells and alt texts). */
export async function docxText(docx: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: docx })).value
}

export async function docxHtml(docx: Buffer): Promise<string> {
  return (await mammoth.convertToHtml({ buffer: docx })).value
}
