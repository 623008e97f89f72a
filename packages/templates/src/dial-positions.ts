import type { TemplateId } from '@stip/protocol'
import { indexShapes, pageCentre, pageRect } from './page-geometry'
import { readTemplateMeta } from './template-meta'
import type { Label } from './template-spec'

export interface DialPosition {
  templateId: TemplateId
  instance: string
  sectionKey: string
  sectionLabel: Label
  order: number
  organisationId: string
  organisationName: string
  /** 0 = fijnafstemming, 100 = fundamentele omslag; where the marker's centre sits on the scale. */
  percent: number
}

/** Every vijf-knoppen marker's position on its dial's scale, as a whole percentage. */
export function readDialPositions(records: Iterable<unknown>): DialPosition[] {
  const shapes = indexShapes(records)
  const scales = new Map<string, { x: number; w: number }>()
  const lanes = new Map<string, { label: Label; order: number }>()
  const key = (instance: string, section: string | undefined) => `${instance}\u0000${section}`
  for (const shape of shapes.values()) {
    const meta = readTemplateMeta(shape)
    if (meta?.stipPart === 'scale') {
      const rect = pageRect(shapes, shape)
      scales.set(key(meta.stipInstance, meta.stipSection), { x: rect.x, w: rect.w })
    } else if (meta?.stipPart === 'lane' && meta.stipSectionLabel) {
      lanes.set(key(meta.stipInstance, meta.stipSection), {
        label: meta.stipSectionLabel,
        order: meta.stipOrder ?? 0,
      })
    }
  }
  const positions: DialPosition[] = []
  for (const shape of shapes.values()) {
    const meta = readTemplateMeta(shape)
    if (meta?.stipPart !== 'dial-marker' || !meta.stipSection) continue
    const scale = scales.get(key(meta.stipInstance, meta.stipSection))
    if (!scale || scale.w <= 0) continue
    const lane = lanes.get(key(meta.stipInstance, meta.stipSection))
    const centre = pageCentre(shapes, shape)
    const ratio = Math.min(1, Math.max(0, (centre.x - scale.x) / scale.w))
    positions.push({
      templateId: meta.stipTemplate,
      instance: meta.stipInstance,
      sectionKey: meta.stipSection,
      sectionLabel: lane?.label ?? { nl: meta.stipSection, en: meta.stipSection },
      order: lane?.order ?? 0,
      organisationId: meta.stipOrganisation ?? '',
      organisationName: meta.stipOrganisationName ?? meta.stipOrganisation ?? '',
      percent: Math.round(ratio * 100),
    })
  }
  return positions
}
