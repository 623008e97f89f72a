import type { FileChild } from 'docx'
import {
  docxDocument,
  docxHeading,
  docxList,
  docxParagraph,
  docxTable,
} from '../documents/docx-parts'
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

function textBlocks(document: ManifestoDocument): FileChild[] {
  const children: FileChild[] = []
  let lists = 0
  for (const block of document.blocks) {
    switch (block.type) {
      case 'heading':
        children.push(docxHeading(block.level, plainText(block.runs)))
        break
      case 'paragraph':
        children.push(docxParagraph(block.runs))
        break
      case 'list':
        // Each ordered list counts from 1 again.
        children.push(...docxList(block.items, block.ordered, lists++))
        break
      case 'quote':
        for (const quoted of block.paragraphs) children.push(docxParagraph(quoted, { quote: true }))
        break
    }
  }
  return children
}

function amendmentBlocks(document: ManifestoDocument): FileChild[] {
  if (document.amendments.length === 0) return []
  const children: FileChild[] = [docxHeading(2, A.heading), docxParagraph(A.intro)]
  let lists = 1000
  for (const section of document.amendments) {
    children.push(docxHeading(3, section.title))
    for (const amendment of section.amendments) {
      children.push(docxParagraph([{ text: amendment.heading, bold: true }]))
      children.push(
        ...docxList(
          amendment.lines.map((line) => [{ text: line }]),
          false,
          lists++,
        ),
      )
    }
  }
  return children
}

/**
 * The manifesto as a Word document in Dutch: the one title as Heading 1, the text's own
 * headings below it, real lists, and the signatures as a table whose header row is marked.
 */
export function manifestoDocx(document: ManifestoDocument): Promise<Uint8Array> {
  return docxDocument({
    title: document.title,
    subject: L.subject,
    creator: document.authors,
    lang: 'nl-NL',
    page: ['Pagina', 'van'],
    children: [
      docxHeading(1, document.title),
      docxParagraph(exportLine(document), { color: '525A66' }),
      ...textBlocks(document),
      ...amendmentBlocks(document),
      docxHeading(2, L.signing),
      docxParagraph(L.intro),
      docxParagraph([{ text: `${L.hash}: `, bold: true }, { text: document.hash }]),
      docxParagraph(L.tableCaption, { italics: true, color: '525A66' }),
      docxTable(SIGNATURE_HEADER, signatureRows(document), SIGNATURE_WIDTHS),
    ],
  })
}
