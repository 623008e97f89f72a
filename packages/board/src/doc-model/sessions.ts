import type * as Y from 'yjs'
import { getSessions } from '../doc-layout'
import { type Commitment, isCommitmentStatus, parseCommitment } from './commitments'

/**
 * A board's place in a route of sessions (vervolgsessie): the board it continues and the board
 * that continues it, written by the server alone in the `sessions` map (POST /follow-up).
 */
export const SessionKey = { previous: 'previous', next: 'next' } as const

/**
 * A signature of the previous session, kept as a record of what happened there, not as a live
 * signature on this board: it was consent to one exact text, given with that board's signing
 * link; this board's text may change and is signed again with its own links.
 */
export interface EarlierSignature {
  organisationName: string
  signerName: string
  signerFunction: string
  signedAt: number
  /** SHA-256 of the text signed. */
  hash: string
  /** Whether that is the text this board started with. */
  onCarriedText: boolean
}

/**
 * An amendment of the previous session as the new board records it: decided there (accepted
 * or rejected), or still open there but not carried over because its passage could not be found
 * in the new board's text. Open amendments that were found live on as amendments of their own.
 */
export interface EarlierAmendment {
  /** Its number on the previous board. */
  number: number
  organisationName: string
  sectionTitle: string
  original: string
  replacement: string
  outcome: 'accepted' | 'rejected' | 'not-carried'
  /** The chair's note with the decision; empty when none was given or it was never decided. */
  note: string
}

const OUTCOMES: ReadonlySet<unknown> = new Set(['accepted', 'rejected', 'not-carried'])

export interface PreviousSession {
  boardId: string
  title: string
  /** When the vervolgsessie was made from it. */
  endedAt: number
  /** The ABCD step (ambities-2040 lane) the previous session stopped at. */
  abcdStep: { sectionKey: string; label: { nl: string; en: string } } | null
  /** SHA-256 of the manifesto text carried over; null when it was empty. */
  manifestoHash: string | null
  signatures: EarlierSignature[]
  /** Commitments that were done or dropped there: they stay there, and are listed here. */
  closedCommitments: Commitment[]
  /** Its decided amendments, and the open ones that could not be carried, by number. */
  amendments: EarlierAmendment[]
}

export interface NextSession {
  boardId: string
  title: string
  createdAt: number
}

type Obj = Record<string, unknown>
const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isStr = (value: unknown): value is string => typeof value === 'string'
const isNum = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)

function parseSignature(value: unknown): EarlierSignature | null {
  if (!isObj(value)) return null
  const { organisationName, signerName, signerFunction, signedAt, hash, onCarriedText } = value
  if (!isStr(organisationName) || !isStr(signerName) || !isStr(signerFunction)) return null
  if (!isNum(signedAt) || !isStr(hash) || typeof onCarriedText !== 'boolean') return null
  return { organisationName, signerName, signerFunction, signedAt, hash, onCarriedText }
}

function parseEarlierAmendment(value: unknown): EarlierAmendment | null {
  if (!isObj(value) || !isNum(value.number) || !OUTCOMES.has(value.outcome)) return null
  const { organisationName, sectionTitle, original, replacement, note } = value
  if (!isStr(organisationName) || !isStr(original) || !isStr(replacement)) return null
  return {
    number: value.number,
    organisationName,
    sectionTitle: isStr(sectionTitle) ? sectionTitle : '',
    original,
    replacement,
    outcome: value.outcome as EarlierAmendment['outcome'],
    note: isStr(note) ? note : '',
  }
}

export function parsePreviousSession(value: unknown): PreviousSession | null {
  if (!isObj(value) || !isStr(value.boardId) || !isStr(value.title) || !isNum(value.endedAt)) {
    return null
  }
  const step = value.abcdStep
  const label = isObj(step) ? step.label : null
  const abcdStep =
    isObj(step) && isStr(step.sectionKey) && isObj(label) && isStr(label.nl) && isStr(label.en)
      ? { sectionKey: step.sectionKey, label: { nl: label.nl, en: label.en } }
      : null
  const list = (items: unknown) => (Array.isArray(items) ? items : [])
  return {
    boardId: value.boardId,
    title: value.title,
    endedAt: value.endedAt,
    abcdStep,
    manifestoHash: isStr(value.manifestoHash) ? value.manifestoHash : null,
    signatures: list(value.signatures)
      .map(parseSignature)
      .filter((s) => s !== null),
    closedCommitments: list(value.closedCommitments)
      .map(parseCommitment)
      .filter((c): c is Commitment => c !== null && isCommitmentStatus(c.status)),
    amendments: list(value.amendments)
      .map(parseEarlierAmendment)
      .filter((a) => a !== null),
  }
}

export function parseNextSession(value: unknown): NextSession | null {
  if (!isObj(value)) return null
  const { boardId, title, createdAt } = value
  if (!isStr(boardId) || !isStr(title) || !isNum(createdAt)) return null
  return { boardId, title, createdAt }
}

export function readPreviousSession(doc: Y.Doc): PreviousSession | null {
  return parsePreviousSession(getSessions(doc).get(SessionKey.previous))
}

export function readNextSession(doc: Y.Doc): NextSession | null {
  return parseNextSession(getSessions(doc).get(SessionKey.next))
}
