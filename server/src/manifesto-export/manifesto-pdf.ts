import { MUTED, TaggedPdf } from '../documents/tagged-pdf'
import { AMENDMENT_LABELS as A } from './amendment-history'
import {
  exportLine,
  EXPORT_LABELS as L,
  type ManifestoDocument,
  plainText,
  SIGNATURE_HEADER,
  SIGNATURE_WIDTHS,
  signatureRows,
} from './manifesto-document'

function writeBlocks(pdf: TaggedPdf, document: ManifestoDocument): void {
  for (const block of document.blocks) {
    switch (block.type) {
      case 'heading':
        pdf.heading(block.level as 2 | 3 | 4 | 5 | 6, plainText(block.runs))
        break
      case 'paragraph':
        pdf.paragraph(block.runs)
        break
      case 'list':
        pdf.list(block.items, block.ordered)
        break
      case 'quote':
        for (const paragraph of block.paragraphs)
          pdf.paragraph(
            paragraph.map((run) => ({ ...run, italic: true })),
            { color: MUTED },
          )
        break
    }
  }
}

/**
 * The manifesto as a tagged A4 PDF: the one title (H1), the text with its own headings, lists
 * and quotes, then the signatures as a table with column headers. Noto Sans embedded.
 */
export function manifestoPdf(document: ManifestoDocument): Promise<Uint8Array> {
  const pdf = new TaggedPdf({
    title: document.title,
    author: document.authors,
    subject: L.subject,
    lang: 'nl-NL',
    footerTitle: document.title,
    pageLabel: L.page,
  })
  pdf.heading(1, document.title)
  pdf.paragraph(exportLine(document), { size: 9.5, color: MUTED })
  writeBlocks(pdf, document)
  if (document.amendments.length > 0) {
    pdf.heading(2, A.heading)
    pdf.paragraph(A.intro, { size: 9.5, color: MUTED })
    for (const section of document.amendments) {
      pdf.heading(3, section.title)
      for (const amendment of section.amendments) {
        pdf.paragraph([{ text: amendment.heading, bold: true }])
        pdf.list(
          amendment.lines.map((line) => [{ text: line }]),
          false,
        )
      }
    }
  }
  pdf.heading(2, L.signing)
  pdf.paragraph(L.intro, { size: 9.5, color: MUTED })
  // The hash the signatures refer to, before them: the text ends with the table, so no closing
  // line is left to spill onto a page of its own.
  pdf.paragraph([{ text: `${L.hash}: `, bold: true }, { text: document.hash }], { size: 8.5 })
  pdf.table(SIGNATURE_HEADER, signatureRows(document), SIGNATURE_WIDTHS)
  return pdf.finish()
}
