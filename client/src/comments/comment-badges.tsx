import { useEditor, useValue } from 'tldraw'
import { useBoardContext } from '../board/board-context'
import { useKeysKeptFromCanvas } from '../board/keep-keys-from-canvas'
import { useI18n } from '../i18n/i18n-context'
import { CommentIcon } from './comment-icon'
import { commentTargetOf } from './comment-targets'
import { openShapeComments } from './open-comments'
import { useBadgeSpots } from './use-badge-spots'
import { useOpenThreadsByShape } from './use-comment-threads'
import './comments.css'

/**
 * In front of the canvas: a count on each note and werkvorm with open threads (a click opens
 * the thread), and on the one selected note or werkvorm without any, a button to start one.
 * Only shapes with threads are placed, a few among thousands of notes.
 */
export function CommentBadges() {
  const { t, format } = useI18n()
  const board = useBoardContext()
  const editor = useEditor()
  const byShape = useOpenThreadsByShape(board.connection.doc)
  const selected = useValue('stip comment target selected', () => {
    const id = editor.getOnlySelectedShapeId()
    return id && commentTargetOf(editor, id) ? id : null
  }, [editor])
  const offerNew = selected !== null && !board.readOnly && !byShape.has(selected)
  const ids = offerNew ? [...byShape.keys(), selected] : [...byShape.keys()]
  const spots = useBadgeSpots(ids)
  const keepKeys = useKeysKeptFromCanvas<HTMLDivElement>()

  const open = (shapeId: string) => {
    const about = commentTargetOf(editor, shapeId)
    if (about) openShapeComments(board, about, byShape.get(shapeId) ?? [])
  }

  return (
    <div className="comment-badges" ref={keepKeys}>
      {ids.map((id) => {
        const spot = spots.get(id)
        if (!spot) return null
        const threads = byShape.get(id) ?? []
        const werkvorm = threads[0]?.target.kind === 'werkvorm'
        const style = { left: spot.left, top: spot.top }
        if (threads.length === 0) {
          const about = commentTargetOf(editor, id)
          const addLabel =
            about?.target.kind === 'werkvorm'
              ? format('comments.addOnWerkvorm', { name: about.quote })
              : t('comments.addOnNote')
          return (
            <button
              key={id}
              type="button"
              className="comment-badge comment-badge-add"
              data-shape-id={id}
              style={style}
              aria-label={addLabel}
              title={addLabel}
              onClick={() => open(id)}
            >
              <CommentIcon plus />
            </button>
          )
        }
        const label = werkvorm
          ? format('comments.badgeWerkvorm', {
              count: threads.length,
              name: threads[0]?.quote ?? '',
            })
          : format('comments.badge', { count: threads.length })
        return (
          <button
            key={id}
            type="button"
            className={werkvorm ? 'comment-badge comment-badge-frame' : 'comment-badge'}
            data-shape-id={id}
            data-count={threads.length}
            style={style}
            aria-label={label}
            title={label}
            onClick={() => open(id)}
          >
            <CommentIcon />
            <span aria-hidden="true">{threads.length}</span>
          </button>
        )
      })}
    </div>
  )
}
