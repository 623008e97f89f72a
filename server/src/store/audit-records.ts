import type { Role } from '@stip/protocol'

/** The consequential acts an audit log records (docs/operations.md, "Audit log"). */
export const AUDIT_ACTS = [
  'board.created',
  'board.opened-by-admin',
  'link.renewed',
  'signing-link.made',
  'signing-link.revoked',
  'manifesto.signed',
  'manifesto.frozen',
  'manifesto.unfrozen',
  'version.saved',
  'version.restored',
  'board.exported',
  'audit.downloaded',
  'board.deleted',
  'update.refused',
  'session.revoked',
  'commitment.made',
  'commitment.changed',
  'board.continued',
  'comment.started',
  'comment.replied',
  'comment.resolved',
  'comment.reopened',
  'comment.removed',
] as const

export type AuditAct = (typeof AUDIT_ACTS)[number]

/** Who acted: a link's role, the server itself, or an operator at the command line. */
export type AuditRole = Role | 'server' | 'admin'

/** One line of a board's audit log. Never holds a token, a token's hash or an address. */
export interface AuditEntry {
  at: number
  boardId: string
  act: AuditAct
  role: AuditRole
  /** The organisation acted for (a signing link's, a signer's), when known. */
  organisation: string | null
  /** The person's name as they gave it (a signer, a version's author), when known. */
  participant: string | null
  detail: Record<string, unknown>
}

/** A board as the operator's list shows it. */
export interface BoardSummary {
  id: string
  title: string
  createdAt: number
  /** Last time anyone opened the board (a websocket admitted); null: never since it was made. */
  lastOpenedAt: number | null
  /** Bytes stored for the board: document, images and versions. */
  bytes: number
}

/** What the audit and retention part of a store provides; part of BoardStore. */
export interface AuditAndRetention {
  appendAudit(entry: AuditEntry): Promise<void>
  /** A board's audit log in time order (in order of recording for the same millisecond). */
  listAudit(boardId: string): Promise<AuditEntry[]>
  /** Records that the board was opened at `at` (retention counts from the last opening). */
  markOpened(boardId: string, at: number): Promise<void>
  /** Every board with its size and last opening, oldest first. */
  listBoards(): Promise<BoardSummary[]>
  /** One board's summary, or null when there is no such board. */
  boardSummary(boardId: string): Promise<BoardSummary | null>
  /** Ids of boards neither opened nor created at or after `cutoff`. */
  boardsIdleSince(cutoff: number): Promise<string[]>
}
