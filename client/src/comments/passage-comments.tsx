import { useCallback, useId, useMemo } from 'react'
import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import type { SelectedPassage } from '../manifesto/selected-passage'
import type { CommentedPassage } from './comment-marks'
import { CommentThreadView } from './comment-thread-view'
import { useCommentView } from './comment-view'
import { NewThreadForm } from './new-thread-form'
import { showThread, startThreadOn } from './open-comments'
import { useCommentThreads } from './use-comment-threads'

/**
 * The manifesto's side of comments: the passages with open threads for the editor to mark,
 * and what a click on a mark does (open its thread beside the text).
 */
export function useCommentedPassages(): {
  commented: CommentedPassage[]
  openComment(threadId: string): void
} {
  const { format } = useI18n()
  const board = useBoardContext()
  const threads = useCommentThreads(board.connection.doc)
  const commented = useMemo(
    () =>
      threads.flatMap((thread) =>
        thread.status === 'open' && thread.target.kind === 'manifesto'
          ? [
              {
                threadId: thread.id,
                label: format('comments.openThread', { quote: thread.quote }),
                anchor: thread.target.anchor,
              },
            ]
          : [],
      ),
    [threads, format],
  )
  const openComment = useCallback(
    (threadId: string) => {
      const thread = threads.find((candidate) => candidate.id === threadId)
      if (thread) showThread(board, thread)
    },
    [threads, board],
  )
  return { commented, openComment }
}

/**
 * Below the manifesto text: "Opmerking plaatsen" for the selected passage, and the thread of a
 * passage (new or opened from its mark or the overview), so the text stays in sight beside it.
 */
export function PassageComments({ passage }: { passage: SelectedPassage | null }) {
  const { t } = useI18n()
  const board = useBoardContext()
  const threads = useCommentThreads(board.connection.doc)
  const [view, store] = useCommentView(board.connection.doc)
  const hintId = useId()
  const close = () => store.set({ kind: 'overview' })

  if (view.kind === 'new' && view.about.target.kind === 'manifesto') {
    return (
      <div className="manifesto-block passage-comments">
        <NewThreadForm about={view.about} onLeave={close} />
      </div>
    )
  }
  const thread =
    view.kind === 'thread' ? threads.find((candidate) => candidate.id === view.threadId) : undefined
  if (thread && thread.target.kind === 'manifesto') {
    return (
      <div className="manifesto-block passage-comments">
        <CommentThreadView thread={thread} onLeave={close} leaveLabel={t('comments.close')} />
      </div>
    )
  }
  if (board.readOnly) return null
  return (
    <div className="passage-comment-start">
      <button
        type="button"
        className="button secondary small"
        disabled={!passage}
        aria-describedby={passage ? undefined : hintId}
        onClick={() => {
          if (passage)
            startThreadOn(board, { target: { kind: 'manifesto', passage }, quote: passage.text })
        }}
      >
        {t('comments.add')}
      </button>
      {passage ? null : (
        <p id={hintId} className="manifesto-hint">
          {t('comments.selectPassage')}
        </p>
      )}
    </div>
  )
}
