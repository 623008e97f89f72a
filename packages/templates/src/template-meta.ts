import { TEMPLATE_IDS, type TemplateId } from '@stip/protocol'
import type { TLShapeId } from '@tldraw/tlschema'
import type { Label } from './template-spec'

function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value)
}

/** What each template shape is; the lock and the report read it from `shape.meta.stipPart`. */
export type TemplatePart =
  | 'frame'
  | 'lane'
  | 'title'
  | 'prompt'
  | 'scale'
  | 'example'
  | 'dial-marker'

/** Parts the facilitator's lock pins down; notes (including the example) and markers stay free. */
export const LOCKABLE_PARTS: ReadonlySet<TemplatePart> = new Set([
  'frame',
  'lane',
  'title',
  'prompt',
  'scale',
])

/** The meta every template shape carries. */
export interface TemplateMeta {
  stipTemplate: TemplateId
  stipInstance: string
  stipPart: TemplatePart
  stipSection?: string
  /** Lanes: the section's label in both languages, so a report needs no template data. */
  stipSectionLabel?: Label
  /** Lanes: position in the template's reading order. */
  stipOrder?: number
  /** Dial markers: the organisation the marker stands for. */
  stipOrganisation?: string
  stipOrganisationName?: string
}

const PARTS: ReadonlySet<string> = new Set<TemplatePart>([
  'frame',
  'lane',
  'title',
  'prompt',
  'scale',
  'example',
  'dial-marker',
])

/**
 * The template meta of a shape, or undefined for anything that is not part of a template.
 * Any client can write meta, so every field is checked; a malformed optional field is dropped.
 */
export function readTemplateMeta(shape: { meta?: unknown }): TemplateMeta | undefined {
  const meta = shape.meta as Record<string, unknown> | undefined
  if (typeof meta !== 'object' || meta === null) return undefined
  const { stipTemplate, stipInstance, stipPart } = meta
  if (!isTemplateId(stipTemplate) || typeof stipInstance !== 'string') return undefined
  if (typeof stipPart !== 'string' || !PARTS.has(stipPart)) return undefined
  const read: TemplateMeta = { stipTemplate, stipInstance, stipPart: stipPart as TemplatePart }
  const text = (key: 'stipSection' | 'stipOrganisation' | 'stipOrganisationName') => {
    if (typeof meta[key] === 'string') read[key] = meta[key]
  }
  text('stipSection')
  text('stipOrganisation')
  text('stipOrganisationName')
  const label = meta.stipSectionLabel as Partial<Label> | undefined
  if (typeof label?.nl === 'string' && typeof label.en === 'string')
    read.stipSectionLabel = { nl: label.nl, en: label.en }
  if (typeof meta.stipOrder === 'number' && Number.isFinite(meta.stipOrder))
    read.stipOrder = meta.stipOrder
  return read
}

/** `shape:tpl-<template>-<instance>-<element>`: stable for one instance, distinct per insert. */
export function templateShapeId(
  templateId: TemplateId,
  instance: string,
  element: string,
): TLShapeId {
  return `shape:tpl-${templateId}-${instance}-${element}` as TLShapeId
}
