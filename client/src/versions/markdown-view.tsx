import type { ReactNode } from 'react'

type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'quote'; text: string }
  | { kind: 'paragraph'; text: string }

/** Reads the manifesto's Markdown (as manifestoToMarkdown writes it) into simple blocks. */
export function markdownBlocks(markdown: string): Block[] {
  const blocks: Block[] = []
  for (const chunk of markdown.split(/\n{2,}/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '')
    const first = lines[0]
    if (!first) continue
    const heading = /^(#{1,6})\s+(.*)$/.exec(first)
    if (heading && lines.length === 1) {
      blocks.push({ kind: 'heading', level: heading[1]!.length, text: heading[2]! })
    } else if (lines.every((line) => /^\s*([-*]|\d+\.)\s+/.test(line))) {
      blocks.push({
        kind: 'list',
        ordered: /^\s*\d+\./.test(first),
        items: lines.map((line) => line.replace(/^\s*([-*]|\d+\.)\s+/, '')),
      })
    } else if (lines.every((line) => line.startsWith('>'))) {
      blocks.push({
        kind: 'quote',
        text: lines.map((line) => line.replace(/^>\s?/, '')).join('\n'),
      })
    } else {
      blocks.push({ kind: 'paragraph', text: lines.join('\n') })
    }
  }
  return blocks
}

/** Bold and italic marks shown as such; everything else as plain text (never as HTML). */
function inline(text: string): ReactNode[] {
  return text.split(/(\*\*\*[^*]+\*\*\*|\*\*[^*]+\*\*|\*[^*]+\*)/g).map((part, index) => {
    const key = `${index}-${part}`
    if (/^\*\*\*.+\*\*\*$/.test(part))
      return (
        <strong key={key}>
          <em>{part.slice(3, -3)}</em>
        </strong>
      )
    if (/^\*\*.+\*\*$/.test(part)) return <strong key={key}>{part.slice(2, -2)}</strong>
    if (/^\*.+\*$/.test(part)) return <em key={key}>{part.slice(1, -1)}</em>
    return part
  })
}

/** A read-only rendering of a saved manifesto; its headings sit below the dialog's own. */
export function MarkdownView({ markdown }: { markdown: string }) {
  return (
    <div className="markdown-view" data-testid="version-markdown">
      {markdownBlocks(markdown).map((block, index) => {
        const key = `${index}-${block.kind}`
        switch (block.kind) {
          case 'heading':
            return (
              <p key={key} className={`markdown-heading level-${Math.min(block.level, 3)}`}>
                {block.text}
              </p>
            )
          case 'list': {
            const items = block.items.map((item, i) => {
              // A saved version never changes, so position is a stable key.
              const itemKey = `${i}-${item}`
              return <li key={itemKey}>{inline(item)}</li>
            })
            return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>
          }
          case 'quote':
            return <blockquote key={key}>{inline(block.text)}</blockquote>
          default:
            return <p key={key}>{inline(block.text)}</p>
        }
      })}
    </div>
  )
}
