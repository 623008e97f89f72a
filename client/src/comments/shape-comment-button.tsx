import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import { CommentIcon } from './comment-icon'
import { openShapeComments } from './open-comments'
import { openThreadsOn, useOpenThreadCountOn } from './use-comment-threads'

/**
 * A comment button for a note or werkvorm in a list (the Werkvormen panel, the list view):
 * with the count of its open threads it opens them, without it starts one. A viewer sees it
 * only when there is something to read.
 */
export function ShapeCommentButton({
  kind,
  shapeId,
  quote,
}: {
  kind: 'note' | 'werkvorm'
  shapeId: string
  /** The note's text or the werkvorm's name. */
  quote: string
}) {
  const { t, format } = useI18n()
  const board = useBoardContext()
  const count = useOpenThreadCountOn(board.connection.doc, shapeId)
  if (board.readOnly && count === 0) return null
  const label =
    kind === 'werkvorm'
      ? count > 0
        ? format('comments.badgeWerkvorm', { count, name: quote })
        : format('comments.addOnWerkvorm', { name: quote })
      : count > 0
        ? `${format('comments.badge', { count })}: ${quote}`
        : `${t('comments.add')}: ${quote}`
  const target =
    kind === 'werkvorm'
      ? ({ kind: 'werkvorm', frameId: shapeId } as const)
      : ({ kind: 'note', shapeId } as const)
  return (
    <button
      type="button"
      className="button secondary small shape-comment-button"
      aria-label={label}
      title={label}
      data-comment-count={count}
      onClick={() =>
        openShapeComments(
          board,
          { shapeId, target, quote },
          openThreadsOn(board.connection.doc, shapeId),
        )
      }
    >
      <CommentIcon plus={count === 0} />
      {count > 0 ? <span aria-hidden="true">{count}</span> : null}
    </button>
  )
}
