import type { InlineRun } from '@stip/manifesto'
import { EXPORT_LABELS as L, type ManifestoDocument, plainText } from './manifesto-document'

function inline(runs: readonly InlineRun[]): string {
  return runs
    .map((run) => {
      if (run.text === '\n') return '  \n'
      const mark = run.bold && run.italic ? '***' : run.bold ? '**' : run.italic ? '*' : ''
      return mark && run.text.trim() ? `${mark}${run.text}${mark}` : run.text
    })
    .join('')
}

/** The manifesto as Markdown: the board's title, the text, then the signatures block. */
export function manifestoMarkdownExport(document: ManifestoDocument): string {
  const lines: string[] = [`# ${document.boardTitle}`, '']
  for (const block of document.blocks) {
    switch (block.type) {
      case 'heading':
        lines.push(`${'#'.repeat(block.level)} ${plainText(block.runs)}`, '')
        break
      case 'paragraph':
        lines.push(inline(block.runs), '')
        break
      case 'list':
        block.items.forEach((item, index) => {
          lines.push(`${block.ordered ? `${index + 1}.` : '-'} ${inline(item)}`)
        })
        lines.push('')
        break
      case 'quote':
        lines.push(block.paragraphs.map((p) => `> ${inline(p)}`).join('\n>\n'), '')
        break
    }
  }
  lines.push(`## ${L.signing}`, '', L.intro, '')
  for (const line of document.signatures) {
    lines.push(`### ${line.organisationName}`, '')
    if (!line.signed) {
      lines.push(`${L.notSigned}.`, '')
      continue
    }
    lines.push(
      `- ${L.name}: ${line.signed.signerName}`,
      `- ${L.function}: ${line.signed.signerFunction}`,
      `- ${L.organisation}: ${line.organisationName}`,
      `- ${L.signedAt}: ${line.signed.signedAt}`,
      `- ${line.signed.current ? L.current : `${L.stale} (hash ${line.signed.hash})`}`,
      '',
    )
  }
  lines.push(`${L.hash}: \`${document.hash}\``, '', `${L.exported}: ${document.exportedAt}`, '')
  return lines.join('\n')
}
