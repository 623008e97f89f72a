import { boardStartRecords, buildTemplateRecords, FIRST_PAGE_ID } from '@stip/templates'
import {
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type Editor,
  PageRecordType,
  type TLNoteShape,
  type TLPageId,
  type TLParentId,
  type TLRecord,
  type TLShape,
  type TLShapeId,
  toRichText,
} from 'tldraw'
import { describe, expect, it } from 'vitest'
import { templateShapesOf } from './template-shapes'

const OTHER_PAGE = 'page:other' as TLPageId

function note(i: number): TLNoteShape {
  return {
    id: `shape:note-${i}` as TLShapeId,
    typeName: 'shape',
    type: 'note',
    x: (i % 50) * 240,
    y: 2000 + Math.floor(i / 50) * 240,
    rotation: 0,
    // Fractional indices in creation order (see test/bench/browser/board-shapes.ts).
    index: `a1${i.toString(36).padStart(4, '0')}V` as TLNoteShape['index'],
    parentId: FIRST_PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      richText: toRichText(`Idee ${i}`),
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      labelColor: 'black',
      growY: 0,
      url: '',
      scale: 1,
      color: 'yellow',
      fontSizeAdjustment: 1,
      textLastEditedBy: null,
    },
  } as TLNoteShape
}

const werkvorm = (instance: string, parentId: TLParentId) =>
  buildTemplateRecords('gedeelde-waarden', {
    origin: { x: 0, y: 0 },
    locale: 'nl',
    instance,
    organisations: [{ id: 'ggd', name: 'GGD', color: '#0f7b6c' }],
    parentId,
  })

/**
 * A store with a werkvorm and `notes` notes on the first page and another werkvorm on a second
 * page, and the three editor methods the reading uses; `pageReads` counts its recomputations
 * (each one asks for the current page once).
 */
function board(notes: number) {
  const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
  const here = werkvorm('hier', FIRST_PAGE_ID)
  const records: TLRecord[] = [
    ...boardStartRecords('nl'),
    PageRecordType.create({ id: OTHER_PAGE, name: 'Twee', index: 'a2' as never }),
    ...here,
    ...werkvorm('elders', OTHER_PAGE),
    ...Array.from({ length: notes }, (_, i) => note(i)),
  ]
  store.put(records)
  const counts = { pageReads: 0 }
  const editor = {
    store,
    getCurrentPageId: () => {
      counts.pageReads++
      return FIRST_PAGE_ID
    },
    getAncestorPageId: (shape: TLShape) => {
      let parent: TLParentId = shape.parentId
      while (parent.startsWith('shape:')) {
        parent = (store.get(parent as TLShapeId) as TLShape).parentId
      }
      return parent
    },
  } as unknown as Editor
  return { store, editor, counts, here }
}

const ids = (shapes: readonly TLShape[]) => shapes.map((shape) => shape.id).sort()

describe('the werkvorm parts on the current page', () => {
  it('are every shape of the werkvorm on this page, no note and nothing of another page', () => {
    const { editor, here } = board(20)
    expect(ids(templateShapesOf(editor))).toEqual(ids(here))
  })

  it('are not read again when a note moves, and are when a part moves', () => {
    const { store, editor, counts, here } = board(2000)
    const first = templateShapesOf(editor)
    const readsAfterFirst = counts.pageReads
    for (let i = 0; i < 100; i++) {
      const id = `shape:note-${i}` as TLShapeId
      store.update(id, (shape) => ({ ...shape, x: shape.x + 10 }))
      expect(templateShapesOf(editor)).toBe(first)
    }
    expect(counts.pageReads).toBe(readsAfterFirst)

    const lane = here.find((shape) => shape.meta.stipPart === 'lane')
    if (!lane) throw new Error('the werkvorm has no lane')
    store.update(lane.id, (shape) => ({ ...shape, x: shape.x + 10 }))
    const after = templateShapesOf(editor)
    expect(counts.pageReads).toBe(readsAfterFirst + 1)
    expect(after).not.toBe(first)
    expect(after.find((shape) => shape.id === lane.id)?.x).toBe(lane.x + 10)
  })
})
