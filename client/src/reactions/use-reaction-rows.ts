import { type Editor, type TLShapeId, useComputed, useValue } from 'tldraw'
import { boardNoteOf } from '../notes/use-board-notes'
import { noteAnchor } from '../notes/use-note-anchors'

/** A note the reactions layer draws a row on, and where (the note's bottom-left on screen). */
export interface ReactionRow {
  id: TLShapeId
  text: string
  left: number
  top: number
}

/** Narrower than this on screen (px), a row would cover the note's words. */
const MIN_NOTE_WIDTH = 120

/*
 * Above this many shapes in view, notes are mostly too small for a row, and looking at each
 * shape would be a scan of the whole board when zoomed out. Then only notes with reactions
 * and the one pointed at or selected get a row.
 */
const MAX_SHAPES_FOR_OFFERS = 400

export interface ReactionRowsInput {
  /** Ids of the notes that have reactions. */
  reacted: ReadonlySet<string>
  /**
   * Offer the button that adds a reaction: on every note in view (so the keyboard reaches
   * each), and on the note pointed at, selected, or whose set of choices is open.
   */
  offer: boolean
  openFor: string | null
}

/**
 * The rows of the reactions layer. Only notes in view are looked at, found through tldraw's
 * spatial index (the same query its culling runs), and of those only the ones with reactions
 * when there are many: never every note on the board. Each note's text comes from its own
 * kept reading (`boardNoteOf`), so a drag re-reads the dragged note only.
 */
export function readReactionRows(editor: Editor, input: ReactionRowsInput): ReactionRow[] {
  const inView = editor.getShapeIdsInsideBounds(editor.getViewportPageBounds()) as Set<string>
  const candidates = new Set<string>()
  if (input.offer && inView.size <= MAX_SHAPES_FOR_OFFERS) {
    for (const id of inView) candidates.add(id)
  } else {
    const [fewer, more] =
      input.reacted.size < inView.size ? [input.reacted, inView] : [inView, input.reacted]
    for (const id of fewer) if (more.has(id)) candidates.add(id)
    if (input.offer) {
      const pointed = [editor.getHoveredShapeId(), editor.getOnlySelectedShapeId(), input.openFor]
      for (const id of pointed) if (id && inView.has(id)) candidates.add(id)
    }
  }
  const rows: ReactionRow[] = []
  for (const id of candidates) {
    const note = boardNoteOf(editor, id as TLShapeId)
    // Notes hidden on this device (silent round, filter) get nothing: their text is private.
    if (!note || note.hidden) continue
    const anchor = noteAnchor(editor, note.id, 'bottom-left', MIN_NOTE_WIDTH)
    if (anchor) rows.push({ id: note.id, text: note.text, ...anchor })
  }
  // A stable order: rows keep their place in the tab order while notes move.
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

const sameRows = (a: readonly ReactionRow[], b: readonly ReactionRow[]) =>
  a.length === b.length &&
  a.every((row, i) => {
    const other = b[i]
    return (
      other !== undefined &&
      row.id === other.id &&
      row.text === other.text &&
      row.left === other.left &&
      row.top === other.top
    )
  })

/** `readReactionRows`, kept up to date; the same array while the rows stay where they are. */
export function useReactionRows(editor: Editor, input: ReactionRowsInput): ReactionRow[] {
  const { reacted, offer, openFor } = input
  const rows = useComputed(
    'stip reaction rows',
    () => readReactionRows(editor, { reacted, offer, openFor }),
    { isEqual: sameRows },
    [editor, reacted, offer, openFor],
  )
  return useValue(rows)
}
