import type { CommentThread } from '@stip/board/doc-model'
import type { TLShapeId } from 'tldraw'
import type { BoardContextValue } from '../board/board-context'
import { jumpToShape } from '../search/jump-to-result'
import { commentViewStore, type NewThreadTarget } from './comment-view'

/** The side-panel tab of the overview and of threads about the board. */
export const COMMENTS_PANEL = 'comments'
/** Where focus goes when a thread opens: its heading, so a screen reader starts there. */
export const THREAD_FOCUS = '[data-comment-focus="thread"]'
/** Where focus goes when a new thread is started: its text box. */
export const NEW_THREAD_FOCUS = '[data-comment-focus="new"]'

const prefersReducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches

/**
 * Opens a thread where it reads best: a passage's thread in the Manifest tab beside the text,
 * any other in the Opmerkingen tab. With `goToTarget`, the note or werkvorm is brought into
 * view (and selected) and the passage scrolled to.
 */
export function showThread(
  board: BoardContextValue,
  thread: CommentThread,
  { goToTarget = false }: { goToTarget?: boolean } = {},
): void {
  commentViewStore(board.connection.doc).set({ kind: 'thread', threadId: thread.id })
  const target = thread.target
  if (target.kind === 'manifesto') {
    if (!goToTarget) {
      board.openPanel('manifesto', THREAD_FOCUS)
      return
    }
    // Focusing the thread would scroll it into view, away from the passage: the passage is
    // scrolled to first, and the thread takes the focus without scrolling.
    board.openPanel('manifesto')
    scrollToCommentMark(thread.id, () =>
      document.querySelector<HTMLElement>(THREAD_FOCUS)?.focus({ preventScroll: true }),
    )
    return
  }
  board.openPanel(COMMENTS_PANEL, THREAD_FOCUS)
  const shapeId = target.kind === 'note' ? target.shapeId : target.frameId
  if (goToTarget && board.editor) jumpToShape(board.editor, shapeId as TLShapeId)
}

/** Opens the new-thread form for a target, where its thread will be read. */
export function startThreadOn(board: BoardContextValue, about: NewThreadTarget): void {
  commentViewStore(board.connection.doc).set({ kind: 'new', about })
  board.openPanel(
    about.target.kind === 'manifesto' ? 'manifesto' : COMMENTS_PANEL,
    NEW_THREAD_FOCUS,
  )
}

/**
 * What a click on a shape's badge opens: its one thread, the list of its threads when there
 * are several, or a new thread when it has none yet (the "+" on a selected note).
 */
export function openShapeComments(
  board: BoardContextValue,
  about: NewThreadTarget & { shapeId: string },
  threads: readonly CommentThread[],
): void {
  const [only] = threads
  if (threads.length === 1 && only) {
    showThread(board, only)
    return
  }
  if (threads.length === 0 && !board.readOnly) {
    startThreadOn(board, about)
    return
  }
  commentViewStore(board.connection.doc).set({ kind: 'shape', shapeId: about.shapeId, about })
  board.openPanel(COMMENTS_PANEL, THREAD_FOCUS)
}

/**
 * Scrolls the Manifest tab to a thread's marked passage. The tab renders after the switch and
 * the marks after the editor has synced, so this looks for a few frames before giving up.
 */
export function scrollToCommentMark(threadId: string, then?: () => void, frames = 40): void {
  const selector = `.manifesto-panel .comment-mark[data-comment-thread="${CSS.escape(threadId)}"]`
  const step = (left: number) => {
    const mark = document.querySelector<HTMLElement>(selector)
    if (mark) {
      mark.scrollIntoView({
        block: 'center',
        behavior: prefersReducedMotion() ? 'auto' : 'smooth',
      })
      then?.()
    } else if (left > 0) {
      requestAnimationFrame(() => step(left - 1))
    }
  }
  requestAnimationFrame(() => step(frames))
}
