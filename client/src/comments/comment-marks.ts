import { type AnchoredPassage, anchoredMarks } from '../manifesto/anchored-marks'

/** A passage with an open comment thread, as the manifesto editor marks it. */
export interface CommentedPassage extends AnchoredPassage {
  threadId: string
  label: string
}

/**
 * Marks the passages of open comment threads in the text (a dotted underline and a tint), so a
 * reader sees where a remark waits; a click on one opens its thread.
 */
const commentMarks = anchoredMarks<CommentedPassage>('commentMarks', (passage) => ({
  class: 'comment-mark',
  'data-comment-thread': passage.threadId,
  title: passage.label,
}))

export const CommentMarks = commentMarks.extension

/** Tells the editor which passages have open threads. */
export const setCommentedPassages = commentMarks.setPassages

/** The thread of the comment mark at a clicked element, if it is one. */
export function commentMarkThread(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null
  return target.closest<HTMLElement>('.comment-mark')?.dataset.commentThread ?? null
}
