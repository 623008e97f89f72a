import type { RootContent } from 'mdast'
import {
  blockquote,
  heading,
  list,
  paragraph,
  phrasing,
  renderMarkdown,
  strong,
  text,
} from '../documents/markdown'
import { AMENDMENT_LABELS as A } from './amendment-history'
import {
  exportLine,
  EXPORT_LABELS as L,
  type ManifestoDocument,
  plainText,
} from './manifesto-document'

type Depth = 1 | 2 | 3 | 4 | 5 | 6

/**
 * The manifesto as Markdown: one title (#), the text, then the signatures block. Everything
 * people typed is escaped (see documents/markdown.ts).
 */
export function manifestoMarkdownExport(document: ManifestoDocument): string {
  const out: RootContent[] = [heading(1, document.title), paragraph(exportLine(document))]
  for (const block of document.blocks) {
    switch (block.type) {
      case 'heading':
        out.push(heading(Math.min(6, block.level) as Depth, plainText(block.runs)))
        break
      case 'paragraph':
        out.push(paragraph(phrasing(block.runs)))
        break
      case 'list':
        out.push(list(block.items.map(phrasing), block.ordered))
        break
      case 'quote':
        out.push(blockquote(block.paragraphs.map((runs) => paragraph(phrasing(runs)))))
        break
    }
  }
  if (document.amendments.length > 0) {
    out.push(heading(2, A.heading), paragraph(A.intro))
    for (const section of document.amendments) {
      out.push(heading(3, section.title))
      for (const amendment of section.amendments) {
        out.push(
          paragraph([strong(amendment.heading)]),
          list(amendment.lines.map((l) => [text(l)])),
        )
      }
    }
  }
  out.push(
    heading(2, L.signing),
    paragraph(L.intro),
    paragraph([strong(`${L.hash}:`), text(' '), { type: 'inlineCode', value: document.hash }]),
  )
  for (const line of document.signatures) {
    out.push(heading(3, line.organisationName))
    if (!line.signed) {
      out.push(paragraph(`${L.notSigned}.`))
      continue
    }
    const field = (label: string, value: string) => [text(`${label}: `), text(value)]
    out.push(
      list([
        field(L.name, line.signed.signerName),
        field(L.function, line.signed.signerFunction),
        field(L.organisation, line.organisationName),
        field(L.signedAt, line.signed.signedAt),
        [text(line.signed.current ? L.current : `${L.stale} (hash ${line.signed.hash})`)],
        ...(line.signed.afterAmendments ? [[text(line.signed.afterAmendments)]] : []),
      ]),
    )
  }
  return renderMarkdown(out)
}
