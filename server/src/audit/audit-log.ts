import type { Logger } from '../logger'
import type { AuditAct, AuditRole, BoardStore } from '../store/board-store'

/** Who did something: the role of their link, and what they told us of themselves. */
export interface AuditActor {
  role: AuditRole
  organisation?: string | null
  participant?: string | null
}

export interface AuditLog {
  /**
   * Records one act on a board: a row in the board's audit log (stored with the board) and a
   * line in the process log (module "audit"). `detail` must never hold a token.
   */
  record(
    boardId: string,
    act: AuditAct,
    actor: AuditActor,
    detail?: Record<string, unknown>,
  ): Promise<void>
}

/**
 * The audit log of every board. A deletion is written to the process log only: the board's
 * rows go with it, and the log line is what remains to show it happened.
 */
export function createAuditLog(
  store: BoardStore,
  logger: Logger,
  now: () => number = Date.now,
): AuditLog {
  const log = logger.child({ module: 'audit' })
  return {
    async record(boardId, act, actor, detail = {}) {
      const entry = {
        at: now(),
        boardId,
        act,
        role: actor.role,
        organisation: actor.organisation ?? null,
        participant: actor.participant ?? null,
        detail,
      }
      log.info(entry, act)
      if (act !== 'board.deleted') await store.appendAudit(entry)
    },
  }
}
