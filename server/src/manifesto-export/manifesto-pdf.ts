import type { InlineRun } from '@stip/manifesto'
import PDFDocument from 'pdfkit'
import {
  EXPORT_LABELS as L,
  type ManifestoDocument,
  type SignatureLine,
} from './manifesto-document'

const MARGIN = { top: 72, bottom: 72, left: 70, right: 70 }
const INK = '#1b1f24'
const MUTED = '#5a6270'
const RULE = '#c9ced6'
const CURRENT = '#1a6b35'
const STALE = '#9a4a00'
const BODY_SIZE = 11
const LABEL_WIDTH = 100
const HEADING_SIZE: Record<number, number> = { 1: 22, 2: 15, 3: 12.5 }

type Pdf = PDFKit.PDFDocument

/** Room left on the page below the cursor. */
const roomLeft = (pdf: Pdf) => pdf.page.height - MARGIN.bottom - pdf.y

/** Starts a new page when less than `needed` points are left, so a heading never ends a page. */
function keepRoom(pdf: Pdf, needed: number): void {
  if (roomLeft(pdf) < needed) pdf.addPage()
}

function fontOf(run: InlineRun): string {
  if (run.bold && run.italic) return 'Helvetica-BoldOblique'
  if (run.bold) return 'Helvetica-Bold'
  if (run.italic) return 'Helvetica-Oblique'
  return 'Helvetica'
}

/** Writes runs as one wrapped paragraph, switching fonts between runs. */
function writeRuns(
  pdf: Pdf,
  runs: readonly InlineRun[],
  options: PDFKit.Mixins.TextOptions = {},
): void {
  const parts = runs.filter((run) => run.text !== '')
  if (parts.length === 0) return
  parts.forEach((run, index) => {
    pdf
      .font(fontOf(run))
      .text(run.text, { lineGap: 3, ...options, continued: index < parts.length - 1 })
  })
}

function writeHeading(pdf: Pdf, text: string, level: number): void {
  const size = HEADING_SIZE[level] ?? 11.5
  keepRoom(pdf, size * 4)
  pdf.moveDown(level === 1 ? 0.2 : 0.8)
  pdf.font('Helvetica-Bold').fontSize(size).fillColor(INK).text(text, { lineGap: 2 })
  if (level === 1) {
    const y = pdf.y + 4
    pdf
      .moveTo(MARGIN.left, y)
      .lineTo(pdf.page.width - MARGIN.right, y)
      .lineWidth(1.2)
      .strokeColor(INK)
      .stroke()
    pdf.y = y + 8
  } else {
    pdf.moveDown(0.3)
  }
  pdf.fontSize(BODY_SIZE)
}

/** A list item or a quote: `marker` hangs in the left indent, the text wraps beside it. */
function writeIndented(pdf: Pdf, marker: string, runs: readonly InlineRun[], indent: number): void {
  keepRoom(pdf, 30)
  const width = pdf.page.width - MARGIN.left - MARGIN.right - indent
  const top = pdf.y
  if (marker)
    pdf
      .font('Helvetica')
      .fillColor(MUTED)
      .text(marker, MARGIN.left + 4, top, { width: indent - 6, lineBreak: false })
  pdf.fillColor(INK)
  pdf.x = MARGIN.left + indent
  pdf.y = top
  writeRuns(pdf, runs, { width })
  pdf.x = MARGIN.left
  pdf.moveDown(0.25)
}

function writeBlocks(pdf: Pdf, document: ManifestoDocument): void {
  for (const block of document.blocks) {
    switch (block.type) {
      case 'heading':
        writeHeading(pdf, block.runs.map((run) => run.text).join(''), block.level)
        break
      case 'paragraph':
        keepRoom(pdf, 30)
        pdf.fontSize(BODY_SIZE).fillColor(INK)
        writeRuns(pdf, block.runs, { align: 'left' })
        pdf.moveDown(0.6)
        break
      case 'list':
        pdf.fontSize(BODY_SIZE)
        block.items.forEach((item, index) => {
          writeIndented(pdf, block.ordered ? `${index + 1}.` : '\u2022', item, 20)
        })
        pdf.moveDown(0.4)
        break
      case 'quote':
        for (const paragraph of block.paragraphs) {
          const top = pdf.y
          writeIndented(
            pdf,
            '',
            paragraph.map((run) => ({ ...run, italic: true })),
            20,
          )
          pdf
            .moveTo(MARGIN.left + 6, top)
            .lineTo(MARGIN.left + 6, pdf.y - 4)
            .lineWidth(2)
            .strokeColor(RULE)
            .stroke()
        }
        pdf.moveDown(0.4)
        break
    }
  }
}

function writeSignature(pdf: Pdf, line: SignatureLine): void {
  keepRoom(pdf, line.signed ? 110 : 50)
  const left = MARGIN.left
  const width = pdf.page.width - MARGIN.left - MARGIN.right
  const top = pdf.y
  pdf
    .font('Helvetica-Bold')
    .fontSize(12)
    .fillColor(INK)
    .text(line.organisationName, left + 12, top + 10, { width: width - 24 })
  pdf.moveDown(0.3)
  if (!line.signed) {
    pdf
      .font('Helvetica-Oblique')
      .fontSize(BODY_SIZE)
      .fillColor(MUTED)
      .text(L.notSigned, left + 12)
  } else {
    // Labels in a column of their own, values aligned beside them.
    const field = (label: string, value: string) => {
      const y = pdf.y
      pdf.font('Helvetica-Bold').fontSize(9.5).fillColor(MUTED)
      pdf.text(label, left + 12, y + 1.5, { width: LABEL_WIDTH - 8, lineBreak: false })
      pdf.font('Helvetica').fontSize(BODY_SIZE).fillColor(INK)
      pdf.text(value, left + 12 + LABEL_WIDTH, y, { width: width - 24 - LABEL_WIDTH })
      pdf.moveDown(0.15)
    }
    field(L.name, line.signed.signerName)
    field(L.function, line.signed.signerFunction)
    field(L.signedAt, line.signed.signedAt)
    pdf.moveDown(0.2)
    pdf
      .font('Helvetica-Bold')
      .fontSize(10)
      .fillColor(line.signed.current ? CURRENT : STALE)
      .text(line.signed.current ? L.current : L.stale, left + 12, pdf.y, { width: width - 24 })
    if (!line.signed.current) {
      pdf
        .font('Courier')
        .fontSize(8)
        .fillColor(MUTED)
        .text(`hash ${line.signed.hash}`, { width: width - 24 })
    }
  }
  const bottom = pdf.y + 10
  pdf
    .roundedRect(left, top, width, bottom - top, 4)
    .lineWidth(0.8)
    .strokeColor(RULE)
    .stroke()
  pdf.x = left
  pdf.y = bottom + 10
}

function writeSignatures(pdf: Pdf, document: ManifestoDocument): void {
  writeHeading(pdf, L.signing, 2)
  pdf.font('Helvetica').fontSize(10).fillColor(MUTED).text(L.intro, { lineGap: 2 })
  pdf.moveDown(0.5)
  pdf.font('Helvetica-Bold').fontSize(9).fillColor(MUTED).text(L.hash)
  pdf.font('Courier').fontSize(9).fillColor(INK).text(document.hash)
  pdf.font('Helvetica').fontSize(8.5).fillColor(MUTED).text(`${L.exported} ${document.exportedAt}`)
  pdf.moveDown(0.8)
  for (const line of document.signatures) writeSignature(pdf, line)
}

/** Page numbers and the board's title at the foot of every page, once all pages exist. */
function writeFooters(pdf: Pdf, title: string): void {
  const range = pdf.bufferedPageRange()
  for (let index = 0; index < range.count; index++) {
    pdf.switchToPage(range.start + index)
    // Writing inside the bottom margin would otherwise start a new page.
    const bottomMargin = pdf.page.margins.bottom
    pdf.page.margins.bottom = 0
    const y = pdf.page.height - MARGIN.bottom / 2
    const width = pdf.page.width - MARGIN.left - MARGIN.right
    pdf.font('Helvetica').fontSize(8.5).fillColor(MUTED)
    pdf.text(title, MARGIN.left, y, { width: width / 2, lineBreak: false, ellipsis: true })
    pdf.text(L.page(index + 1, range.count), MARGIN.left + width / 2, y, {
      width: width / 2,
      align: 'right',
      lineBreak: false,
    })
    pdf.page.margins.bottom = bottomMargin
  }
}

/** The manifesto as a printable A4 PDF in the standard Helvetica fonts (they cover Dutch). */
export function manifestoPdf(document: ManifestoDocument): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    info: { Title: document.boardTitle, Creator: 'Stip', Subject: 'Manifest' },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    pdf.on('error', reject)
  })
  pdf
    .font('Helvetica')
    .fontSize(9)
    .fillColor(MUTED)
    .text(document.boardTitle.toUpperCase(), { characterSpacing: 0.8 })
  pdf.moveDown(1.2)
  writeBlocks(pdf, document)
  writeSignatures(pdf, document)
  writeFooters(pdf, document.boardTitle)
  pdf.end()
  return done
}
