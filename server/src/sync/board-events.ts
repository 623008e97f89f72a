import { FacilitatorKey, getFacilitator } from '@stip/board/doc-model'
import type { Role } from '@stip/protocol'
import type * as Y from 'yjs'
import { originOf } from './origins'

/** A consequential change made through the shared document rather than an HTTP route. */
export type BoardEvent = {
  kind: 'manifesto-frozen' | 'manifesto-unfrozen'
  /** The role of the connection that made it; 'server' for a restore or a server change. */
  role: Role | 'server'
  organisation: string | null
}

/**
 * Watches a live board's facilitator map and reports freezing and unfreezing of the manifesto.
 * Changes relayed from another instance are not reported: that instance reported them. The
 * observer lives as long as the doc (destroyed with it).
 */
export function observeBoardEvents(doc: Y.Doc, report: (event: BoardEvent) => void): void {
  const facilitator = getFacilitator(doc)
  facilitator.observe((event) => {
    if (!event.keysChanged.has(FacilitatorKey.manifestoFrozen)) return
    const origin = originOf(event.transaction.origin)
    if (origin === null || origin.kind === 'backplane') return
    const frozen = facilitator.get(FacilitatorKey.manifestoFrozen) === true
    const wasFrozen = event.changes.keys.get(FacilitatorKey.manifestoFrozen)?.oldValue === true
    if (frozen === wasFrozen) return
    const session = origin.kind === 'connection' ? origin.session : null
    report({
      kind: frozen ? 'manifesto-frozen' : 'manifesto-unfrozen',
      role: session?.role ?? 'server',
      organisation: session?.signsFor ?? null,
    })
  })
}
