import { describe, expect, it } from 'vitest'
import { buildTemplateRecords } from './build-template-records'
import { readDialPositions } from './dial-positions'
import { locateNotes } from './locate-notes'
import { listTemplateInstances } from './template-instances'
import { readTemplateMeta } from './template-meta'

const origin = { x: 500, y: 300 }
const template = buildTemplateRecords('hebben-zaaien', {
  origin,
  locale: 'nl',
  instance: 'i1',
  organisations: [],
})
const lane = (key: string) => {
  const found = template.find((r) => readTemplateMeta(r)?.stipSection === key && r.type === 'geo')
  if (!found) throw new Error(`no lane ${key}`)
  return found as typeof found & { props: { w: number; h: number } }
}

/** A note as the board writes one; `x`/`y` are in its parent's coordinates. */
const note = (id: string, x: number, y: number, parentId = 'page:page') => ({
  id: `shape:${id}`,
  typeName: 'shape',
  type: 'note',
  parentId,
  x,
  y,
  rotation: 0,
  props: { scale: 1, growY: 0 },
  meta: { authorName: 'An', organisation: 'GGD' },
})

describe('locateNotes', () => {
  it('places a page-level note in the lane under its centre', () => {
    const hebben = lane('hebben')
    const placed = locateNotes([
      ...template,
      note('a', origin.x + hebben.x + 300, origin.y + hebben.y + 400),
    ])
    expect(placed).toEqual([
      expect.objectContaining({
        kind: 'placed',
        templateId: 'hebben-zaaien',
        instance: 'i1',
        sectionKey: 'hebben',
        sectionLabel: { nl: 'Wat hebben we al', en: 'What we already have' },
      }),
    ])
  })

  it('places a note parented to the template frame by its page position', () => {
    const zaaien = lane('zaaien')
    const [placed] = locateNotes([
      ...template,
      note('b', zaaien.x + 50, zaaien.y + 300, 'shape:tpl-hebben-zaaien-i1-frame'),
    ])
    expect(placed).toMatchObject({ kind: 'placed', sectionKey: 'zaaien' })
  })

  it('walks nested frames, including a rotated one, to find the page position', () => {
    const zaaien = lane('zaaien')
    const target = { x: origin.x + zaaien.x + 200, y: origin.y + zaaien.y + 500 }
    const outer = {
      id: 'shape:outer',
      typeName: 'shape',
      type: 'frame',
      parentId: 'page:page',
      x: target.x - 400,
      y: target.y - 400,
      rotation: 0,
      props: { w: 800, h: 800 },
      meta: {},
    }
    // Rotated a quarter turn: its local (100, -300) lands at page (outer + 300, outer + 100).
    const inner = { ...outer, id: 'shape:inner', parentId: 'shape:outer', x: 100, y: 300 }
    const rotated = { ...inner, rotation: Math.PI / 2 }
    // The note's centre should end at `target`, i.e. outer-local (400, 400).
    const placedStraight = locateNotes([
      ...template,
      outer,
      inner,
      note('c', 400 - 100 - 100, 400 - 300 - 100, 'shape:inner'),
    ])
    expect(placedStraight[0]).toMatchObject({ kind: 'placed', sectionKey: 'zaaien' })
    // In the rotated frame, local (a, b) maps to (100 - b, 300 + a): a = 100, b = -300.
    const placedRotated = locateNotes([
      ...template,
      outer,
      rotated,
      note('d', 100 - 100, -300 - 100, 'shape:inner'),
    ])
    expect(placedRotated[0]).toMatchObject({ kind: 'placed', sectionKey: 'zaaien' })
  })

  it('skips records that are not shapes and reads a note without props or meta as a plain note', () => {
    const bare = {
      id: 'shape:bare',
      typeName: 'shape',
      type: 'note',
      parentId: 'page:page',
      x: 0,
      y: 0,
    }
    const placed = locateNotes([...template, bare, null, 42, { typeName: 'shape' }])
    expect(placed).toEqual([expect.objectContaining({ kind: 'unplaced' })])
    expect(placed[0]?.note.meta).toEqual({})
  })

  it('calls a note outside every lane unplaced and leaves out the example note', () => {
    const placed = locateNotes([...template, note('e', origin.x - 1000, origin.y)])
    expect(placed).toEqual([expect.objectContaining({ kind: 'unplaced' })])
  })
})

describe('readDialPositions', () => {
  it('reads each marker as a percentage of its dial from fijnafstemming to fundamentele omslag', () => {
    const records = buildTemplateRecords('vijf-knoppen', {
      origin: { x: 0, y: 0 },
      locale: 'nl',
      instance: 'k',
      organisations: [{ id: 'ggd', name: 'GGD', color: '#0f7b6c' }],
    })
    expect(readDialPositions(records).map((p) => p.percent)).toEqual([50, 50, 50, 50, 50])
    const scale = records.find(
      (r) =>
        readTemplateMeta(r)?.stipPart === 'scale' && readTemplateMeta(r)?.stipSection === 'visie',
    ) as { x: number; props: { w: number } }
    const frame = records[0]!
    const moved = records.map((r) => {
      const meta = readTemplateMeta(r)
      if (meta?.stipPart !== 'dial-marker' || meta.stipSection !== 'visie') return r
      const w = (r.props as { w: number }).w
      return { ...r, x: frame.x + scale.x + scale.props.w * 0.8 - w / 2 }
    })
    const visie = readDialPositions(moved).find((p) => p.sectionKey === 'visie')
    expect(visie).toMatchObject({
      organisationId: 'ggd',
      organisationName: 'GGD',
      percent: 80,
      sectionLabel: { nl: 'Visie voor lange en korte termijn' },
    })
  })
})

describe('listTemplateInstances', () => {
  it('lists each inserted werkvorm once with its frame', () => {
    const second = buildTemplateRecords('rode-draden', {
      origin: { x: 5000, y: 0 },
      locale: 'nl',
      instance: 'i2',
      organisations: [],
    })
    expect(listTemplateInstances([...template, ...second])).toEqual([
      expect.objectContaining({
        templateId: 'rode-draden',
        instance: 'i2',
        name: 'Drie rode draden',
      }),
      expect.objectContaining({ templateId: 'hebben-zaaien', instance: 'i1' }),
    ])
  })
})

describe('reading template meta written by any client', () => {
  it('ignores shapes with an unknown template or part and drops malformed labels', () => {
    const lane = template.find((r) => readTemplateMeta(r)?.stipPart === 'lane')!
    const forged = [
      { ...lane, id: 'shape:f1', meta: { ...lane.meta, stipTemplate: 'nope' } },
      { ...lane, id: 'shape:f2', meta: { ...lane.meta, stipPart: 'anything' } },
    ]
    for (const shape of forged) expect(readTemplateMeta(shape)).toBeUndefined()
    const odd = { ...lane, meta: { ...lane.meta, stipSectionLabel: 'x', stipOrder: 'first' } }
    expect(readTemplateMeta(odd)).toEqual({
      stipTemplate: 'hebben-zaaien',
      stipInstance: 'i1',
      stipPart: 'lane',
      stipSection: 'opgave',
    })
  })
})
