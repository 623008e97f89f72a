import type * as Y from 'yjs'

/*
 * Quick reactions on notes: a small fixed set, each person at most one of each kind per note.
 * Kept in the `reactions` map with one entry per person, note and kind, so two people reacting
 * to the same note at once both land (a reaction written into the note's own record would be
 * one value, and the last writer would win). A person's id is the same device id their notes
 * carry as author. That id is the client's word, as authorship is: someone with an editor
 * link could write an entry under another id by hand, never with a viewer link (the server
 * refuses every write of a viewer). A reaction is a light signal, not a vote; votes are
 * server-kept (auth rule A9).
 */

/** The kinds, in the order they are offered. */
export const REACTION_KINDS = ['eens', 'idee', 'vraag', 'belangrijk'] as const
export type ReactionKind = (typeof REACTION_KINDS)[number]

export function isReactionKind(value: unknown): value is ReactionKind {
  return typeof value === 'string' && (REACTION_KINDS as readonly string[]).includes(value)
}

/** The map key of one person's reaction of one kind on one note. */
export function reactionKey(noteId: string, kind: ReactionKind, userId: string): string {
  return JSON.stringify([noteId, kind, userId])
}

export interface Reaction {
  noteId: string
  kind: ReactionKind
  userId: string
}

/** A key read back, or null when it is not one of ours (an older or foreign writer). */
export function parseReactionKey(key: string): Reaction | null {
  try {
    const parsed: unknown = JSON.parse(key)
    if (!Array.isArray(parsed) || parsed.length !== 3) return null
    const [noteId, kind, userId] = parsed
    if (typeof noteId !== 'string' || typeof userId !== 'string' || !isReactionKind(kind)) {
      return null
    }
    return { noteId, kind, userId }
  } catch {
    return null
  }
}

/** One note's reactions: how many of each kind, and which of them are the reader's own. */
export interface NoteReactions {
  counts: Partial<Record<ReactionKind, number>>
  mine: ReactionKind[]
}

/** Every note's reactions, for `userId` as the reader (null: nobody's are "mine"). */
export function readReactions(
  map: Y.Map<unknown>,
  userId: string | null,
): Map<string, NoteReactions> {
  const byNote = new Map<string, NoteReactions>()
  for (const key of map.keys()) {
    const reaction = parseReactionKey(key)
    if (!reaction) continue
    let note = byNote.get(reaction.noteId)
    if (!note) {
      note = { counts: {}, mine: [] }
      byNote.set(reaction.noteId, note)
    }
    note.counts[reaction.kind] = (note.counts[reaction.kind] ?? 0) + 1
    if (reaction.userId === userId) note.mine.push(reaction.kind)
  }
  return byNote
}

/** Puts this person's reaction on a note, or takes it off. */
export function setReaction(map: Y.Map<unknown>, reaction: Reaction, on: boolean): void {
  const key = reactionKey(reaction.noteId, reaction.kind, reaction.userId)
  if (on) map.set(key, true)
  else map.delete(key)
}
