import type { Locale } from '@stip/templates'
import type { RootContent } from 'mdast'
import {
  emphasis,
  heading,
  list,
  paragraph,
  phrasing,
  renderMarkdown,
  text,
} from '../documents/markdown'
import { type ReportBlock, reportBlocks } from './report-blocks'
import type { SessionReport } from './session-report'

function toMdast(block: ReportBlock): RootContent {
  switch (block.type) {
    case 'heading':
      return heading(block.level, block.text)
    case 'paragraph':
      return paragraph(
        block.muted ? [emphasis(block.runs.map((run) => run.text).join(''))] : phrasing(block.runs),
      )
    case 'list':
      return list(block.items.map(phrasing), block.ordered)
    case 'table':
      // One list item per row, each cell named by its column: readable as plain text too.
      return list(
        block.rows.map((row) => [
          text(
            row
              .map((cell, index) => (cell ? `${block.header[index]}: ${cell}` : ''))
              .filter(Boolean)
              .join(' · '),
          ),
        ]),
      )
    case 'figure':
      // Markdown carries no picture; its description stands in for it.
      return paragraph([emphasis(block.alt)])
  }
}

/**
 * The session report (gespreksverslag) as Markdown, one `#` title, everything people typed
 * escaped (documents/markdown.ts).
 */
export function reportToMarkdown(report: SessionReport, locale: Locale): string {
  return renderMarkdown(reportBlocks(report, locale).map(toMdast))
}
