import {
  type CommentTarget,
  type CommentThread,
  getManifesto,
  readCommentThreads,
  writeCommentThread,
} from '@stip/board/doc-model'
import { reanchorPassage, resolvePassage } from '@stip/manifesto'
import type * as Y from 'yjs'
import { COMMENT_LIMITS } from '../comments/comment-bodies'

/** A manifesto target with no place in the text: the thread keeps only its quote. */
const DETACHED = { start: null, end: null }

const textOf = (thread: CommentThread) =>
  thread.messages.reduce((sum, message) => sum + message.text.length, 0)

/**
 * The previous board's open comment threads on a vervolgsessie (comments rule C11): a thread
 * about a note or werkvorm that was copied keeps its target (the copy keeps each shape's id);
 * a passage thread is anchored anew in `target`'s copy of the manifesto on the words it covers
 * now, or keeps only its quote when its passage had gone from the text. Threads about what was
 * not copied, and resolved threads, stay on the previous board alone. The new board's limits
 * (C8) hold: a thread that would pass them is not carried. Call it in the transaction that
 * writes the copies; returns how many threads were carried.
 */
export function carryComments(
  source: Y.Doc,
  target: Y.Doc,
  copiedShapeIds: ReadonlySet<string>,
  from: { boardId: string; title: string },
): number {
  const present = readCommentThreads(target)
  let threads = present.length
  let text = present.reduce((sum, thread) => sum + textOf(thread), 0)
  let carried = 0
  for (const thread of readCommentThreads(source)) {
    if (thread.status !== 'open') continue
    const carriedTarget = targetOnCopy(source, target, thread.target, copiedShapeIds)
    if (!carriedTarget) continue
    const size = textOf(thread)
    if (
      threads + 1 > COMMENT_LIMITS.threadsPerBoard ||
      text + size > COMMENT_LIMITS.textPerBoard ||
      thread.messages.length > COMMENT_LIMITS.messagesPerThread
    ) {
      continue
    }
    writeCommentThread(target, { ...thread, target: carriedTarget, carriedFrom: from })
    threads++
    text += size
    carried++
  }
  return carried
}

/** Where a thread's target is on the new board, or null when it stays behind. */
function targetOnCopy(
  source: Y.Doc,
  target: Y.Doc,
  about: CommentTarget,
  copiedShapeIds: ReadonlySet<string>,
): CommentTarget | null {
  if (about.kind === 'note') return copiedShapeIds.has(about.shapeId) ? about : null
  if (about.kind === 'werkvorm') return copiedShapeIds.has(about.frameId) ? about : null
  // The thread follows its words as people type (C4): those words, as they read now, are what
  // it is about, whatever its quote said when it was started.
  const passage = resolvePassage(source, about.anchor)
  const anchor =
    passage && passage.content !== ''
      ? reanchorPassage(source, about.anchor, passage.content, getManifesto(target))
      : null
  return { ...about, anchor: anchor ?? DETACHED }
}
