import { type CommentThread, commentTargetShapeId } from '@stip/board/doc-model'
import { MANIFESTO_SECTIONS } from '@stip/manifesto'
import type { ThreadPlace } from './use-thread-places'

export type ThreadFilter = 'open' | 'resolved' | 'all'

export interface ThreadGroup {
  key: string
  title: string
  threads: CommentThread[]
}

export interface GroupTitles {
  /** On the board, outside any werkvorm. */
  board: string
  /** The note or werkvorm was removed. */
  gone: string
  /** A manifesto section by its key (null: before any known heading). */
  manifesto(sectionKey: string | null): string
}

export const matchesFilter = (thread: CommentThread, filter: ThreadFilter) =>
  filter === 'all' || thread.status === filter

/** Open threads first, then the most recently changed. */
export function byOpenThenRecent(a: CommentThread, b: CommentThread): number {
  if (a.status !== b.status) return a.status === 'open' ? -1 : 1
  return b.updatedAt - a.updatedAt || a.id.localeCompare(b.id)
}

/**
 * The overview's groups: each werkvorm (in the order its first thread appears), the board
 * outside werkvormen, the manifesto per section in the manifesto's order, and last what is no
 * longer on the board. Threads inside a group come open first, then newest.
 */
export function groupThreads(
  threads: readonly CommentThread[],
  places: ReadonlyMap<string, ThreadPlace>,
  titles: GroupTitles,
): ThreadGroup[] {
  const groups = new Map<string, ThreadGroup & { rank: number }>()
  const add = (key: string, title: string, rank: number, thread: CommentThread) => {
    const group = groups.get(key) ?? { key, title, rank, threads: [] }
    group.threads.push(thread)
    groups.set(key, group)
  }
  const sorted = [...threads].sort(byOpenThenRecent)
  for (const thread of sorted) {
    const target = thread.target
    if (target.kind === 'manifesto') {
      const index = MANIFESTO_SECTIONS.findIndex((section) => section.key === target.sectionKey)
      add(
        `manifesto:${target.sectionKey ?? ''}`,
        titles.manifesto(target.sectionKey),
        // Sections in the manifesto's order; an unknown heading after the known ones.
        2000 + (index < 0 ? MANIFESTO_SECTIONS.length : index),
        thread,
      )
      continue
    }
    const place = places.get(commentTargetShapeId(target) ?? '')
    if (!place?.onBoard) add('gone', titles.gone, 3000, thread)
    else if (place.werkvormId) {
      add(`werkvorm:${place.werkvormId}`, place.werkvormName ?? '', groups.size, thread)
    } else add('board', titles.board, 1000, thread)
  }
  return [...groups.values()]
    .sort((a, b) => a.rank - b.rank)
    .map(({ key, title, threads: list }) => ({ key, title, threads: list }))
}

/** Whoever changed the thread last: who resolved or reopened it, or who wrote last. */
function lastActor(thread: CommentThread): { name: string; organisation: string } | undefined {
  if (thread.resolved && thread.resolved.at >= thread.updatedAt) return thread.resolved.by
  return thread.messages.at(-1)?.author
}

/**
 * Whether the thread changed since this device last opened the overview, by someone else
 * (one's own reply is not news). `seenAt` null: the overview was never opened here.
 */
export function isNewSince(
  thread: CommentThread,
  seenAt: number | null,
  me: { name: string; organisation: string },
): boolean {
  if (seenAt !== null && thread.updatedAt <= seenAt) return false
  const actor = lastActor(thread)
  return !(actor && actor.name === me.name && actor.organisation === me.organisation)
}
