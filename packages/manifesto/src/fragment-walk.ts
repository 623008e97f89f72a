import * as Y from 'yjs'

/** One stretch of text with the marks the manifesto exports care about. */
export interface InlineRun {
  text: string
  bold: boolean
  italic: boolean
}

/** A ProseMirror node as stored by y-prosemirror: element name, attributes, children. */
export type FragmentChild = Y.XmlElement | Y.XmlText

export function childrenOf(parent: Y.XmlFragment | Y.XmlElement): FragmentChild[] {
  return parent
    .toArray()
    .filter(
      (child): child is FragmentChild =>
        child instanceof Y.XmlElement || child instanceof Y.XmlText,
    )
}

/**
 * y-prosemirror names a mark that may overlap itself `name--hash`; the mark name is the part
 * before the dashes.
 */
function markNames(attributes: Record<string, unknown> | undefined): Set<string> {
  return new Set(Object.keys(attributes ?? {}).map((key) => key.split('--')[0] ?? key))
}

/** The inline content of a textblock (paragraph, heading) as runs; a hard break is a "\n" run. */
export function inlineRuns(block: Y.XmlElement): InlineRun[] {
  const runs: InlineRun[] = []
  for (const child of childrenOf(block)) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as Array<{
        insert?: unknown
        attributes?: Record<string, unknown>
      }>) {
        if (typeof op.insert !== 'string' || op.insert === '') continue
        const marks = markNames(op.attributes)
        runs.push({ text: op.insert, bold: marks.has('bold'), italic: marks.has('italic') })
      }
    } else if (child.nodeName === 'hardBreak') {
      runs.push({ text: '\n', bold: false, italic: false })
    }
  }
  return runs
}

export function plainText(runs: readonly InlineRun[]): string {
  return runs.map((run) => run.text).join('')
}

export function headingLevel(element: Y.XmlElement): number {
  const level = Number(element.getAttribute('level'))
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1
}
