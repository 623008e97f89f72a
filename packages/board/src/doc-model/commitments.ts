import type * as Y from 'yjs'
import { getCommitments } from '../doc-layout'

/**
 * A commitment ("Voortgang"): what one organisation said it will do, made from a note (a
 * "Dit ga ik doen" note, or any note the facilitator marks). The server alone writes them into
 * the `commitments` map, one key per commitment id, after checking who asks
 * (server/src/http/commitments-api.ts); every reader goes through `parseCommitment`.
 */
export const COMMITMENT_STATUSES = ['open', 'underway', 'done', 'dropped'] as const
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number]

/** Statuses that travel to a vervolgsessie as live commitments. */
export const UNFINISHED_STATUSES: ReadonlySet<CommitmentStatus> = new Set(['open', 'underway'])

export interface Commitment {
  id: string
  text: string
  /** The organisation's name, as notes carry it (what a participant chose on joining). */
  organisation: string
  /** Who carries it out. */
  person: string
  /** ISO date (yyyy-mm-dd), or null. */
  due: string | null
  status: CommitmentStatus
  /** The note it was made from, on the board it was made on. */
  noteId: string | null
  createdAt: number
  updatedAt: number
  /** Who changed it last, as they said on joining (or "facilitator"). */
  updatedBy: string
  /** Set when a vervolgsessie brought it over from an earlier board. */
  carriedFrom: { boardId: string; title: string } | null
}

type Obj = Record<string, unknown>
const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isStr = (value: unknown): value is string => typeof value === 'string'
const isNum = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)

export function isCommitmentStatus(value: unknown): value is CommitmentStatus {
  return (COMMITMENT_STATUSES as readonly unknown[]).includes(value)
}

export function parseCommitment(value: unknown): Commitment | null {
  if (!isObj(value)) return null
  const { id, text, organisation, person, due, status, noteId, createdAt, updatedAt } = value
  if (!isStr(id) || !isStr(text) || !isStr(organisation) || !isStr(person)) return null
  if (!isCommitmentStatus(status) || !isNum(createdAt) || !isNum(updatedAt)) return null
  const from = value.carriedFrom
  return {
    id,
    text,
    organisation,
    person,
    due: isStr(due) ? due : null,
    status,
    noteId: isStr(noteId) ? noteId : null,
    createdAt,
    updatedAt,
    updatedBy: isStr(value.updatedBy) ? value.updatedBy : '',
    carriedFrom:
      isObj(from) && isStr(from.boardId) && isStr(from.title)
        ? { boardId: from.boardId, title: from.title }
        : null,
  }
}

/** Every readable commitment on the board, oldest first. */
export function readCommitments(doc: Y.Doc): Commitment[] {
  return readCommitmentMap(getCommitments(doc))
}

/** The same, from the map itself (what a React hook observes). */
export function readCommitmentMap(map: Y.Map<unknown>): Commitment[] {
  const commitments: Commitment[] = []
  for (const value of map.values()) {
    const commitment = parseCommitment(value)
    if (commitment) commitments.push(commitment)
  }
  return commitments.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}

/** The server's one write of a commitment. */
export function writeCommitment(doc: Y.Doc, commitment: Commitment): void {
  getCommitments(doc).set(commitment.id, commitment)
}

/** Commitments grouped by organisation, organisations in alphabetical order. */
export function commitmentsByOrganisation(
  commitments: readonly Commitment[],
): Array<{ organisation: string; commitments: Commitment[] }> {
  const groups = new Map<string, Commitment[]>()
  for (const commitment of commitments) {
    const list = groups.get(commitment.organisation) ?? []
    list.push(commitment)
    groups.set(commitment.organisation, list)
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'nl'))
    .map(([organisation, list]) => ({ organisation, commitments: list }))
}
