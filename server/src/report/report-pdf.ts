import type { Locale } from '@stip/templates'
import { MUTED, TaggedPdf } from '../documents/tagged-pdf'
import { drawBoardPicture, pictureHeight } from './board-picture-pdf'
import { reportBlocks } from './report-blocks'
import { REPORT_WORDS } from './report-words'
import type { SessionReport } from './session-report'

/** The board's picture takes at most this much of an A4 page's height. */
const PICTURE_MAX_HEIGHT = 560

/**
 * The session report as a tagged A4 PDF: headings with bookmarks, the board as a vector
 * picture (a Figure with its description), notes as lists, votes and signatures as tables.
 */
export function reportPdf(report: SessionReport, locale: Locale): Promise<Uint8Array> {
  const words = REPORT_WORDS[locale]
  const title = `${words.title}: ${report.boardTitle}`
  const pdf = new TaggedPdf({
    title,
    author: report.organisations.map((o) => o.name).join(', ') || 'Stip',
    subject: words.title,
    lang: words.lang,
    footerTitle: title,
    pageLabel: words.page,
  })
  for (const block of reportBlocks(report, locale)) {
    switch (block.type) {
      case 'heading':
        pdf.heading(block.level, block.text)
        break
      case 'paragraph':
        pdf.paragraph(block.runs, block.muted ? { color: MUTED, size: 9.5 } : {})
        break
      case 'list':
        pdf.list(block.items, block.ordered ?? false, 10)
        break
      case 'table':
        pdf.table(block.header, block.rows, block.widths)
        break
      case 'figure': {
        const height = pictureHeight(block.scene, pdf.width, PICTURE_MAX_HEIGHT)
        pdf.figure(block.alt, { w: pdf.width, h: height }, (box) =>
          drawBoardPicture(pdf, block.scene, box),
        )
        break
      }
    }
  }
  return pdf.finish()
}
