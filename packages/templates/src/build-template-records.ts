import type { TemplateId } from '@stip/protocol'
import type { TLParentId, TLShape } from '@tldraw/tlschema'
import { indexKeyAt } from './index-keys'
import { laneLabelHeight } from './lane-label'
import { nearestColor } from './nearest-color'
import { frameRecord, geoRecord, noteRecord, richText, textRecord } from './shape-records'
import { TEMPLATES } from './template-catalogue'
import { type TemplateMeta, type TemplatePart, templateShapeId } from './template-meta'
import {
  DIAL_ENDS,
  type Locale,
  type SectionSpec,
  type TemplateOrganisation,
  type TemplateSpec,
} from './template-spec'

export interface BuildOptions {
  /** Top-left of the template's frame in the parent's coordinates. */
  origin: { x: number; y: number }
  locale: Locale
  /** Distinguishes two inserts of the same template on one board. */
  instance: string
  organisations: readonly TemplateOrganisation[]
  parentId?: TLParentId
}

const PADDING = 56
const GAP = 32
const ROWS_TOP = 270
const NOTE_SIZE = 200
/** Dial lanes keep this much room on their right for notes that explain a choice. */
const DIAL_NOTE_ROOM = 320

interface Lane {
  section: SectionSpec
  x: number
  y: number
  w: number
  h: number
}

/**
 * The werkvorm as plain tldraw shape records: a frame with a title, an introduction and one
 * light lane per section (with its question), an example note, and for vijf-knoppen a scale
 * per dial with one marker per organisation. Markers sit beside the frame (same parent) so
 * they stay draggable when the frame is locked.
 */
export function buildTemplateRecords(templateId: TemplateId, options: BuildOptions): TLShape[] {
  const spec = TEMPLATES[templateId]
  const { origin, locale, instance } = options
  const parentId = options.parentId ?? ('page:page' as TLParentId)
  const id = (element: string) => templateShapeId(templateId, instance, element)
  const frameId = id('frame')
  const meta = (part: TemplatePart, extra: Partial<TemplateMeta> = {}): TLShape['meta'] =>
    ({
      stipTemplate: templateId,
      stipInstance: instance,
      stipPart: part,
      ...extra,
    }) as unknown as TLShape['meta']

  const lanes = layoutLanes(spec, options.organisations)
  const height = Math.max(...lanes.map((lane) => lane.y + lane.h)) + PADDING
  let childIndex = 0
  const inFrame: InFrame = (element, x, y, part, extra = {}) => ({
    id: id(element),
    parentId: frameId,
    index: indexKeyAt(++childIndex),
    x,
    y,
    meta: meta(part, extra),
  })

  const records: TLShape[] = [
    frameRecord(
      {
        id: frameId,
        parentId,
        index: indexKeyAt(1),
        x: origin.x,
        y: origin.y,
        meta: meta('frame'),
      },
      { w: spec.width, h: height, name: spec.title[locale] },
    ),
    textRecord(inFrame('title', PADDING, PADDING, 'title'), {
      w: spec.width - 2 * PADDING,
      text: richText('', spec.title[locale]),
      size: 'xl',
    }),
    textRecord(inFrame('intro', PADDING, PADDING + 90, 'prompt'), {
      w: Math.min(spec.width - 2 * PADDING, 1500),
      text: richText(spec.intro[locale]),
      size: 'm',
    }),
  ]

  lanes.forEach((lane, order) => {
    const { section } = lane
    const sectionMeta = {
      stipSection: section.key,
      stipSectionLabel: section.label,
      stipOrder: order,
    }
    records.push(
      geoRecord(inFrame(`lane-${section.key}`, lane.x, lane.y, 'lane', sectionMeta), {
        w: lane.w,
        h: lane.h,
        color: section.color,
        text: richText(section.prompt[locale], section.label[locale]),
        size: 'm',
      }),
    )
    if (section.kind === 'dial') records.push(...dialScale(lane, locale, inFrame))
  })

  const exampleLane = lanes.find((lane) => lane.section.key === spec.example.section) ?? lanes[0]!
  const exampleAt =
    exampleLane.section.kind === 'dial'
      ? { x: exampleLane.x + exampleLane.w - NOTE_SIZE - 60, y: exampleLane.y + 90 }
      : { x: exampleLane.x + 40, y: exampleLane.y + labelHeight(exampleLane, locale) }
  records.push(
    noteRecord(
      inFrame('example', exampleAt.x, exampleAt.y, 'example', {
        stipSection: exampleLane.section.key,
      }),
      richText(spec.example.text[locale]),
    ),
  )

  let pageIndex = 1
  for (const lane of lanes) {
    if (lane.section.kind !== 'dial') continue
    const markers =
      options.organisations.length > 0 ? options.organisations : [generalMarker(locale)]
    markers.forEach((organisation, row) => {
      const w = Math.min(320, Math.max(130, 56 + organisation.name.length * 11))
      const track = trackOf(lane)
      records.push(
        geoRecord(
          {
            id: id(`marker-${lane.section.key}-${organisation.id}`),
            parentId,
            index: indexKeyAt(++pageIndex),
            x: origin.x + track.x + track.w / 2 - w / 2,
            y: origin.y + lane.y + 172 + row * 46,
            meta: meta('dial-marker', {
              stipSection: lane.section.key,
              stipOrganisation: organisation.id,
              stipOrganisationName: organisation.name,
            }),
          },
          {
            w,
            h: 40,
            geo: 'oval',
            color: nearestColor(organisation.color),
            fill: 'solid',
            size: 's',
            align: 'middle',
            verticalAlign: 'middle',
            text: richText(organisation.name),
          },
        ),
      )
    })
  }
  return records
}

/** The frame's id for one instance; the lock and "zoom to" start from it. */
export function templateFrameId(templateId: TemplateId, instance: string) {
  return templateShapeId(templateId, instance, 'frame')
}

function layoutLanes(spec: TemplateSpec, organisations: readonly TemplateOrganisation[]): Lane[] {
  const inner = spec.width - 2 * PADDING
  const lanes: Lane[] = []
  let y = ROWS_TOP
  for (const row of spec.rows(organisations)) {
    const spans = row.sections.reduce((sum, section) => sum + (section.span ?? 1), 0)
    const columns = Math.max(row.columns ?? spans, spans)
    const unit = (inner - (columns - 1) * GAP) / columns
    let x = PADDING
    for (const section of row.sections) {
      const span = section.span ?? 1
      const w = span * unit + (span - 1) * GAP
      lanes.push({ section, x, y, w, h: row.height })
      x += w + GAP
    }
    y += row.height + GAP
  }
  return lanes
}

function labelHeight(lane: Lane, locale: Locale): number {
  return laneLabelHeight(lane.w, [
    lane.section.label[locale],
    ...lane.section.prompt[locale].split('\n'),
  ])
}

function trackOf(lane: Lane) {
  return { x: lane.x + 60, y: lane.y + 140, w: lane.w - 120 - DIAL_NOTE_ROOM }
}

type InFrame = (
  element: string,
  x: number,
  y: number,
  part: TemplatePart,
  extra?: Partial<TemplateMeta>,
) => Parameters<typeof textRecord>[0]

/** The scale of one dial: a bar with "fijnafstemming" on its left and "fundamentele omslag" on its right. */
function dialScale(lane: Lane, locale: Locale, inFrame: InFrame): TLShape[] {
  const track = trackOf(lane)
  const section = { stipSection: lane.section.key }
  const endWidth = 360
  return [
    geoRecord(inFrame(`scale-${lane.section.key}`, track.x, track.y, 'scale', section), {
      w: track.w,
      h: 12,
      color: 'grey',
      fill: 'fill',
      text: richText(''),
    }),
    textRecord(inFrame(`scale-${lane.section.key}-low`, track.x, track.y - 44, 'prompt', section), {
      w: endWidth,
      text: richText(`◀ ${DIAL_ENDS.low[locale]}`),
      size: 's',
    }),
    textRecord(
      inFrame(
        `scale-${lane.section.key}-high`,
        track.x + track.w - endWidth,
        track.y - 44,
        'prompt',
        section,
      ),
      { w: endWidth, text: richText(`${DIAL_ENDS.high[locale]} ▶`), size: 's', textAlign: 'end' },
    ),
  ]
}

function generalMarker(locale: Locale): TemplateOrganisation {
  return {
    id: 'algemeen',
    name: locale === 'nl' ? 'Onze positie' : 'Our position',
    color: '#475569',
  }
}
