import { getManifesto } from '@stip/board/doc-layout'
// The container module itself, not the package index (which loads tldraw's store): records must
// be written exactly as the clients' binding writes them. The package exports no subpath for it.
import { createKeyValueContainer, readStoredRecords } from '@stip/board/record-container'
import { restoreManifesto } from '@stip/manifesto/restore'
import { equalityDeep } from 'lib0/function'
import * as Y from 'yjs'
import { docFromSnapshot } from './snapshot-doc'

/**
 * Makes the live document's canvas records and manifesto equal to the snapshot's, as new
 * changes on top of the current state (history is never rewritten), each changed as little as
 * it can be: records one by one, the manifesto as the editor would write it. Signatures, votes and the
 * facilitator's state are left as they are; a signature turns stale when the text differs.
 *
 * The difference is worked out on a copy, through the same key-value container the clients
 * use, and applied to `live` as one update: a YKeyValue attached to the live doc would keep
 * observing it for the rest of the room's life.
 */
export function restoreSnapshot(live: Y.Doc, snapshot: Uint8Array): void {
  const past = docFromSnapshot(snapshot)
  const work = new Y.Doc()
  Y.applyUpdate(work, Y.encodeStateAsUpdate(live))
  const changes: Uint8Array[] = []
  work.on('update', (update: Uint8Array) => changes.push(update))
  work.transact(() => {
    const records = createKeyValueContainer(work)
    const wanted = readStoredRecords(past)
    for (const [id] of records.entries()) if (!wanted.has(id)) records.delete(id)
    for (const [id, value] of wanted) {
      if (!equalityDeep(records.get(id), value)) records.set(id, value as Record<string, unknown>)
    }
    // Edited in place, not replaced: what somebody types into the text meanwhile stays.
    restoreManifesto(getManifesto(work), getManifesto(past))
  })
  for (const change of changes) Y.applyUpdate(live, change)
  work.destroy()
  past.destroy()
}
