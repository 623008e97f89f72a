import type { InlineRun } from '@stip/manifesto'
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx'
import { EXPORT_LABELS as L, type ManifestoDocument } from './manifesto-document'

const ORDERED = 'manifesto-ordered'
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const

function runs(inline: readonly InlineRun[]): TextRun[] {
  return inline.map((run) =>
    run.text === '\n'
      ? new TextRun({ break: 1 })
      : new TextRun({ text: run.text, bold: run.bold, italics: run.italic }),
  )
}

function textBlocks(document: ManifestoDocument): Paragraph[] {
  const paragraphs: Paragraph[] = []
  let orderedList = 0
  for (const block of document.blocks) {
    switch (block.type) {
      case 'heading':
        // The board's title is the document's Title style; the text keeps its own levels.
        paragraphs.push(
          new Paragraph({
            heading: HEADINGS[Math.min(6, block.level) - 1]!,
            children: runs(block.runs),
          }),
        )
        break
      case 'paragraph':
        paragraphs.push(new Paragraph({ children: runs(block.runs) }))
        break
      case 'list': {
        const instance = orderedList++
        for (const item of block.items) {
          paragraphs.push(
            new Paragraph({
              children: runs(item),
              ...(block.ordered
                ? { numbering: { reference: ORDERED, level: 0, instance } }
                : { bullet: { level: 0 } }),
            }),
          )
        }
        break
      }
      case 'quote':
        for (const quoted of block.paragraphs) {
          paragraphs.push(new Paragraph({ style: 'Quote', children: runs(quoted) }))
        }
        break
    }
  }
  return paragraphs
}

function signatureBlock(document: ManifestoDocument): Paragraph[] {
  const paragraphs = [
    new Paragraph({ heading: HeadingLevel.HEADING_2, text: L.signing }),
    new Paragraph({ text: L.intro }),
  ]
  for (const line of document.signatures) {
    paragraphs.push(new Paragraph({ heading: HeadingLevel.HEADING_3, text: line.organisationName }))
    if (!line.signed) {
      paragraphs.push(
        new Paragraph({ children: [new TextRun({ text: L.notSigned, italics: true })] }),
      )
      continue
    }
    const field = (label: string, value: string) =>
      new Paragraph({
        children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)],
      })
    paragraphs.push(
      field(L.name, line.signed.signerName),
      field(L.function, line.signed.signerFunction),
      field(L.organisation, line.organisationName),
      field(L.signedAt, line.signed.signedAt),
      new Paragraph({
        children: [
          new TextRun({
            text: line.signed.current ? L.current : `${L.stale} (hash ${line.signed.hash})`,
            italics: !line.signed.current,
            bold: line.signed.current,
          }),
        ],
      }),
    )
  }
  paragraphs.push(
    new Paragraph({
      spacing: { before: 240 },
      children: [new TextRun({ text: `${L.hash}:`, bold: true })],
    }),
    new Paragraph({
      children: [new TextRun({ text: document.hash, font: 'Courier New', size: 18 })],
    }),
    new Paragraph({
      children: [new TextRun({ text: `${L.exported}: ${document.exportedAt}`, size: 18 })],
    }),
  )
  return paragraphs
}

/** The manifesto as a Word document: real Heading styles, real lists, page numbers. */
export async function manifestoDocx(document: ManifestoDocument): Promise<Uint8Array> {
  const docx = new Document({
    title: document.boardTitle,
    creator: 'Stip',
    styles: {
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          run: { italics: true, color: '555555' },
          paragraph: { indent: { left: 720 } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['Pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: document.boardTitle }),
          ...textBlocks(document),
          ...signatureBlock(document),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(docx))
}
