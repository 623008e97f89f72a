import { createShapeId, startEditingShapeWithRichText, type TLUiOverrides } from 'tldraw'
import { tldrawTranslations } from '../i18n/tldraw-translations'
import { freeNoteSpot } from './free-note-spot'

/** Shift+N: a sticky note in the middle of the view (or beside the last one), ready to type in. */
export const ADD_NOTE_KBD = '!n'
/** tldraw's note is 200 × 200 page units at scale 1. */
const NOTE_SIZE = 200

/**
 * Embeds are switched off (board-shape-utils), so the "Insert embed" action would open a
 * dialog that can never succeed; tldraw's menus skip actions that do not exist. Cursor chat
 * goes too: a chat line nobody else keeps or moderates does not belong in a session, and its
 * `/` key would open it while typing elsewhere.
 *
 * tldraw 5 has no keyboard-only way to place a note: `N` picks the note tool, but the note
 * is only made by a pointer press on the canvas. `stip.add-note` (Shift+N) fills that gap so
 * a keyboard user can add a note; Escape then leaves the text, Tab walks between shapes.
 */
export const uiOverrides: TLUiOverrides = {
  translations: tldrawTranslations,
  actions(editor, actions) {
    const { 'insert-embed': _embed, 'open-cursor-chat': _chat, ...rest } = actions
    return {
      ...rest,
      'stip.add-note': {
        id: 'stip.add-note',
        label: 'tool.note',
        kbd: ADD_NOTE_KBD,
        onSelect() {
          if (editor.getIsReadonly()) return
          const scale = editor.getResizeScaleFactor()
          const spot = freeNoteSpot(editor, NOTE_SIZE * scale, scale)
          const id = createShapeId()
          editor.markHistoryStoppingPoint('stip add note')
          editor.createShape({ id, type: 'note', x: spot.x, y: spot.y, props: { scale } })
          editor.setCurrentTool('select')
          editor.select(id)
          editor.zoomToSelectionIfOffscreen(32)
          // A new note is empty: nothing to select, and a late select-all would eat typed text.
          startEditingShapeWithRichText(editor, id)
        },
      },
    }
  },
}
