import type { Locale } from '@stip/templates'
import { type FileChild, ImageRun, Paragraph } from 'docx'
import {
  docxDocument,
  docxHeading,
  docxList,
  docxParagraph,
  docxTable,
} from '../documents/docx-parts'
import { boardPng } from './board-picture-png'
import { reportBlocks } from './report-blocks'
import { REPORT_WORDS } from './report-words'
import type { SessionReport } from './session-report'

/** Width of the picture on the page, in Word's pixels (96 to the inch): the text width of A4. */
const PICTURE_WIDTH = 600

/**
 * The session report as a Word document: Word's heading styles, real lists, tables with a
 * marked header row, and the board as a PNG with its description as alt text.
 */
export function reportDocx(report: SessionReport, locale: Locale): Promise<Uint8Array> {
  const words = REPORT_WORDS[locale]
  const children: FileChild[] = []
  let lists = 0
  for (const block of reportBlocks(report, locale)) {
    switch (block.type) {
      case 'heading':
        children.push(docxHeading(block.level, block.text))
        break
      case 'paragraph':
        children.push(docxParagraph(block.runs, block.muted ? { color: '525A66' } : {}))
        break
      case 'list':
        children.push(...docxList(block.items, block.ordered ?? false, lists++))
        break
      case 'table':
        children.push(docxTable(block.header, block.rows, block.widths))
        break
      case 'figure': {
        const picture = boardPng(block.scene)
        children.push(
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: picture.png,
                transformation: {
                  width: PICTURE_WIDTH,
                  height: Math.round((PICTURE_WIDTH * picture.height) / picture.width),
                },
                altText: { name: words.board, title: words.board, description: block.alt },
              }),
            ],
          }),
        )
        break
      }
    }
  }
  return docxDocument({
    title: `${words.title}: ${report.boardTitle}`,
    subject: words.title,
    creator: report.organisations.map((o) => o.name).join(', ') || 'Stip',
    lang: words.lang,
    page: words.pageWords,
    children,
  })
}
