import type { TemplateId } from '@stip/protocol'
import { indexShapes } from './page-geometry'
import { readTemplateMeta } from './template-meta'

export interface TemplateInstance {
  templateId: TemplateId
  instance: string
  frameId: string
  /** The frame's name as shown on the board. */
  name: string
  y: number
  x: number
}

/** The werkvormen on a board, one per frame, top-left first. */
export function listTemplateInstances(records: Iterable<unknown>): TemplateInstance[] {
  const instances: TemplateInstance[] = []
  for (const shape of indexShapes(records).values()) {
    const meta = readTemplateMeta(shape)
    if (meta?.stipPart !== 'frame') continue
    instances.push({
      templateId: meta.stipTemplate,
      instance: meta.stipInstance,
      frameId: shape.id,
      name: typeof shape.props.name === 'string' ? shape.props.name : meta.stipTemplate,
      x: shape.x,
      y: shape.y,
    })
  }
  return instances.sort((a, b) => a.y - b.y || a.x - b.x)
}
