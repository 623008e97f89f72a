import { DOC_TYPE_NAMES, isManifestoFrozen } from '@stip/board/doc-model'
import { decodeStoredRecord } from '@stip/board/record-container'
import type { Role } from '@stip/protocol'
import { equalityDeep } from 'lib0/function'
import type * as Y from 'yjs'
import { LockedShapes } from './locked-shapes'
import {
  DELETED,
  type DecodedUpdate,
  effectsOf,
  hasNoEffect,
  type UpdateEffects,
} from './update-effects'

/** Top-level types only the facilitator may change: organisations and the session state (timer, step, locks, votes' phase, freeze). */
export const FACILITATOR_ONLY_ROOTS: ReadonlySet<string> = new Set([
  DOC_TYPE_NAMES.organisations,
  DOC_TYPE_NAMES.facilitator,
])

/**
 * Top-level types no client may change, whatever its role: the server writes them after its
 * own checks: signatures (POST /signatures, the signing link and the text's hash), votes
 * (the counts of ballots the server kept, written when the facilitator reveals them),
 * commitments (each changed only by its organisation or the facilitator, commitments-api.ts),
 * the links between sessions (POST /follow-up), amendments (proposed, answered and
 * decided through the amendments API) and comment threads (comments-api.ts).
 */
export const SERVER_ONLY_ROOTS: ReadonlySet<string> = new Set([
  DOC_TYPE_NAMES.signatures,
  DOC_TYPE_NAMES.votes,
  DOC_TYPE_NAMES.amendments,
  DOC_TYPE_NAMES.commitments,
  DOC_TYPE_NAMES.sessions,
  DOC_TYPE_NAMES.comments,
])

/** Fields of a locked werkvorm shape an editor may still change: its stacking order. */
const FREE_FIELDS = new Set(['index'])

/**
 * The role check of one board (SPEC.md, auth rules A1–A6): judges each update a session sends
 * on what it would change on the server's doc, and returns why it is refused, or null.
 */
export class UpdateAuthorizer {
  private readonly locked: LockedShapes

  constructor(private readonly doc: Y.Doc) {
    this.locked = new LockedShapes(doc)
  }

  refusal(role: Role, update: DecodedUpdate): string | null {
    const effects = effectsOf(this.doc, update)
    if (effects === null) {
      // The facilitator's updates were never resolved before; keep them flowing as they did.
      return role === 'facilitator' ? null : 'the update refers to content the server does not have'
    }
    return refuseEffects(role, effects, this.doc, this.locked)
  }

  stop(): void {
    this.locked.stop()
  }
}

/** Whether `role` may make the changes `effects` describes: null when allowed. */
export function refuseEffects(
  role: Role,
  effects: UpdateEffects,
  doc: Y.Doc,
  locked: Pick<LockedShapes, 'get'>,
): string | null {
  if (hasNoEffect(effects)) return null
  if (role === 'viewer') return 'a viewer cannot change the board'
  for (const root of effects.roots) {
    if (SERVER_ONLY_ROOTS.has(root)) return `no client may change "${root}"`
    if (role !== 'facilitator' && FACILITATOR_ONLY_ROOTS.has(root)) {
      return `only the facilitator may change "${root}"`
    }
  }
  if (effects.roots.has(DOC_TYPE_NAMES.manifesto) && isManifestoFrozen(doc)) {
    return 'the manifesto is frozen for signing'
  }
  if (role !== 'facilitator') {
    for (const [id, next] of effects.records) {
      const before = locked.get(id)
      if (before !== undefined && changesLockedShape(before, decodeRecord(next))) {
        return `"${id}" belongs to a locked werkvorm; only the facilitator may change it`
      }
    }
  }
  return null
}

function decodeRecord(stored: unknown): unknown {
  return stored === DELETED ? DELETED : decodeStoredRecord(stored)
}

function changesLockedShape(before: unknown, next: unknown): boolean {
  if (next === DELETED || typeof next !== 'object' || next === null) return true
  const was = before as Record<string, unknown>
  const now = next as Record<string, unknown>
  const fields = new Set([...Object.keys(was), ...Object.keys(now)])
  for (const field of fields) {
    if (!FREE_FIELDS.has(field) && !equalityDeep(was[field], now[field])) return true
  }
  return false
}
