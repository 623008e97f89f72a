import { FacilitatorKey, getFacilitator } from '@stip/board/doc-model'
import type * as Y from 'yjs'

/** The running vote as the facilitator started it (facilitator map key `vote`). */
export interface OpenVote {
  id: string
  frameId: string
  dotsPerPerson: number
  phase: 'open' | 'revealed' | 'closed'
}

/** The silent round as the facilitator started it (facilitator map key `silentRound`). */
export interface SilentRound {
  id: string
  active: boolean
}

export function readVote(doc: Y.Doc): (OpenVote & Record<string, unknown>) | null {
  const value = getFacilitator(doc).get(FacilitatorKey.vote) as Record<string, unknown> | undefined
  if (typeof value !== 'object' || value === null) return null
  const { id, frameId, dotsPerPerson, phase } = value
  if (typeof id !== 'string' || typeof frameId !== 'string') return null
  if (typeof dotsPerPerson !== 'number' || !Number.isInteger(dotsPerPerson)) return null
  if (phase !== 'open' && phase !== 'revealed' && phase !== 'closed') return null
  return { ...value, id, frameId, dotsPerPerson, phase }
}

export function readSilentRound(doc: Y.Doc): (SilentRound & Record<string, unknown>) | null {
  const value = getFacilitator(doc).get(FacilitatorKey.silentRound) as
    | Record<string, unknown>
    | undefined
  if (typeof value !== 'object' || value === null) return null
  const { id, active } = value
  if (typeof id !== 'string' || typeof active !== 'boolean') return null
  return { ...value, id, active }
}

/** Writes one facilitator key as the server (revealing a vote, ending a silent round). */
export function writeSessionState(
  doc: Y.Doc,
  key: typeof FacilitatorKey.vote | typeof FacilitatorKey.silentRound,
  value: object,
): void {
  getFacilitator(doc).set(key, value)
}
