import {
  getReactions,
  type NoteReactions,
  type ReactionKind,
  readReactions,
  setReaction,
} from '@stip/board/doc-model'
import { useCallback, useMemo } from 'react'
import type * as Y from 'yjs'
import { useYValue } from '../board/use-y-value'

export interface BoardReactions {
  /** Each note's reactions by note id; a note nobody reacted to is absent. */
  byNote: ReadonlyMap<string, NoteReactions>
  /** Puts this person's reaction of `kind` on the note, or takes it off. */
  toggle(noteId: string, kind: ReactionKind): void
}

/** Every note's reactions as this person sees them, live from the shared doc. */
export function useNoteReactions(doc: Y.Doc, userId: string): BoardReactions {
  const map = getReactions(doc)
  // As JSON, so a change elsewhere in the map that leaves the result alike does not re-render.
  const read = useCallback(
    (reactions: Y.Map<unknown>) => JSON.stringify([...readReactions(reactions, userId)]),
    [userId],
  )
  const json = useYValue(map, read)
  const byNote = useMemo(() => new Map<string, NoteReactions>(JSON.parse(json)), [json])
  const toggle = useCallback(
    (noteId: string, kind: ReactionKind) => {
      const on = !byNote.get(noteId)?.mine.includes(kind)
      doc.transact(() => setReaction(map, { noteId, kind, userId }, on))
    },
    [doc, map, byNote, userId],
  )
  return { byNote, toggle }
}
