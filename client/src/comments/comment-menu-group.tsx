import { TldrawUiMenuGroup, TldrawUiMenuItem, useEditor, useValue } from 'tldraw'
import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import { commentTargetOf } from './comment-targets'
import { startThreadOn } from './open-comments'

/** "Opmerking plaatsen" in the canvas's context menu on one selected note or werkvorm. */
export function CommentMenuGroup() {
  const editor = useEditor()
  const { t } = useI18n()
  const board = useBoardContext()
  const selected = useValue('stip comment target selected', () => {
    const id = editor.getOnlySelectedShapeId()
    return id && commentTargetOf(editor, id) ? id : null
  }, [editor])
  if (!selected || board.readOnly) return null
  return (
    <TldrawUiMenuGroup id="stip-comments">
      <TldrawUiMenuItem
        id="stip-add-comment"
        label={t('comments.add')}
        onSelect={() => {
          const about = commentTargetOf(editor, selected)
          if (about) startThreadOn(board, about)
        }}
      />
    </TldrawUiMenuGroup>
  )
}
