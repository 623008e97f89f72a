import * as Y from 'yjs'
import { childrenOf, headingLevel, type InlineRun, inlineRuns } from './fragment-walk'

export type { InlineRun } from './fragment-walk'

export type ManifestoBlock =
  | { type: 'heading'; level: number; runs: InlineRun[] }
  | { type: 'paragraph'; runs: InlineRun[] }
  /** Nested lists are flattened into the items after their parent item. */
  | { type: 'list'; ordered: boolean; items: InlineRun[][] }
  /** Each entry is one paragraph of the quote. */
  | { type: 'quote'; paragraphs: InlineRun[][] }

const hasText = (runs: readonly InlineRun[]) => runs.some((run) => run.text.trim() !== '')

/**
 * A structured view of the manifesto for exports (docx/pdf). Empty paragraphs (the editor's
 * trailing node, blank lines) are left out, so they never change what is exported or signed.
 */
export function manifestoBlocks(fragment: Y.XmlFragment): ManifestoBlock[] {
  const blocks: ManifestoBlock[] = []
  for (const child of childrenOf(fragment)) {
    if (child instanceof Y.XmlText) continue
    const block = toBlock(child)
    if (block) blocks.push(block)
  }
  return blocks
}

function toBlock(element: Y.XmlElement): ManifestoBlock | null {
  switch (element.nodeName) {
    case 'heading': {
      const runs = inlineRuns(element)
      return hasText(runs) ? { type: 'heading', level: headingLevel(element), runs } : null
    }
    case 'bulletList':
    case 'orderedList': {
      const items = listItems(element)
      return items.length > 0
        ? { type: 'list', ordered: element.nodeName === 'orderedList', items }
        : null
    }
    case 'blockquote': {
      const paragraphs = textblocksIn(element).filter(hasText)
      return paragraphs.length > 0 ? { type: 'quote', paragraphs } : null
    }
    default: {
      // paragraph, codeBlock and anything unknown: keep its text rather than lose it.
      const runs = element.nodeName === 'paragraph' ? inlineRuns(element) : flatRuns(element)
      return hasText(runs) ? { type: 'paragraph', runs } : null
    }
  }
}

function listItems(list: Y.XmlElement): InlineRun[][] {
  const items: InlineRun[][] = []
  for (const item of childrenOf(list)) {
    if (item instanceof Y.XmlText) continue
    const own: InlineRun[] = []
    const nested: InlineRun[][] = []
    for (const part of childrenOf(item)) {
      if (part instanceof Y.XmlText) continue
      if (part.nodeName === 'bulletList' || part.nodeName === 'orderedList') {
        nested.push(...listItems(part))
      } else {
        const runs = part.nodeName === 'paragraph' ? inlineRuns(part) : flatRuns(part)
        if (!hasText(runs)) continue
        if (own.length > 0) own.push({ text: ' ', bold: false, italic: false })
        own.push(...runs)
      }
    }
    if (own.length > 0) items.push(own)
    items.push(...nested)
  }
  return items
}

function textblocksIn(element: Y.XmlElement): InlineRun[][] {
  return childrenOf(element).flatMap((child) =>
    child instanceof Y.XmlText
      ? []
      : [child.nodeName === 'paragraph' ? inlineRuns(child) : flatRuns(child)],
  )
}

/** Every run below an element, for node types the manifesto does not give a shape of their own. */
function flatRuns(element: Y.XmlElement): InlineRun[] {
  const runs = inlineRuns(element)
  for (const child of childrenOf(element)) {
    if (child instanceof Y.XmlElement && child.nodeName !== 'hardBreak')
      runs.push(...flatRuns(child))
  }
  return runs
}
