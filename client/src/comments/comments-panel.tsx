import { commentTargetShapeId } from '@stip/board/doc-model'
import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import { CommentThreadView } from './comment-thread-view'
import { useCommentView } from './comment-view'
import { CommentsOverview } from './comments-overview'
import { NewThreadForm } from './new-thread-form'
import { ShapeThreads } from './shape-threads'
import { useCommentThreads } from './use-comment-threads'
import './comments.css'

/** The Opmerkingen tab: the overview, one thread, the threads of one shape, or a new thread. */
export function CommentsPanel() {
  const { t } = useI18n()
  const board = useBoardContext()
  const threads = useCommentThreads(board.connection.doc)
  const [view, store] = useCommentView(board.connection.doc)
  const toOverview = () => store.set({ kind: 'overview' })

  // A passage's thread and a new one on a passage show beside the manifesto's text; here the
  // overview stands in for them.
  const thread =
    view.kind === 'thread' ? threads.find((candidate) => candidate.id === view.threadId) : undefined
  const aboutManifesto =
    thread?.target.kind === 'manifesto' ||
    (view.kind === 'new' && view.about.target.kind === 'manifesto')

  let body: React.ReactNode
  if (view.kind === 'thread' && !aboutManifesto) {
    // Right after starting one, the server's answer can come before the board's update.
    body = thread ? (
      <CommentThreadView thread={thread} onLeave={toOverview} leaveLabel={t('comments.back')} />
    ) : (
      <p className="hint" aria-busy="true">
        {t('comments.form.busy')}
      </p>
    )
  } else if (view.kind === 'new' && !aboutManifesto) {
    body = <NewThreadForm about={view.about} onLeave={toOverview} />
  } else if (view.kind === 'shape') {
    body = (
      <ShapeThreads
        about={view.about}
        threads={threads.filter(
          (candidate) => commentTargetShapeId(candidate.target) === view.shapeId,
        )}
        onLeave={toOverview}
      />
    )
  } else body = <CommentsOverview threads={threads} />

  return (
    <div className="comments-panel">
      <h2 className="panel-heading">{t('comments.heading')}</h2>
      {body}
    </div>
  )
}
