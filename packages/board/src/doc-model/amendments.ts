import type * as Y from 'yjs'
import { getAmendments } from '../doc-layout'

/**
 * Amendments to the manifesto, as the board's `amendments` map holds them: one entry per
 * amendment, written only by the server after its checks (server/src/amendments). A partner
 * proposes to replace one passage by new text, for a reason, on behalf of their organisation;
 * the other organisations support, object or abstain; the facilitator accepts (the server then
 * changes the text) or rejects.
 */
export type AmendmentStatus = 'open' | 'accepted' | 'rejected'
export type AmendmentStance = 'support' | 'object' | 'abstain'

export const AMENDMENT_STANCES: readonly AmendmentStance[] = ['support', 'object', 'abstain']

export interface AmendmentResponse {
  organisationId: string
  organisationName: string
  stance: AmendmentStance
  /** One line of reasoning; may be empty. */
  reason: string
  by: string
  at: number
}

export interface Amendment {
  id: string
  /** 1, 2, 3… in the order they were proposed on this board. */
  number: number
  status: AmendmentStatus
  organisationId: string
  organisationName: string
  proposerName: string
  /** The manifesto section the passage sits in (its heading's section key), when it has one. */
  sectionKey: string | null
  /** That section's heading as it read when the amendment was proposed. */
  sectionTitle: string
  /** The passage as it read when proposed, and what it should become. */
  original: string
  replacement: string
  reason: string
  /** Y.RelativePosition JSON of the passage's start and end: they follow the text as it changes. */
  anchor: { start: unknown; end: unknown }
  proposedAt: number
  /** One answer per organisation, keyed by organisation id; a later answer replaces it. */
  responses: Record<string, AmendmentResponse>
  decision: { at: number; note: string } | null
  /** Set when a vervolgsessie brought it over, still open, with its number on that board. */
  carriedFrom: { boardId: string; title: string; number: number } | null
}

const isString = (value: unknown): value is string => typeof value === 'string'
const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)

function parseResponse(value: unknown): AmendmentResponse | null {
  if (typeof value !== 'object' || value === null) return null
  const r = value as Record<string, unknown>
  if (!isString(r.organisationId) || !isString(r.organisationName) || !isNumber(r.at)) return null
  if (!AMENDMENT_STANCES.includes(r.stance as AmendmentStance)) return null
  return {
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    stance: r.stance as AmendmentStance,
    reason: isString(r.reason) ? r.reason : '',
    by: isString(r.by) ? r.by : '',
    at: r.at,
  }
}

/** An amendment as stored, or null when it is malformed (never thrown on). */
export function parseAmendment(value: unknown): Amendment | null {
  if (typeof value !== 'object' || value === null) return null
  const a = value as Record<string, unknown>
  const strings = ['id', 'organisationId', 'organisationName', 'original', 'replacement'] as const
  if (!strings.every((field) => isString(a[field]))) return null
  if (!isNumber(a.number) || !isNumber(a.proposedAt)) return null
  if (a.status !== 'open' && a.status !== 'accepted' && a.status !== 'rejected') return null
  const anchor = a.anchor as { start?: unknown; end?: unknown } | undefined
  const responses: Record<string, AmendmentResponse> = {}
  if (typeof a.responses === 'object' && a.responses !== null) {
    for (const [key, response] of Object.entries(a.responses)) {
      const parsed = parseResponse(response)
      if (parsed) responses[key] = parsed
    }
  }
  const decision = a.decision as { at?: unknown; note?: unknown } | null | undefined
  const from = a.carriedFrom as
    | { boardId?: unknown; title?: unknown; number?: unknown }
    | null
    | undefined
  return {
    id: a.id as string,
    number: a.number,
    status: a.status,
    organisationId: a.organisationId as string,
    organisationName: a.organisationName as string,
    proposerName: isString(a.proposerName) ? a.proposerName : '',
    sectionKey: isString(a.sectionKey) ? a.sectionKey : null,
    sectionTitle: isString(a.sectionTitle) ? a.sectionTitle : '',
    original: a.original as string,
    replacement: a.replacement as string,
    reason: isString(a.reason) ? a.reason : '',
    anchor: { start: anchor?.start ?? null, end: anchor?.end ?? null },
    proposedAt: a.proposedAt,
    responses,
    decision:
      decision && isNumber(decision.at)
        ? { at: decision.at, note: isString(decision.note) ? decision.note : '' }
        : null,
    carriedFrom:
      from && isString(from.boardId) && isString(from.title) && isNumber(from.number)
        ? { boardId: from.boardId, title: from.title, number: from.number }
        : null,
  }
}

/** Every amendment on the board, by number; malformed entries are skipped. */
export function readAmendments(doc: Y.Doc): Amendment[] {
  const amendments: Amendment[] = []
  for (const value of getAmendments(doc).values()) {
    const parsed = parseAmendment(value)
    if (parsed) amendments.push(parsed)
  }
  return amendments.sort((a, b) => a.number - b.number || a.proposedAt - b.proposedAt)
}

/** Writes one amendment whole (server only: clients may not write `amendments`). */
export function writeAmendment(doc: Y.Doc, amendment: Amendment): void {
  getAmendments(doc).set(amendment.id, amendment)
}

/**
 * The numbers of the amendments accepted before `time`, as people read them: "1–4", "1–2, 5".
 * Empty when none were.
 */
export function acceptedBefore(amendments: readonly Amendment[], time: number): number[] {
  return amendments
    .filter((a) => a.status === 'accepted' && a.decision !== null && a.decision.at <= time)
    .map((a) => a.number)
    .sort((x, y) => x - y)
}

/** Consecutive numbers folded into ranges: [1,2,3,4,6] → "1–4, 6". */
export function numberRanges(numbers: readonly number[]): string {
  const parts: string[] = []
  let index = 0
  while (index < numbers.length) {
    const first = numbers[index]!
    let last = first
    while (numbers[index + 1] === last + 1) {
      index++
      last = numbers[index]!
    }
    parts.push(first === last ? String(first) : `${first}\u2013${last}`)
    index++
  }
  return parts.join(', ')
}
