import type { CommentThread } from '@stip/board/doc-model'
import { useId } from 'react'
import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import { CommentListItem } from './comment-list-item'
import type { NewThreadTarget } from './comment-view'
import { showThread, startThreadOn } from './open-comments'
import { byOpenThenRecent } from './thread-groups'

/** The threads on one note or werkvorm, open first, and a new one on it. */
export function ShapeThreads({
  about,
  threads,
  onLeave,
}: {
  about: NewThreadTarget
  threads: readonly CommentThread[]
  onLeave(): void
}) {
  const { t, format } = useI18n()
  const board = useBoardContext()
  const headingId = useId()
  return (
    <section className="comment-shape" aria-labelledby={headingId}>
      <div className="comment-thread-top">
        <button type="button" className="button quiet small comment-leave" onClick={onLeave}>
          {t('comments.back')}
        </button>
      </div>
      <h3
        id={headingId}
        className="comment-thread-heading"
        tabIndex={-1}
        data-comment-focus="thread"
      >
        {format('comments.onTarget', { quote: about.quote })}
      </h3>
      <ul className="comment-list">
        {[...threads].sort(byOpenThenRecent).map((thread) => (
          <CommentListItem
            key={thread.id}
            thread={thread}
            isNew={false}
            onOpen={() => showThread(board, thread)}
          />
        ))}
      </ul>
      {board.readOnly ? null : (
        <button
          type="button"
          className="button secondary small"
          onClick={() => startThreadOn(board, about)}
        >
          {t('comments.newOnTarget')}
        </button>
      )}
    </section>
  )
}
