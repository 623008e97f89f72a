// The layout alone: the package's index would load tldraw's store into the server.
import { DOC_TYPE_NAMES } from '@stip/board/doc-layout'
import type { Role } from '@stip/protocol'
import type * as Y from 'yjs'
import { isEmptyUpdate, rootsTouchedBy } from '../sync/update-guard'

/** Top-level types only the facilitator may change: organisations and the session state (timer, step, locks, votes' phase, freeze). */
export const FACILITATOR_ONLY_ROOTS: ReadonlySet<string> = new Set([
  DOC_TYPE_NAMES.organisations,
  DOC_TYPE_NAMES.facilitator,
])

/**
 * Whether `role` may apply `update` to `doc`: null when allowed, else the reason to refuse.
 * Viewers may only send the empty sync step 2 every client sends on connect.
 */
export function refuseUpdate(
  role: Role,
  update: ReturnType<typeof Y.decodeUpdate>,
  doc: Y.Doc,
): string | null {
  if (role === 'facilitator') return null
  if (role === 'viewer') return isEmptyUpdate(update) ? null : 'a viewer cannot change the board'
  const roots = rootsTouchedBy(doc, update)
  if (roots === null) return 'the update refers to content the server does not have'
  for (const root of roots) {
    if (FACILITATOR_ONLY_ROOTS.has(root)) return `only the facilitator may change "${root}"`
  }
  return null
}
