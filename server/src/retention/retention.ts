import type { AuditLog } from '../audit/audit-log'
import type { Config } from '../config'
import type { Logger } from '../logger'
import type { BoardStore, BoardSummary } from '../store/board-store'

export const DAY_MS = 24 * 60 * 60 * 1000

export type RetentionPolicy = Pick<Config, 'retentionDays' | 'retentionWarnDays'>

/** What the facilitator (and the board's export) is told of the board's retention. */
export interface RetentionNotice {
  days: number
  /** When the board will be deleted if nobody opens it before. */
  deleteAfter: number
  /** The deletion is less than RETENTION_WARN_DAYS away. */
  warning: boolean
}

/** The retention notice of a board, or null when retention is off (or the board is gone). */
export function retentionNotice(
  policy: RetentionPolicy,
  board: BoardSummary | null,
  now: number = Date.now(),
): RetentionNotice | null {
  if (policy.retentionDays === undefined || !board) return null
  const deleteAfter = (board.lastOpenedAt ?? board.createdAt) + policy.retentionDays * DAY_MS
  return {
    days: policy.retentionDays,
    deleteAfter,
    warning: now >= deleteAfter - policy.retentionWarnDays * DAY_MS,
  }
}

export interface RetentionDeps {
  store: BoardStore
  /** Removes a board everywhere (the registry's deleteBoard: rows, rooms, other instances). */
  deleteBoard(boardId: string): Promise<void>
  audit: AuditLog
  log: Logger
}

/**
 * Deletes every board not opened for RETENTION_DAYS as of `now`; resolves with their ids.
 * Nothing happens when retention is off.
 */
export async function applyRetention(
  deps: RetentionDeps,
  policy: RetentionPolicy,
  now: number,
): Promise<string[]> {
  if (policy.retentionDays === undefined) return []
  const idle = await deps.store.boardsIdleSince(now - policy.retentionDays * DAY_MS)
  for (const boardId of idle) {
    await deps.deleteBoard(boardId)
    await deps.audit.record(
      boardId,
      'board.deleted',
      { role: 'server' },
      {
        reason: 'retention',
        retentionDays: policy.retentionDays,
      },
    )
  }
  if (idle.length > 0) deps.log.info({ boards: idle.length }, 'retention: idle boards deleted')
  return idle
}

/** How often a running server applies retention. */
export const RETENTION_SWEEP_MS = 60 * 60 * 1000

/**
 * Applies retention now and then every RETENTION_SWEEP_MS while the server runs; returns the
 * stop function. With several instances each sweeps; deleting a deleted board is a no-op.
 */
export function startRetentionSweep(
  deps: RetentionDeps,
  policy: RetentionPolicy,
  now: () => number = Date.now,
): () => void {
  if (policy.retentionDays === undefined) return () => {}
  const sweep = () =>
    applyRetention(deps, policy, now()).catch((error: unknown) =>
      deps.log.error({ error }, 'retention sweep failed'),
    )
  void sweep()
  const timer = setInterval(sweep, RETENTION_SWEEP_MS)
  timer.unref()
  return () => clearInterval(timer)
}
