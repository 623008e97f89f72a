import { type Editor, renderPlaintextFromRichText, type TLNoteShape } from 'tldraw'

/**
 * The selected notes as manifesto items, "<text> — <organisation>", top to bottom and left to
 * right as they sit on the canvas. The organisation is what the note's author stamped in
 * `meta.organisation`; a note without it is listed without one.
 */
export function selectedNoteItems(editor: Editor): string[] {
  const notes = editor
    .getSelectedShapes()
    .filter((shape): shape is TLNoteShape => shape.type === 'note')
    .sort((a, b) => a.y - b.y || a.x - b.x)
  return notes.flatMap((note) => {
    const text = renderPlaintextFromRichText(editor, note.props.richText)
      .replace(/\s+/g, ' ')
      .trim()
    if (!text) return []
    const organisation = note.meta.organisation
    return [
      typeof organisation === 'string' && organisation.trim()
        ? `${text} — ${organisation.trim()}`
        : text,
    ]
  })
}
