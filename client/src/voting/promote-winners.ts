import { createShapeId, type Editor, type TLFrameShape, type TLShapeId } from 'tldraw'
import { isNote } from '../notes/claim-note'
import { freeSpotBeside } from './free-spot'

const NOTE_SIZE = 200
const GAP = 20
const COLUMNS = 3
const PADDING = 40

/**
 * Copies the winning notes into a frame named `frameName` (made the first time in free space
 * beside the vote's frame): the copies keep their author's meta and colour, so the core values
 * still show who brought them in, and are marked `stipPromotedFrom` so nothing counts them
 * twice. Returns the frame's id.
 */
export function promoteWinners(
  editor: Editor,
  voteFrameId: TLShapeId,
  winnerIds: readonly TLShapeId[],
  frameName: string,
): TLShapeId | null {
  const source = editor.getShape<TLFrameShape>(voteFrameId)
  const notes = winnerIds.map((id) => editor.getShape(id)).filter((s) => s !== undefined)
  if (!source || notes.length === 0) return null
  let frame = editor
    .getCurrentPageShapes()
    .find(
      (shape): shape is TLFrameShape => shape.type === 'frame' && shape.props.name === frameName,
    )
  const existing = frame ? editor.getSortedChildIdsForParent(frame.id).length : 0
  const total = existing + notes.length
  const rows = Math.ceil(total / COLUMNS)
  const w = PADDING * 2 + COLUMNS * NOTE_SIZE + (COLUMNS - 1) * GAP
  const h = PADDING * 2 + rows * NOTE_SIZE + (rows - 1) * GAP
  editor.run(() => {
    if (!frame) {
      const id = createShapeId()
      const anchor = editor.getShapePageBounds(source)
      const spot = anchor ? freeSpotBeside(editor, anchor, w, h) : { x: 0, y: 0 }
      editor.createShape<TLFrameShape>({
        id,
        type: 'frame',
        ...spot,
        props: { name: frameName, w, h },
      })
      frame = editor.getShape<TLFrameShape>(id)
    } else if (frame.props.h < h || frame.props.w < w) {
      editor.updateShape<TLFrameShape>({
        id: frame.id,
        type: 'frame',
        props: { w: Math.max(w, frame.props.w), h: Math.max(h, frame.props.h) },
      })
    }
    if (!frame) return
    const parentId = frame.id
    editor.createShapes(
      notes.filter(isNote).map((note, index) => {
        const slot = existing + index
        // A copy is never part of a silent round, whatever round its original was written in.
        const { silentRoundId: _round, ...meta } = note.meta
        return {
          id: createShapeId(),
          type: 'note',
          parentId,
          x: PADDING + (slot % COLUMNS) * (NOTE_SIZE + GAP),
          y: PADDING + Math.floor(slot / COLUMNS) * (NOTE_SIZE + GAP),
          props: {
            color: note.props.color,
            richText: note.props.richText,
          },
          meta: { ...meta, stipPromotedFrom: note.id },
        }
      }),
    )
  })
  return frame?.id ?? null
}
