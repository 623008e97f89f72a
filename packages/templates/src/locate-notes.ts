import type { TemplateId } from '@stip/protocol'
import {
  contains,
  indexShapes,
  pageCentre,
  pageRect,
  type Rect,
  type ShapeLike,
} from './page-geometry'
import { isPromotedCopy } from './promoted-copy'
import { readTemplateMeta, type TemplateMeta } from './template-meta'
import type { Label } from './template-spec'

export type NotePlacement =
  | {
      kind: 'placed'
      note: ShapeLike
      templateId: TemplateId
      instance: string
      sectionKey: string
      sectionLabel: Label
      /** The lane's place in its template's reading order. */
      order: number
    }
  | { kind: 'unplaced'; note: ShapeLike }

interface LaneArea {
  meta: TemplateMeta
  rect: Rect
}

/**
 * Which template section each note sits in, judged by the note's centre in page
 * coordinates (notes may hang under a frame or straight under the page). The example note a
 * template ships with is left out, and so are the copies a vote promoted (their originals count). Where lanes overlap, the smallest wins.
 */
export function locateNotes(records: Iterable<unknown>): NotePlacement[] {
  const shapes = indexShapes(records)
  const lanes = laneAreas(shapes)
  const placements: NotePlacement[] = []
  for (const shape of shapes.values()) {
    if (shape.type !== 'note' || readTemplateMeta(shape)?.stipPart === 'example') continue
    if (isPromotedCopy(shape)) continue
    const centre = pageCentre(shapes, shape)
    const lane = lanes
      .filter((candidate) => contains(candidate.rect, centre))
      .sort((a, b) => a.rect.w * a.rect.h - b.rect.w * b.rect.h)[0]
    if (!lane) {
      placements.push({ kind: 'unplaced', note: shape })
      continue
    }
    placements.push({
      kind: 'placed',
      note: shape,
      templateId: lane.meta.stipTemplate,
      instance: lane.meta.stipInstance,
      sectionKey: lane.meta.stipSection ?? '',
      sectionLabel: lane.meta.stipSectionLabel ?? {
        nl: lane.meta.stipSection ?? '',
        en: lane.meta.stipSection ?? '',
      },
      order: lane.meta.stipOrder ?? 0,
    })
  }
  return placements
}

function laneAreas(shapes: ReadonlyMap<string, ShapeLike>): LaneArea[] {
  const lanes: LaneArea[] = []
  for (const shape of shapes.values()) {
    const meta = readTemplateMeta(shape)
    if (meta?.stipPart === 'lane') lanes.push({ meta, rect: pageRect(shapes, shape) })
  }
  return lanes
}
