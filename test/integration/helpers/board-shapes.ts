import { createKeyValueContainer } from '@stip/board/record-container'
import type * as Y from 'yjs'

/** A schema-valid tldraw 5 note record, as the client's binding stores it. */
export function noteRecord(
  id: string,
  text: string,
  options: { parentId?: string; x?: number; y?: number; meta?: Record<string, unknown> } = {},
): Record<string, unknown> {
  return {
    id,
    typeName: 'shape',
    type: 'note',
    x: options.x ?? 40,
    y: options.y ?? 120,
    rotation: 0,
    index: 'a9',
    parentId: options.parentId ?? 'page:page',
    isLocked: false,
    opacity: 1,
    meta: options.meta ?? {},
    props: {
      color: 'yellow',
      richText: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
      },
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
    },
  }
}

/** Reads and writes a client's tldraw records through the same key-value log the browser uses. */
export function recordsOf(doc: Y.Doc) {
  const container = createKeyValueContainer(doc)
  return {
    get: (id: string) => container.get(id) as Record<string, unknown> | undefined,
    set: (record: Record<string, unknown>) =>
      doc.transact(() => container.set(record.id as string, record)),
    delete: (id: string) => doc.transact(() => container.delete(id)),
    ids: () => container.entries().map(([id]) => id),
  }
}
