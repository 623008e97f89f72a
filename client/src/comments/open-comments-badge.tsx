import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import { useCommentThreads } from './use-comment-threads'

/** The count of open threads on the Opmerkingen tab, so partners see something waits there. */
export function OpenCommentsBadge() {
  const { format } = useI18n()
  const { connection } = useBoardContext()
  const open = useCommentThreads(connection.doc).filter((thread) => thread.status === 'open').length
  if (open === 0) return null
  return (
    <span className="tab-badge" title={format('comments.tabBadge', { count: open })}>
      <span aria-hidden="true">{open}</span>
      <span className="visually-hidden">{format('comments.tabBadge', { count: open })}</span>
    </span>
  )
}
