import { isClusterFrame, listTemplateInstances, readTemplateMeta } from '@stip/templates'
import type {
  Editor,
  Geometry2d,
  TLFrameShape,
  TLNoteShape,
  TLParentId,
  TLShape,
  TLShapeId,
} from 'tldraw'
import { templateShapesOf } from '../board/template-shapes'
import { noteAuthor } from '../notes/claim-note'
import type { ArrangeNote } from './arrangement'
import { GAP, type Rect } from './shelf-layout'

/*
 * What "ordenen" works on: one werkvorm section (a lane), or the notes that were selected. A
 * selection is remembered as its note ids and where it started, so it can be arranged again
 * after some of its notes went into a cluster.
 */

export type ArrangeScope =
  | { kind: 'section'; laneId: TLShapeId }
  | { kind: 'notes'; noteIds: TLShapeId[]; origin: { x: number; y: number }; width: number }

export interface ScopeContents {
  /** Where the notes may go, in page coordinates. */
  area: Rect
  /** The parent new clusters get: the werkvorm frame around the section or the notes. */
  parentId: TLParentId
  clusters: TLFrameShape[]
  /** Notes not in a cluster. */
  loose: TLNoteShape[]
}

export interface SectionChoice {
  laneId: TLShapeId
  /** "Werkvorm · section" as the board shows it. */
  label: string
}

/** Room kept free inside a section's edges and under its question. */
const INSET = 24

/** The sections on the page, werkvormen top-left first, each in its reading order. */
export function listSections(editor: Editor, locale: 'nl' | 'en'): SectionChoice[] {
  // Only the werkvorm parts: the panel reads this on every change of them, not on every drag.
  const shapes = templateShapesOf(editor)
  const instances = listTemplateInstances(shapes)
  const lanes = shapes
    .map((shape) => ({ shape, meta: readTemplateMeta(shape) }))
    .filter(({ meta }) => meta?.stipPart === 'lane')
  const rank = (instance: string) => instances.findIndex((i) => i.instance === instance)
  lanes.sort(
    (a, b) =>
      rank(a.meta!.stipInstance) - rank(b.meta!.stipInstance) ||
      (a.meta!.stipOrder ?? 0) - (b.meta!.stipOrder ?? 0),
  )
  return lanes.map(({ shape, meta }) => {
    const werkvorm = instances.find((i) => i.instance === meta!.stipInstance)?.name ?? ''
    const section = meta!.stipSectionLabel?.[locale] ?? meta!.stipSection ?? ''
    return { laneId: shape.id, label: werkvorm ? `${werkvorm} · ${section}` : section }
  })
}

/** The section the selection sits in, or a notes scope for a selection elsewhere. */
export function scopeOfSelection(editor: Editor): ArrangeScope | null {
  const notes = selectedNotes(editor)
  if (notes.length === 0) return null
  const bounds = editor.getSelectionPageBounds()!
  const columns = Math.ceil(Math.sqrt(notes.length))
  return {
    kind: 'notes',
    noteIds: notes.map((note) => note.id),
    origin: { x: bounds.minX, y: bounds.minY },
    width: Math.max(bounds.w, columns * (200 + GAP)),
  }
}

/** Selected notes, and the notes of selected clusters. */
export function selectedNotes(editor: Editor): TLNoteShape[] {
  const notes = new Map<TLShapeId, TLNoteShape>()
  for (const shape of editor.getSelectedShapes()) {
    if (shape.type === 'note') notes.set(shape.id, shape as TLNoteShape)
    if (isClusterFrame(shape))
      for (const note of clusterNotes(editor, shape)) notes.set(note.id, note)
  }
  return [...notes.values()]
}

export function readScope(editor: Editor, scope: ArrangeScope): ScopeContents | null {
  return scope.kind === 'section' ? readSection(editor, scope.laneId) : readNotes(editor, scope)
}

function readSection(editor: Editor, laneId: TLShapeId): ScopeContents | null {
  const lane = editor.getShape(laneId)
  const bounds = lane && editor.getShapePageBounds(lane)
  if (!lane || !bounds) return null
  const top = labelBottom(editor, lane) + INSET
  const area = {
    x: bounds.minX + INSET,
    y: bounds.minY + top,
    w: bounds.w - 2 * INSET,
    h: bounds.h - top - INSET,
  }
  const within = (shape: TLShape) => {
    const box = editor.getShapePageBounds(shape)
    return !!box && bounds.containsPoint(box.center)
  }
  const shapes = editor.getCurrentPageShapes()
  const clusters = shapes.filter(
    (shape): shape is TLFrameShape => isClusterFrame(shape) && within(shape),
  )
  const loose = shapes.filter(
    (shape): shape is TLNoteShape =>
      shape.type === 'note' && !inCluster(editor, shape) && within(shape),
  )
  return { area, parentId: lane.parentId, clusters, loose }
}

function readNotes(
  editor: Editor,
  scope: Extract<ArrangeScope, { kind: 'notes' }>,
): ScopeContents | null {
  const notes = scope.noteIds
    .map((id) => editor.getShape(id))
    .filter((shape): shape is TLNoteShape => shape?.type === 'note')
  if (notes.length === 0) return null
  const clusters = new Map<TLShapeId, TLFrameShape>()
  for (const note of notes) {
    const parent = editor.getShape(note.parentId as TLShapeId)
    if (parent && isClusterFrame(parent)) clusters.set(parent.id, parent as TLFrameShape)
  }
  const firstLoose = notes.find((note) => !inCluster(editor, note))
  const parentId =
    firstLoose?.parentId ?? editor.getShape(notes[0]!.parentId as TLShapeId)?.parentId
  return {
    area: { ...scope.origin, w: scope.width, h: Number.POSITIVE_INFINITY },
    parentId: parentId ?? editor.getCurrentPageId(),
    clusters: [...clusters.values()],
    loose: notes.filter((note) => !inCluster(editor, note)),
  }
}

function inCluster(editor: Editor, note: TLShape): boolean {
  const parent = editor.getShape(note.parentId as TLShapeId)
  return !!parent && isClusterFrame(parent)
}

export function clusterNotes(editor: Editor, cluster: TLShape): TLNoteShape[] {
  return editor
    .getSortedChildIdsForParent(cluster.id)
    .map((id) => editor.getShape(id))
    .filter((shape): shape is TLNoteShape => shape?.type === 'note')
}

/** A note as the layout sees it: unscaled size (tldraw scales 200 + growY) and organisation. */
export function arrangeNote(note: TLNoteShape): ArrangeNote {
  return {
    id: note.id,
    w: 200,
    h: 200 + note.props.growY,
    organisation: noteAuthor(note)?.organisation ?? '',
  }
}

/** How far below the lane's top its heading and question reach (tldraw measures the label). */
function labelBottom(editor: Editor, lane: TLShape): number {
  const geometry = editor.getShapeGeometry(lane) as Geometry2d & { children?: Geometry2d[] }
  const label = geometry.children?.find((child) => child.isLabel)
  return label ? label.bounds.maxY : 120
}
