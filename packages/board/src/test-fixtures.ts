import type { TLRecord, TLShape, TLShapeId, TLStore } from '@tldraw/tlschema'
import { createTLStore, defaultBindingUtils, defaultShapeUtils } from 'tldraw'

/**
 * Test and benchmark helpers: real tldraw stores in Node. `createTLStore` from 'tldraw'
 * works without a DOM; an `Editor` does not (its TextManager needs `document`).
 */
export function createTestStore(): TLStore {
  return createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
}

/**
 * Adds the default document, page and session records an editor would create on mount.
 * `ensureStoreIsUsable` exists at runtime but is left out of @tldraw/store's typings.
 */
export function makeStoreUsable(store: TLStore): void {
  ;(store as unknown as { ensureStoreIsUsable(): void }).ensureStoreIsUsable()
}

export type ShapeKind = 'geo' | 'note' | 'text'

function richText(text: string) {
  return {
    type: 'doc',
    content: [
      text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' },
    ],
  }
}

const propsByKind = {
  geo: (text: string) => ({
    w: 100,
    h: 100,
    geo: 'rectangle',
    dash: 'draw',
    growY: 0,
    url: '',
    scale: 1,
    flipX: false,
    flipY: false,
    color: 'black',
    labelColor: 'black',
    fill: 'none',
    size: 'm',
    font: 'draw',
    align: 'middle',
    verticalAlign: 'middle',
    richText: richText(text),
  }),
  note: (text: string) => ({
    color: 'yellow',
    richText: richText(text),
    size: 'm',
    font: 'draw',
    align: 'middle',
    verticalAlign: 'middle',
    labelColor: 'black',
    growY: 0,
    fontSizeAdjustment: 1,
    url: '',
    scale: 1,
    textLastEditedBy: null,
  }),
  text: (text: string) => ({
    color: 'black',
    size: 'm',
    w: 8,
    font: 'draw',
    textAlign: 'start',
    autoSize: true,
    scale: 1,
    richText: richText(text),
  }),
}

/** A complete, schema-valid shape record on the default page. */
export function makeShape(
  id: string,
  opts: { kind?: ShapeKind; x?: number; y?: number; text?: string; index?: string } = {},
): TLShape {
  const kind = opts.kind ?? 'geo'
  return {
    id: `shape:${id}` as TLShapeId,
    typeName: 'shape',
    type: kind,
    x: opts.x ?? 0,
    y: opts.y ?? 0,
    rotation: 0,
    index: opts.index ?? 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: propsByKind[kind](opts.text ?? ''),
  } as unknown as TLShape
}

/** Document-scoped records of a store, sorted by id, for deep comparison. */
export function documentRecords(store: TLStore): TLRecord[] {
  return store
    .allRecords()
    .filter((r) => store.scopedTypes.document.has(r.typeName))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
}
