// The layout alone: the package's index would load tldraw's store into the server.
import { DOC_TYPE_NAMES, getFacilitator } from '@stip/board/doc-layout'
import { MANIFESTO_FROZEN_KEY } from '@stip/manifesto'
import type { Role } from '@stip/protocol'
import type * as Y from 'yjs'
import { changesNothing, rootsTouchedBy } from '../sync/update-guard'

/** Top-level types only the facilitator may change: organisations and the session state (timer, step, locks, votes' phase, freeze). */
export const FACILITATOR_ONLY_ROOTS: ReadonlySet<string> = new Set([
  DOC_TYPE_NAMES.organisations,
  DOC_TYPE_NAMES.facilitator,
])

/**
 * Top-level types no client may change, whatever its role: signatures are written by the
 * server alone (POST /signatures), after it checked the signing link and the text's hash.
 */
export const SERVER_ONLY_ROOTS: ReadonlySet<string> = new Set([DOC_TYPE_NAMES.signatures])

/**
 * Whether `role` may apply `update` to `doc`: null when allowed, else the reason to refuse.
 * Viewers may only send what changes nothing (the sync step 2 every client sends on connect). While the
 * facilitator has frozen the manifesto for signing, nobody may change it (the facilitator
 * unfreezes first), so what directors sign cannot move under them.
 */
export function refuseUpdate(
  role: Role,
  update: ReturnType<typeof Y.decodeUpdate>,
  doc: Y.Doc,
): string | null {
  if (changesNothing(doc, update)) return null
  if (role === 'viewer') return 'a viewer cannot change the board'
  const roots = rootsTouchedBy(doc, update)
  if (roots === null) {
    // The facilitator's updates were never resolved before; keep them flowing as they did.
    return role === 'facilitator' ? null : 'the update refers to content the server does not have'
  }
  for (const root of roots) {
    if (SERVER_ONLY_ROOTS.has(root)) return `no client may change "${root}"`
    if (role !== 'facilitator' && FACILITATOR_ONLY_ROOTS.has(root)) {
      return `only the facilitator may change "${root}"`
    }
  }
  if (roots.has(DOC_TYPE_NAMES.manifesto) && isManifestoFrozen(doc)) {
    return 'the manifesto is frozen for signing'
  }
  return null
}

function isManifestoFrozen(doc: Y.Doc): boolean {
  return getFacilitator(doc).get(MANIFESTO_FROZEN_KEY) === true
}
