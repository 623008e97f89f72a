import type * as Y from 'yjs'
import type { InlineRun } from './fragment-walk'
import { type ManifestoBlock, manifestoBlocks } from './manifesto-blocks'

/**
 * Markdown of the manifesto: headings, paragraphs, bullet/ordered lists, bold/italic and
 * blockquotes, one blank line between blocks. Built from manifestoBlocks so the Markdown,
 * docx and pdf exports all show the same text.
 */
export function manifestoToMarkdown(fragment: Y.XmlFragment): string {
  return manifestoBlocks(fragment).map(blockToMarkdown).join('\n\n')
}

function blockToMarkdown(block: ManifestoBlock): string {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${inlineMarkdown(block.runs).replace(/\\\n/g, ' ')}`
    case 'paragraph':
      return escapeLineStart(inlineMarkdown(block.runs))
    case 'list':
      return block.items
        .map((item, index) => {
          const marker = block.ordered ? `${index + 1}. ` : '- '
          return marker + indentFollowing(inlineMarkdown(item), marker.length)
        })
        .join('\n')
    case 'quote':
      return block.paragraphs
        .map((runs) => escapeLineStart(inlineMarkdown(runs)))
        .join('\n\n')
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n')
  }
}

/** Runs with equal marks are merged first, so `**a****b**` never appears. */
function inlineMarkdown(runs: readonly InlineRun[]): string {
  const merged: InlineRun[] = []
  for (const run of runs) {
    const last = merged[merged.length - 1]
    if (last && last.bold === run.bold && last.italic === run.italic) last.text += run.text
    else merged.push({ ...run })
  }
  return merged
    .map((run) => wrap(run))
    .join('')
    .replace(/\n/g, '\\\n')
}

function wrap(run: InlineRun): string {
  const marker = (run.bold ? '**' : '') + (run.italic ? '*' : '')
  const text = escapeInline(run.text)
  if (!marker) return text
  // Emphasis may not start or end on whitespace, so edge spaces stay outside the markers.
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)
  const [, lead = '', core = '', trail = ''] = match ?? []
  if (core === '') return text
  return `${lead}${marker}${core}${[...marker].reverse().join('')}${trail}`
}

function escapeInline(text: string): string {
  return text.replace(/([\\*_`])/g, '\\$1')
}

/** A paragraph that starts like a heading, list or quote would turn into one: escape it. */
function escapeLineStart(text: string): string {
  return text.replace(
    /^(\s*)(#{1,6}\s|[-+]\s|>|(\d+)([.)])\s)/,
    (whole, space: string, _m, digits?: string, dot?: string) =>
      digits !== undefined && dot !== undefined
        ? `${space}${digits}\\${dot} `
        : `${space}\\${whole.slice(space.length)}`,
  )
}

function indentFollowing(text: string, width: number): string {
  return text.replace(/\n/g, `\n${' '.repeat(width)}`)
}
