import type * as Y from 'yjs'
import { getFacilitator } from '../doc-layout'

/**
 * The session state the facilitator drives, one key each in the doc's facilitator map
 * (only the facilitator may write it; the server refuses anyone else's update). Values are
 * plain JSON; every reader goes through the guards below, because an old or foreign client
 * may have written something else.
 */
export const FacilitatorKey = {
  timer: 'timer',
  summon: 'summon',
  silentRound: 'silentRound',
  agenda: 'agenda',
  vote: 'vote',
  /** true while the manifesto is frozen for signing; the server refuses edits to it then. */
  manifestoFrozen: 'manifestoFrozen',
  presentation: 'presentation',
} as const
export type FacilitatorKeyName = (typeof FacilitatorKey)[keyof typeof FacilitatorKey]

export interface TimerState {
  durationMs: number
  /** Epoch ms on the facilitator's clock; null while paused or reset. */
  endsAt: number | null
  /** What is left while paused (the full duration after a reset). */
  remainingMs: number
  running: boolean
  label?: string
}

export interface Bounds {
  x: number
  y: number
  w: number
  h: number
}

/** "Iedereen naar mij": each client moves its camera to `bounds` once per new `id`. */
export interface SummonState {
  id: string
  userId: string
  name: string
  bounds: Bounds
  at: number
}

export interface SilentRoundState {
  id: string
  active: boolean
  startedAt: number
}

export interface AgendaStep {
  id: string
  title: string
  minutes?: number
  templateId?: string
}

export interface AgendaState {
  steps: AgendaStep[]
  currentStepId: string | null
}

export type VotePhase = 'open' | 'revealed' | 'closed'

export interface VoteState {
  id: string
  frameId: string
  dotsPerPerson: number
  phase: VotePhase
  startedAt: number
}

/**
 * Presentation mode: the facilitator steps everyone through `frameIds` (werkvorm frames);
 * each client that follows fits its camera to `frameIds[index]`.
 */
export interface PresentationState {
  id: string
  active: boolean
  frameIds: string[]
  index: number
  startedAt: number
}

type Obj = Record<string, unknown>
const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isNum = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)
const isStr = (value: unknown): value is string => typeof value === 'string'

export function parseTimer(value: unknown): TimerState | null {
  if (!isObj(value)) return null
  const { durationMs, endsAt, remainingMs, running, label } = value
  if (!isNum(durationMs) || !isNum(remainingMs) || typeof running !== 'boolean') return null
  if (endsAt !== null && !isNum(endsAt)) return null
  if (running && endsAt === null) return null
  return { durationMs, endsAt, remainingMs, running, ...(isStr(label) ? { label } : {}) }
}

export function parseSummon(value: unknown): SummonState | null {
  if (!isObj(value)) return null
  const { id, userId, name, bounds, at } = value
  if (!isStr(id) || !isStr(userId) || !isStr(name) || !isNum(at) || !isObj(bounds)) return null
  const { x, y, w, h } = bounds
  if (!isNum(x) || !isNum(y) || !isNum(w) || !isNum(h) || w <= 0 || h <= 0) return null
  return { id, userId, name, bounds: { x, y, w, h }, at }
}

export function parseSilentRound(value: unknown): SilentRoundState | null {
  if (!isObj(value)) return null
  const { id, active, startedAt } = value
  if (!isStr(id) || typeof active !== 'boolean' || !isNum(startedAt)) return null
  return { id, active, startedAt }
}

export function parseAgenda(value: unknown): AgendaState | null {
  if (!isObj(value) || !Array.isArray(value.steps)) return null
  const steps: AgendaStep[] = []
  for (const step of value.steps) {
    if (!isObj(step) || !isStr(step.id) || !isStr(step.title)) continue
    steps.push({
      id: step.id,
      title: step.title,
      ...(isNum(step.minutes) ? { minutes: step.minutes } : {}),
      ...(isStr(step.templateId) ? { templateId: step.templateId } : {}),
    })
  }
  const current = value.currentStepId
  const currentStepId = isStr(current) && steps.some((s) => s.id === current) ? current : null
  return { steps, currentStepId }
}

export function parseVote(value: unknown): VoteState | null {
  if (!isObj(value)) return null
  const { id, frameId, dotsPerPerson, phase, startedAt } = value
  if (!isStr(id) || !isStr(frameId) || !isNum(dotsPerPerson) || !isNum(startedAt)) return null
  if (phase !== 'open' && phase !== 'revealed' && phase !== 'closed') return null
  return { id, frameId, dotsPerPerson, phase, startedAt }
}

export function parsePresentation(value: unknown): PresentationState | null {
  if (!isObj(value) || !Array.isArray(value.frameIds)) return null
  const { id, active, index, startedAt } = value
  if (!isStr(id) || typeof active !== 'boolean' || !isNum(index) || !isNum(startedAt)) return null
  const frameIds = value.frameIds.filter(isStr)
  if (frameIds.length === 0) return null
  // A stale or foreign index still lands on a werkvorm that exists in the list.
  const clamped = Math.min(frameIds.length - 1, Math.max(0, Math.trunc(index)))
  return { id, active, frameIds, index: clamped, startedAt }
}

/** Writes one facilitator key; the server accepts it only from the facilitator's link (and writes some itself). */
export function writeFacilitator(
  doc: Y.Doc,
  key: FacilitatorKeyName,
  value: object | boolean,
): void {
  getFacilitator(doc).set(key, value)
}

/** Whether the manifesto is frozen for signing. */
export function isManifestoFrozen(doc: Y.Doc): boolean {
  return getFacilitator(doc).get(FacilitatorKey.manifestoFrozen) === true
}
