import type { ReactElement } from 'react'
import type { Editor, TLNoteShape } from 'tldraw'
import { organisationColor } from '../identity/organisation-color'
import { noteAuthor } from './claim-note'
import { normaliseOrganisation, noteViewOf } from './note-view'
import './organisation-strip.css'

/**
 * A note as tldraw draws it, with a strip in its organisation's exact colour along the top:
 * the note's fill can only be the nearest of tldraw's named colours. Read inside tldraw's
 * tracked render, so a change of the board's colours repaints the strips.
 */
export function withOrganisationStrip(
  editor: Editor,
  shape: TLNoteShape,
  note: ReactElement,
): ReactElement {
  const author = noteAuthor(shape)
  const colours = noteViewOf(editor).get().organisationColours
  const colour = author
    ? (colours[normaliseOrganisation(author.organisation)] ??
      organisationColor(author.organisation))
    : null
  // One shape of tree with or without an author: a note that gains one must not remount, or
  // the text editor inside it would lose its caret mid-word.
  return (
    <>
      {note}
      {author && colour ? (
        <div
          className="stip-organisation-strip"
          data-organisation={author.organisation}
          style={{ background: colour }}
          aria-hidden="true"
        />
      ) : null}
    </>
  )
}
