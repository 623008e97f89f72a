import { TEMPLATE_IDS } from '@stip/protocol'
import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { createBoardSchema } from './board-schema'
import { buildTemplateRecords } from './build-template-records'
import { TEMPLATES } from './template-catalogue'
import { readTemplateMeta } from './template-meta'
import { sectionKeys, type TemplateOrganisation } from './template-spec'

const schema = createBoardSchema()
const organisations: TemplateOrganisation[] = [
  { id: 'gemeente', name: 'Gemeente', color: '#1f5fa8' },
  { id: 'ggd', name: 'GGD', color: '#0f7b6c' },
  { id: 'woningcorporatie', name: 'Woningcorporatie', color: '#8a3fa0' },
]
const build = (id: (typeof TEMPLATE_IDS)[number], instance = 'one', orgs = organisations) =>
  buildTemplateRecords(id, {
    origin: { x: 100, y: 50 },
    locale: 'nl',
    instance,
    organisations: orgs,
  })

/** The page and document the records hang under, so the store sees a complete board. */
function validateAll(records: unknown[]) {
  for (const record of records) schema.types.shape.validate(record)
}

describe.each(TEMPLATE_IDS)('template %s', (id) => {
  it('builds shape records that tldraw accepts, in Dutch and in English', () => {
    for (const locale of ['nl', 'en'] as const) {
      for (const orgs of [organisations, []]) {
        const records = buildTemplateRecords(id, {
          origin: { x: 0, y: 0 },
          locale,
          instance: 'x',
          organisations: orgs,
        })
        expect(records.length).toBeGreaterThan(4)
        expect(() => validateAll(records)).not.toThrow()
      }
    }
  })

  it('draws every lane it declares, with its Dutch and English label in the meta', () => {
    for (const orgs of [organisations, []]) {
      const records = build(id, 'one', orgs)
      const lanes = records.filter((r) => readTemplateMeta(r)?.stipPart === 'lane')
      expect(lanes.map((lane) => readTemplateMeta(lane)?.stipSection)).toEqual(
        sectionKeys(TEMPLATES[id], orgs),
      )
      for (const lane of lanes) {
        const label = readTemplateMeta(lane)?.stipSectionLabel
        expect(label?.nl).toBeTruthy()
        expect(label?.en).toBeTruthy()
      }
    }
  })

  it('has a frame, a title, one example note and lanes that fit inside the frame', () => {
    const records = build(id)
    const parts = records.map((r) => readTemplateMeta(r)?.stipPart)
    expect(parts.filter((p) => p === 'frame')).toHaveLength(1)
    expect(parts.filter((p) => p === 'title')).toHaveLength(1)
    expect(records.filter((r) => r.type === 'note')).toHaveLength(1)
    const frame = records.find((r) => r.type === 'frame') as TLRecord & {
      props: { w: number; h: number }
    }
    for (const lane of records.filter((r) => readTemplateMeta(r)?.stipPart === 'lane')) {
      const { w, h } = lane.props as { w: number; h: number }
      expect(lane.x + w).toBeLessThanOrEqual(frame.props.w)
      expect(lane.y + h).toBeLessThanOrEqual(frame.props.h)
    }
  })

  it('keeps its ids stable across calls and distinct for a second instance', () => {
    const first = build(id).map((r) => r.id)
    expect(build(id).map((r) => r.id)).toEqual(first)
    expect(new Set(first).size).toBe(first.length)
    const second = build(id, 'two').map((r) => r.id)
    expect(second.some((shapeId) => first.includes(shapeId))).toBe(false)
    for (const shapeId of first) expect(shapeId.startsWith(`shape:tpl-${id}-one-`)).toBe(true)
  })

  it('gives sibling shapes distinct index keys', () => {
    const byParent = new Map<string, string[]>()
    for (const record of build(id)) {
      const list = byParent.get(record.parentId) ?? []
      list.push(record.index)
      byParent.set(record.parentId, list)
    }
    for (const indices of byParent.values()) {
      expect(new Set(indices).size).toBe(indices.length)
      expect([...indices].sort()).toEqual(indices)
    }
  })
})

describe('the werkvormen in detail', () => {
  const texts = (records: ReturnType<typeof build>) =>
    JSON.stringify(records.map((r) => (r.props as { richText?: unknown }).richText))

  it('writes the three ranking questions of step D on the ambities-2040 board', () => {
    const written = texts(build('ambities-2040'))
    expect(written).toContain('Gaat het de goede kant op?')
    expect(written).toContain('Is het een flexibel platform om op verder te bouwen?')
    expect(written).toContain('Levert het genoeg op voor wat het kost?')
    const lanes = build('ambities-2040').filter((r) => readTemplateMeta(r)?.stipPart === 'lane')
    expect(lanes.map((l) => readTemplateMeta(l)?.stipSectionLabel?.nl.slice(0, 1))).toEqual([
      'A',
      'B',
      'C',
      'D',
    ])
  })

  it('gives vijf-knoppen one marker per organisation on each of its five dials', () => {
    const records = build('vijf-knoppen')
    const markers = records.filter((r) => readTemplateMeta(r)?.stipPart === 'dial-marker')
    expect(markers).toHaveLength(5 * organisations.length)
    for (const marker of markers) {
      expect(marker.parentId).toBe('page:page')
      expect(readTemplateMeta(marker)?.stipOrganisation).toBeTruthy()
    }
    expect(records.filter((r) => readTemplateMeta(r)?.stipPart === 'scale')).toHaveLength(5)
    expect(texts(records)).toContain('Fundamentele omslag')
  })

  it('gives vijf-knoppen one general marker per dial when the board names no organisations', () => {
    const markers = build('vijf-knoppen', 'one', []).filter(
      (r) => readTemplateMeta(r)?.stipPart === 'dial-marker',
    )
    expect(markers).toHaveLength(5)
  })

  it('gives gedeelde-waarden one value lane per organisation and a place to meet', () => {
    const keys = sectionKeys(TEMPLATES['gedeelde-waarden'], organisations)
    expect(keys).toEqual([
      'org-gemeente',
      'org-ggd',
      'org-woningcorporatie',
      'waar-we-elkaar-vinden',
    ])
    expect(sectionKeys(TEMPLATES['gedeelde-waarden'], [])).toEqual([
      'waarden',
      'waar-we-elkaar-vinden',
    ])
  })

  it('opens rondetafel with a hartenkreet strip above its four questions', () => {
    expect(sectionKeys(TEMPLATES.rondetafel, [])).toEqual([
      'hartenkreet',
      'opgave',
      'succes',
      'kansen',
      'perspectief',
    ])
  })

  it('writes English labels when asked for English', () => {
    const written = texts(
      buildTemplateRecords('hebben-zaaien', {
        origin: { x: 0, y: 0 },
        locale: 'en',
        instance: 'a',
        organisations: [],
      }),
    )
    expect(written).toContain('What we already have')
    expect(written).not.toContain('Wat hebben we al')
  })
})
