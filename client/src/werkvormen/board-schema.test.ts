import { bindStoreToDoc, getMeta, getRecordsArray, MetaKey } from '@stip/board'
import {
  boardStartRecords,
  buildTemplateRecords,
  createBoardSchema,
  FIRST_PAGE_ID,
} from '@stip/templates'
import { createTLStore, defaultBindingUtils, defaultShapeUtils } from 'tldraw'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'

const newStore = () =>
  createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })

/** A board doc as the server writes it for a new board (server/src/boards/initial-board-doc.ts). */
function serverWrittenDoc(): Y.Doc {
  const doc = new Y.Doc()
  const records = [
    ...boardStartRecords('nl'),
    ...buildTemplateRecords('gedeelde-waarden', {
      origin: { x: 0, y: 0 },
      locale: 'nl',
      instance: 'start',
      organisations: [{ id: 'ggd', name: 'GGD', color: '#0f7b6c' }],
    }),
  ]
  doc.transact(() => {
    getMeta(doc).set(MetaKey.tldrawSchema, createBoardSchema().serialize())
    getRecordsArray(doc).push(records.map((record) => ({ key: record.id, val: record })))
  })
  return doc
}

describe('the server-written start of a board', () => {
  it('uses the same tldraw schema as the client’s store', () => {
    expect(createBoardSchema().serialize()).toEqual(newStore().schema.serialize())
  })

  it('loads into a tldraw store whole, and the client writes nothing back on binding', () => {
    const doc = serverWrittenDoc()
    const before = Y.encodeStateVector(doc)
    const store = newStore()
    const complaints: string[] = []
    const logger = {
      warn: (_: object, msg?: string) => complaints.push(msg ?? ''),
      error: (_: object, msg?: string) => complaints.push(msg ?? ''),
    }
    const unbind = bindStoreToDoc(store, doc, { logger })
    expect(complaints).toEqual([])
    const shapes = store.allRecords().filter((r) => r.typeName === 'shape')
    expect(shapes.length).toBe(getRecordsArray(doc).length - 2)
    const pages = store.allRecords().filter((r) => r.typeName === 'page')
    expect(pages.map((p) => [p.id, (p as { name: string }).name])).toEqual([
      [FIRST_PAGE_ID, 'Pagina 1'],
    ])
    unbind()
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })
})
