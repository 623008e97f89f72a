import { CLUSTER_META_KEY } from '@stip/templates'
import { createShapeId, type Editor, type TLShape, type TLShapeId } from 'tldraw'
import { type ArrangeScope, arrangeNote, clusterNotes, readScope } from './arrange-scope'
import { type Arrangement, arrange } from './arrangement'

/*
 * The arrangements written onto the board: every move of one action in one tldraw history
 * step (one undo), through the store, so the binding carries it to everyone else's canvas.
 */

export interface ArrangeResult {
  notes: number
  /** False when even the smallest note size did not fit the section. */
  fits: boolean
}

/** "Netjes ordenen" (and "per organisatie"): clusters first, then the loose notes in rows. */
export function tidyScope(
  editor: Editor,
  scope: ArrangeScope,
  options: { byOrganisation?: boolean } = {},
): ArrangeResult | null {
  editor.markHistoryStoppingPoint(options.byOrganisation ? 'group by organisation' : 'tidy notes')
  let result: ArrangeResult | null = null
  editor.run(() => {
    result = arrangeNow(editor, scope, options)
  })
  return result
}

/**
 * An accepted cluster: a frame named `label` in the werkvorm, the notes moved into it, and
 * the scope arranged again so the new cluster sits clear of everything else.
 */
export function acceptCluster(
  editor: Editor,
  scope: ArrangeScope,
  cluster: { label: string; noteIds: readonly string[] },
): TLShapeId | null {
  const contents = readScope(editor, scope)
  const notes = cluster.noteIds
    .map((id) => editor.getShape(id as TLShapeId))
    .filter((shape): shape is TLShape => shape?.type === 'note')
  if (!contents || notes.length === 0) return null
  const id = createShapeId()
  editor.markHistoryStoppingPoint('accept cluster')
  editor.run(() => {
    // Start where the first note is; the arrangement below moves the cluster into place.
    const start = editor.getShapePageBounds(notes[0]!)!.point
    const parent = editor.getShape(contents.parentId as TLShapeId)
    const at = parent
      ? editor.getShapePageTransform(parent).clone().invert().applyToPoint(start)
      : start
    editor.createShape({
      id,
      type: 'frame',
      parentId: contents.parentId,
      x: at.x,
      y: at.y,
      props: { w: 240, h: 240, name: cluster.label },
      meta: { [CLUSTER_META_KEY]: true },
    })
    editor.reparentShapes(notes, id)
    arrangeNow(editor, scope, {})
  })
  return id
}

function arrangeNow(
  editor: Editor,
  scope: ArrangeScope,
  options: { byOrganisation?: boolean },
): ArrangeResult | null {
  const contents = readScope(editor, scope)
  if (!contents) return null
  const readingOrder = (a: TLShape, b: TLShape) => {
    const pa = editor.getShapePageBounds(a)!
    const pb = editor.getShapePageBounds(b)!
    return pa.minY - pb.minY || pa.minX - pb.minX
  }
  const clusters = [...contents.clusters].sort(readingOrder)
  const loose = [...contents.loose].sort(readingOrder)
  const groups = clusters.map((cluster) => ({
    id: cluster.id,
    name: cluster.props.name,
    notes: clusterNotes(editor, cluster).sort(readingOrder).map(arrangeNote),
  }))
  const layout = arrange(contents.area, groups, loose.map(arrangeNote), options)
  write(editor, layout)
  return {
    notes: loose.length + groups.reduce((sum, group) => sum + group.notes.length, 0),
    fits: layout.fits,
  }
}

function write(editor: Editor, layout: Arrangement) {
  const moveTo = (id: string, page: { x: number; y: number }) =>
    editor.getPointInParentSpace(id as TLShapeId, page)
  // Frames first: their notes' positions are relative to them.
  for (const group of layout.groups) {
    const at = moveTo(group.id, group)
    editor.updateShape({
      id: group.id as TLShapeId,
      type: 'frame',
      x: at.x,
      y: at.y,
      rotation: 0,
      props: { w: group.w, h: group.h },
    })
  }
  for (const note of [...layout.groups.flatMap((group) => group.notes), ...layout.notes]) {
    const at = moveTo(note.id, note)
    editor.updateShape({
      id: note.id as TLShapeId,
      type: 'note',
      x: at.x,
      y: at.y,
      rotation: 0,
      props: { scale: note.scale },
    })
  }
}
