import type { CommentThread } from '@stip/board/doc-model'
import { useI18n } from '../i18n/i18n-context'

/**
 * One thread in a list: its quote, how it starts, its replies and state; a click opens it.
 * The button's name is its own visible text, with a hidden lead-in saying what it does.
 */
export function CommentListItem({
  thread,
  isNew,
  onOpen,
}: {
  thread: CommentThread
  isNew: boolean
  onOpen(): void
}) {
  const { t, format } = useI18n()
  const [first] = thread.messages
  const opening = first && first.removedAt === null ? first.text : t('comments.removed')
  const quote = thread.quote || opening
  return (
    <li className="comment-item" data-thread-id={thread.id} data-status={thread.status}>
      <button type="button" className="comment-item-button" onClick={onOpen}>
        <span className="comment-item-quote">
          <span className="visually-hidden">{format('comments.openThread', { quote: '' })}</span>
          {quote}
        </span>
        {first ? (
          <span className="comment-item-first">
            <strong>{first.author.name}</strong> ({first.author.organisation}): {opening}
          </span>
        ) : null}
        <span className="comment-item-meta">
          <span className={`comment-status comment-status-${thread.status}`}>
            {t(`comments.status.${thread.status}`)}
          </span>
          <span>{format('comments.replies', { n: thread.messages.length - 1 })}</span>
          {thread.carriedFrom ? (
            <span className="comment-carried-tag">{t('comments.carriedTag')}</span>
          ) : null}
          {isNew ? (
            <span className="comment-new-tag">
              <span aria-hidden="true">{t('comments.new')}</span>
              <span className="visually-hidden">{t('comments.newLabel')}</span>
            </span>
          ) : null}
        </span>
      </button>
    </li>
  )
}
