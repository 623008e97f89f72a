import type { BlockContent, Heading, List, Paragraph, PhrasingContent, RootContent } from 'mdast'
import { toMarkdown } from 'mdast-util-to-markdown'
import type { Run } from './tagged-pdf'

/*
 * Markdown is built as a syntax tree and serialised by mdast-util-to-markdown, which escapes
 * text by context: whatever people typed (a title, an organisation, a name, a note) stays
 * text. `<img onerror=…>`, `](javascript:…)`, `# kop` or `2040.` at the start of a line
 * cannot become HTML, a link, a heading or a list.
 */

export function text(value: string): PhrasingContent {
  return { type: 'text', value }
}

export function heading(depth: 1 | 2 | 3 | 4 | 5 | 6, value: string): Heading {
  // A heading is one line: line breaks people typed become spaces.
  return { type: 'heading', depth, children: [text(value.replace(/\s*\n\s*/g, ' '))] }
}

export function paragraph(children: string | PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children: typeof children === 'string' ? [text(children)] : children }
}

export function emphasis(value: string): PhrasingContent {
  return { type: 'emphasis', children: [text(value)] }
}

export function strong(value: string): PhrasingContent {
  return { type: 'strong', children: [text(value)] }
}

/** Styled runs as phrasing: bold → strong, italic → emphasis, a line break stays one. */
export function phrasing(runs: readonly Run[]): PhrasingContent[] {
  return runs.map((run): PhrasingContent => {
    if (run.text === '\n') return { type: 'break' }
    let node: PhrasingContent = text(run.text)
    if (run.italic) node = { type: 'emphasis', children: [node] }
    if (run.bold) node = { type: 'strong', children: [node] }
    return node
  })
}

export function list(items: ReadonlyArray<PhrasingContent[]>, ordered = false): List {
  return {
    type: 'list',
    ordered,
    spread: false,
    children: items.map((children) => ({
      type: 'listItem',
      spread: false,
      children: [paragraph(children)],
    })),
  }
}

export function blockquote(children: BlockContent[]): RootContent {
  return { type: 'blockquote', children }
}

export function renderMarkdown(children: RootContent[]): string {
  return toMarkdown(
    { type: 'root', children },
    { bullet: '-', emphasis: '_', strong: '*', listItemIndent: 'one', rule: '-' },
  )
}
