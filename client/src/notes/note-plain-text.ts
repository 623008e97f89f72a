import type { Editor, TLNoteShape } from 'tldraw'

interface RichTextNode {
  type?: unknown
  text?: unknown
  content?: unknown
}

/**
 * The plain text of a tldraw rich-text document exactly as tldraw's `renderPlaintextFromRichText`
 * gives it (TipTap's `generateText` with "\n" as block separator: one before every block node
 * but the document's first, and one per hard break), without building a TipTap schema. tldraw
 * builds one per call, about half a millisecond, so the first reading of a 2,000-note board cost
 * a second (issue 19's board profile). The test compares both on every node kind a note holds.
 */
export function richTextPlainText(richText: unknown): string {
  let text = ''
  let firstBlock = true
  const walk = (node: RichTextNode, isDocument: boolean): void => {
    if (node.type === 'text') {
      if (typeof node.text === 'string') text += node.text
      return
    }
    if (node.type === 'hardBreak') {
      text += '\n'
      return
    }
    if (!isDocument) {
      if (firstBlock) firstBlock = false
      else text += '\n'
    }
    if (!Array.isArray(node.content)) return
    for (const child of node.content) {
      if (typeof child === 'object' && child !== null) walk(child as RichTextNode, false)
    }
  }
  if (typeof richText === 'object' && richText !== null) walk(richText as RichTextNode, true)
  return text
}

/**
 * A note's plain text, read once per rich-text value. tldraw turns rich text into plain text
 * through TipTap, which builds its schema on every call (milliseconds a note); the panels read
 * every note's text whenever the page changes. Records are immutable and a move or a remote
 * update keeps an unchanged `props.richText` object (packages/board's reuse-unchanged), so
 * the object itself is the key: a new text is a new object.
 */
export function createNotePlainText(
  read: (note: TLNoteShape) => string,
): (note: TLNoteShape) => string {
  const byRichText = new WeakMap<object, string>()
  return (note) => {
    const key = note.props.richText as object
    let text = byRichText.get(key)
    if (text === undefined) {
      text = read(note)
      byRichText.set(key, text)
    }
    return text
  }
}

const perEditor = new WeakMap<Editor, (note: TLNoteShape) => string>()

/** The note's plain text as tldraw's note util gives it, trimmed, cached per editor. */
export function notePlainText(editor: Editor, note: TLNoteShape): string {
  let read = perEditor.get(editor)
  if (!read) {
    read = createNotePlainText((n) => richTextPlainText(n.props.richText).trim())
    perEditor.set(editor, read)
  }
  return read(note)
}
