import { type Atom, atom, type Editor, type TLShape } from 'tldraw'
import { noteAuthor } from './claim-note'

/** What this device shows of other people's notes; never synced, never stored. */
export interface NoteView {
  userId: string | null
  /** The active silent round: its notes show only to their author. */
  silentRoundId: string | null
  /** Show only this organisation's notes (normalised name), or everyone's. */
  organisationFilter: string | null
  /** The board's organisation colours by normalised name, for the strip on each note. */
  organisationColours: Readonly<Record<string, string>>
}

export const openView: NoteView = {
  userId: null,
  silentRoundId: null,
  organisationFilter: null,
  organisationColours: {},
}

export const normaliseOrganisation = (name: string) =>
  name.trim().toLowerCase().replace(/\s+/g, ' ')

/**
 * Whether a shape shows on this device (the organisation filter). A running silent round's
 * notes of others never reach this browser (the server keeps them); hiding them here covers
 * a note that arrives in the doc from an older client.
 */
export function visibilityFor(shape: TLShape, view: NoteView): 'hidden' | 'inherit' {
  if (shape.type !== 'note') return 'inherit'
  const author = noteAuthor(shape)
  const own = author !== null && author.authorId === view.userId
  if (view.silentRoundId && author?.silentRoundId === view.silentRoundId && !own) return 'hidden'
  if (
    view.organisationFilter !== null &&
    (author === null || normaliseOrganisation(author.organisation) !== view.organisationFilter)
  ) {
    return 'hidden'
  }
  return 'inherit'
}

/*
 * tldraw hands `getShapeVisibility` only the shape and the editor, so the view lives beside
 * the editor: one signal per editor (a WeakMap, gone with the editor), read inside tldraw's
 * computed visibility so a change re-renders exactly the affected shapes.
 */
const views = new WeakMap<Editor, Atom<NoteView>>()

export function noteViewOf(editor: Editor): Atom<NoteView> {
  let view = views.get(editor)
  if (!view) {
    view = atom('stip note view', openView)
    views.set(editor, view)
  }
  return view
}

export function updateNoteView(editor: Editor, change: Partial<NoteView>): void {
  const view = noteViewOf(editor)
  view.set({ ...view.get(), ...change })
}

/** For `<Tldraw getShapeVisibility>`. */
export function noteVisibility(shape: TLShape, editor: Editor): 'hidden' | 'inherit' {
  return visibilityFor(shape, noteViewOf(editor).get())
}
