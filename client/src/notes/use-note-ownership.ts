import { useEffect, useRef } from 'react'
import type { Editor } from 'tldraw'
import type { BoardOrganisation } from '../api/boards-api'
import type { NoteOwner } from './claim-note'
import { normaliseOrganisation, updateNoteView } from './note-view'
import { registerNoteOwnership } from './register-note-ownership'

/**
 * While the editor is mounted: new notes carry their author, and this device's view knows
 * who "own" is and which silent round is active. The owner is read through a ref, so a name
 * change or a new round applies to the next note without re-registering the side effect.
 */
export function useNoteOwnership(editor: Editor | null, owner: NoteOwner): void {
  const ownerRef = useRef(owner)
  ownerRef.current = owner
  useEffect(() => {
    if (!editor) return
    return registerNoteOwnership(editor, () => ownerRef.current)
  }, [editor])
  useEffect(() => {
    if (!editor) return
    updateNoteView(editor, { userId: owner.userId, silentRoundId: owner.silentRoundId })
  }, [editor, owner.userId, owner.silentRoundId])
}

/** Hands the board's organisation colours to the notes' colour strips. */
export function useOrganisationColours(
  editor: Editor | null,
  organisations: readonly BoardOrganisation[],
): void {
  useEffect(() => {
    if (!editor) return
    const organisationColours = Object.fromEntries(
      organisations.map((organisation) => [
        normaliseOrganisation(organisation.name),
        organisation.color,
      ]),
    )
    updateNoteView(editor, { organisationColours })
  }, [editor, organisations])
}
