import { locateNotes } from '@stip/templates'
import { useMemo } from 'react'
import { type Editor, type TLShapeId, useValue } from 'tldraw'
import { isNote, noteAuthor } from '../notes/claim-note'

/** A "Dit ga ik doen" note, as the Voortgang tab offers it. */
export interface CandidateNote {
  id: string
  text: string
  organisation: string | null
  authorName: string | null
}

function readCandidates(editor: Editor): CandidateNote[] {
  const candidates: CandidateNote[] = []
  for (const placement of locateNotes(editor.getCurrentPageShapes())) {
    if (placement.kind !== 'placed' || placement.templateId !== 'dit-ga-ik-doen') continue
    if (placement.sectionKey !== 'ik-ga') continue
    const shape = editor.getShape(placement.note.id as TLShapeId)
    if (!shape || !isNote(shape) || editor.isShapeHidden(shape)) continue
    const text = (editor.getShapeUtil(shape).getText(shape) ?? '').trim()
    if (text === '') continue
    const author = noteAuthor(shape)
    candidates.push({
      id: shape.id,
      text,
      organisation: author?.organisation ?? null,
      authorName: author?.authorName ?? null,
    })
  }
  return candidates
}

/**
 * The notes written in "Dit ga ik doen" on the current page, kept up to date; compared as JSON
 * so a drag does not re-render the tab on every frame.
 */
export function useCommitmentCandidates(editor: Editor | null): CandidateNote[] {
  const json = useValue(
    'stip commitment candidates',
    () => JSON.stringify(editor ? readCandidates(editor) : []),
    [editor],
  )
  return useMemo(() => JSON.parse(json) as CandidateNote[], [json])
}
