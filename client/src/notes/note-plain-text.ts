import type { Editor, TLNoteShape } from 'tldraw'

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
    read = createNotePlainText((n) => (editor.getShapeUtil(n).getText(n) ?? '').trim())
    perEditor.set(editor, read)
  }
  return read(note)
}
