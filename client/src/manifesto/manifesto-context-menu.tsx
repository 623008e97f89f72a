import { TldrawUiMenuGroup, TldrawUiMenuItem, useEditor, useValue } from 'tldraw'
import { useBoardContext } from '../board/board-context'
import { useI18n } from '../i18n/i18n-context'
import { NOTES_TO_MANIFESTO_FOCUS } from './notes-to-manifesto'

/**
 * "Naar manifest…" in the canvas's context menu while notes are selected: it opens the
 * Manifest tab with its section picker focused, where the notes are placed.
 */
export function ManifestoMenuGroup() {
  const editor = useEditor()
  const { t } = useI18n()
  const board = useBoardContext()
  const notesSelected = useValue(
    'notes selected',
    () => editor.getSelectedShapes().some((shape) => shape.type === 'note'),
    [editor],
  )
  if (!notesSelected || board.readOnly) return null
  return (
    <TldrawUiMenuGroup id="stip-manifesto">
      <TldrawUiMenuItem
        id="stip-to-manifesto"
        label={t('manifesto.notes.contextMenu')}
        onSelect={() =>
          board.openPanel('manifesto', `[data-focus-target="${NOTES_TO_MANIFESTO_FOCUS}"]`)
        }
      />
    </TldrawUiMenuGroup>
  )
}
