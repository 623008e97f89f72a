import { createKeyValueContainer, readStoredRecords } from '@stip/board/record-container'
import type * as Y from 'yjs'
import type { BoardClient } from './clients'

export type StoredShape = {
  id: string
  type: string
  parentId: string
  x: number
  y: number
  props: Record<string, unknown>
  meta: Record<string, unknown>
}

export function recordsOf(doc: Y.Doc): Map<string, StoredShape> {
  return readStoredRecords(doc) as Map<string, StoredShape>
}

/** The page rectangle of a template lane (lanes hang directly under their frame). */
export function laneRect(doc: Y.Doc, section: string) {
  const records = recordsOf(doc)
  const lane = [...records.values()].find(
    (r) => r.meta?.stipPart === 'lane' && r.meta.stipSection === section,
  )
  if (!lane) throw new Error(`no lane ${section}`)
  const frame = records.get(lane.parentId)!
  return {
    x: frame.x + lane.x,
    y: frame.y + lane.y,
    w: lane.props.w as number,
    h: lane.props.h as number,
  }
}

let noteCounter = 0

/** A full tldraw note record, as the browser's binding writes it (`at` in its parent's space). */
export function noteRecord(
  at: { x: number; y: number },
  text: string,
  meta: Record<string, unknown>,
  parentId = 'page:page',
) {
  const id = `shape:note-${++noteCounter}`
  return {
    id,
    typeName: 'shape',
    type: 'note',
    parentId,
    index: `a${noteCounter}`,
    x: at.x,
    y: at.y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta,
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 1,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
      textLastEditedBy: null,
      richText: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
      },
    },
  }
}

/** Adds a note in the key-value log; returns its id. */
export function addNote(
  client: BoardClient,
  at: { x: number; y: number },
  text: string,
  meta: Record<string, unknown>,
  parentId?: string,
): string {
  const record = noteRecord(at, text, meta, parentId)
  client.doc.transact(() => createKeyValueContainer(client.doc).set(record.id, record))
  return record.id
}
