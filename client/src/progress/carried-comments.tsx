import { useBoardContext } from '../board/board-context'
import { commentViewStore } from '../comments/comment-view'
import { COMMENTS_PANEL } from '../comments/open-comments'
import { useCommentThreads } from '../comments/use-comment-threads'
import { useI18n } from '../i18n/i18n-context'

/**
 * How many remarks of the previous session still wait here (comments rule C11), with the way to
 * them: the overview marks each "uit de vorige sessie". Nothing when none is open.
 */
export function CarriedComments() {
  const { t, format } = useI18n()
  const board = useBoardContext()
  const threads = useCommentThreads(board.connection.doc)
  const open = threads.filter((thread) => thread.carriedFrom && thread.status === 'open').length
  if (open === 0) return null
  return (
    <div className="progress-step" data-carried-comments={open}>
      <p>{format('progress.carriedComments', { count: open })}</p>
      <button
        type="button"
        className="button secondary small"
        onClick={() => {
          // The overview, where they are marked, whatever thread was open before.
          commentViewStore(board.connection.doc).set({ kind: 'overview' })
          board.openPanel(COMMENTS_PANEL, '.side-panel [role="tab"][aria-selected="true"]')
        }}
      >
        {t('progress.goToComments')}
      </button>
    </div>
  )
}
