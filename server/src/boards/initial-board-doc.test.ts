import { getManifesto, getMeta, getRecordsArray, MetaKey } from '@stip/board/doc-layout'
import { decodeStoredRecord } from '@stip/board/record-container'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initialBoardDoc } from './initial-board-doc'

function open(update: Uint8Array) {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  const records = getRecordsArray(doc)
    .toArray()
    .map(
      (entry) => decodeStoredRecord(entry.val) as { id: string; typeName: string; name?: string },
    )
  return { doc, records }
}

const organisations = [{ id: 'ggd', name: 'GGD', color: '#0f7b6c' }]

describe('initialBoardDoc', () => {
  it('writes the document, a Dutch first page and the tldraw schema for a board without a template', () => {
    const { doc, records } = open(initialBoardDoc({ template: null, organisations: [] }))
    expect(records.map((r) => r.id)).toEqual(['document:document', 'page:page'])
    expect(records[1]?.name).toBe('Pagina 1')
    const schema = getMeta(doc).get(MetaKey.tldrawSchema) as { schemaVersion: number }
    expect(schema.schemaVersion).toBe(2)
  })

  it('adds the werkvorm under stable ids, each as one key-value entry', () => {
    const first = open(initialBoardDoc({ template: 'vijf-knoppen', organisations }))
    const second = open(initialBoardDoc({ template: 'vijf-knoppen', organisations }))
    const ids = first.records.map((r) => r.id)
    expect(ids).toContain('shape:tpl-vijf-knoppen-start-frame')
    expect(ids).toContain('shape:tpl-vijf-knoppen-start-marker-visie-ggd')
    expect(second.records.map((r) => r.id)).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
    for (const entry of getRecordsArray(first.doc).toArray()) {
      // Stored as JSON text, as the clients' binding writes records.
      expect(typeof entry.val).toBe('string')
      expect(entry.key).toBe((decodeStoredRecord(entry.val) as { id: string }).id)
    }
  })

  it('writes the manifesto’s default sections', () => {
    const { doc } = open(initialBoardDoc({ template: 'rondetafel', organisations: [] }))
    expect(getManifesto(doc).length).toBeGreaterThan(0)
  })

  it('writes page, werkvorm and manifesto in English for a board made in the English UI', () => {
    const { doc, records } = open(
      initialBoardDoc({ template: 'gedeelde-waarden', organisations, locale: 'en' }),
    )
    expect(records.find((r) => r.id === 'page:page')?.name).toBe('Page 1')
    const frame = records.find((r) => r.id === 'shape:tpl-gedeelde-waarden-start-frame') as
      | { props?: { name?: string } }
      | undefined
    expect(frame?.props?.name).toBe('Shared values')
    const manifesto = getManifesto(doc).toString()
    expect(manifesto).toContain('Shared values')
    expect(manifesto).not.toContain('Gedeelde waarden')
    const dutch = open(initialBoardDoc({ template: 'gedeelde-waarden', organisations }))
    expect(dutch.records.find((r) => r.id === 'page:page')?.name).toBe('Pagina 1')
  })
})
