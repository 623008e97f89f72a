import { getManifesto, getMeta, MetaKey } from '@stip/board/doc-layout'
import { createKeyValueContainer } from '@stip/board/record-container'
import { writeDefaultManifesto } from '@stip/manifesto'
import type { TemplateId } from '@stip/protocol'
import {
  boardStartRecords,
  buildTemplateRecords,
  createBoardSchema,
  type Locale,
  type TemplateOrganisation,
} from '@stip/templates'
import * as Y from 'yjs'

/** The instance name of the werkvorm a board starts with (later inserts get random ones). */
export const START_INSTANCE = 'start'

// Creating a tldraw schema costs 10–18 ms; one serves every board.
let serializedSchema: ReturnType<ReturnType<typeof createBoardSchema>['serialize']> | undefined

/**
 * The first Yjs update of a new board, written by the server so that two clients opening the
 * board at once never insert the template twice: tldraw's document record and first page
 * (same ids as a client makes), the schema the records were written with, the werkvorm's
 * shapes, and the manifesto's default sections, all in the language the board was made in.
 */
export function initialBoardDoc(options: {
  template: TemplateId | null
  organisations: readonly TemplateOrganisation[]
  locale?: Locale
}): Uint8Array {
  const locale = options.locale ?? 'nl'
  serializedSchema ??= createBoardSchema().serialize()
  const doc = new Y.Doc()
  const records = [
    ...boardStartRecords(locale),
    ...(options.template
      ? buildTemplateRecords(options.template, {
          origin: { x: 0, y: 0 },
          locale,
          instance: START_INSTANCE,
          organisations: options.organisations,
        })
      : []),
  ]
  doc.transact(() => {
    getMeta(doc).set(MetaKey.tldrawSchema, serializedSchema)
    // The same key-value log the client's binding writes (record-container.ts).
    const container = createKeyValueContainer(doc)
    for (const record of records)
      container.set(record.id, record as unknown as Record<string, unknown>)
    writeDefaultManifesto(getManifesto(doc), locale)
  })
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}
