/** The plain text of a tldraw rich-text document: its text nodes, one line per block. */
export function richTextToPlain(richText: unknown): string {
  const lines: string[] = []
  const walk = (node: unknown, line: string[]): void => {
    if (typeof node !== 'object' || node === null) return
    const { type, text, content } = node as { type?: unknown; text?: unknown; content?: unknown }
    if (type === 'text' && typeof text === 'string') line.push(text)
    if (type === 'hardBreak') line.push(' ')
    if (!Array.isArray(content)) return
    if (type === 'doc' || type === 'bulletList' || type === 'orderedList' || type === 'listItem') {
      for (const child of content) {
        const childLine: string[] = []
        walk(child, childLine)
        if (childLine.length > 0) lines.push(childLine.join(''))
      }
      return
    }
    for (const child of content) walk(child, line)
  }
  const top: string[] = []
  walk(richText, top)
  if (top.length > 0) lines.push(top.join(''))
  return lines
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n')
}
