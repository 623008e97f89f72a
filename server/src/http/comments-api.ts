import { type Context, Hono, type MiddlewareHandler } from 'hono'
import type { AuditLog } from '../audit/audit-log'
import type { CommentCaller } from '../comments/comment-author'
import {
  type CommentOutcome,
  removeMessage,
  replyToThread,
  setThreadStatus,
  startThread,
} from '../comments/comments'
import type { AuditAct, BoardStore } from '../store/board-store'
import type { RoomRegistry } from '../sync/room-registry'
import { declared } from './declared-header'
import { httpError } from './http-error'
import { readJsonBody } from './read-json-body'
import type { BoardEnv, RequireRole } from './require-role'

export interface CommentsApiDeps {
  store: BoardStore
  registry: RoomRegistry
  requireRole: RequireRole
  jsonLimit: MiddlewareHandler
  /** Counts each write by a non-facilitator link (write-rate.ts). */
  writeRate: MiddlewareHandler<BoardEnv>
  audit: AuditLog
}

const ID = /^[A-Za-z0-9_-]{1,40}$/

/**
 * Comment threads (server/src/comments/SPEC.md): the facilitator, the editor link and signing
 * links comment, reply, resolve and reopen; the facilitator alone removes a message. The server
 * writes every change into the board's `comments` map, which no client may write (auth A3).
 */
export function createCommentsApi(deps: CommentsApiDeps): Hono<BoardEnv> {
  const { requireRole, jsonLimit, writeRate, audit } = deps
  const api = new Hono<BoardEnv>()
  const writers = requireRole('facilitator', 'editor')

  const callerOf = (c: Context<BoardEnv>): CommentCaller => ({
    role: c.get('role'),
    signsFor: c.get('signsFor'),
    declaredOrganisation: declared(c.req.header('stip-participant-organisation')),
  })
  const idParam = (c: Context<BoardEnv>, name: 'threadId' | 'messageId') => {
    const value = c.req.param(name)
    if (!value || !ID.test(value)) throw httpError(400, `${name} is not a valid id`)
    return value
  }
  const jsonBody = async (c: Context<BoardEnv>) => {
    const body = await readJsonBody(c)
    if (body === undefined) throw httpError(400, 'the body must be JSON')
    return body
  }
  /** One audit entry per change (C9): who, which thread and message; never the text. */
  const record = async (c: Context<BoardEnv>, act: AuditAct, outcome: CommentOutcome) => {
    if (!outcome.changed) return
    await audit.record(
      c.req.param('boardId')!,
      act,
      {
        role: c.get('role'),
        organisation:
          outcome.author?.organisation ?? declared(c.req.header('stip-participant-organisation')),
        participant: outcome.author?.name ?? declared(c.req.header('stip-participant-name')),
      },
      {
        threadId: outcome.thread.id,
        target: outcome.thread.target.kind,
        ...(outcome.messageId ? { messageId: outcome.messageId } : {}),
      },
    )
  }

  api.post('/:boardId/comments', jsonLimit, writers, writeRate, async (c) => {
    const body = await jsonBody(c)
    const outcome = await startThread(deps, c.req.param('boardId'), callerOf(c), body)
    await record(c, 'comment.started', outcome)
    return c.json({ thread: outcome.thread }, 201)
  })

  api.post('/:boardId/comments/:threadId/messages', jsonLimit, writers, writeRate, async (c) => {
    const threadId = idParam(c, 'threadId')
    const body = await jsonBody(c)
    const outcome = await replyToThread(deps, c.req.param('boardId'), threadId, callerOf(c), body)
    await record(c, 'comment.replied', outcome)
    return c.json({ thread: outcome.thread })
  })

  api.post('/:boardId/comments/:threadId/status', jsonLimit, writers, writeRate, async (c) => {
    const threadId = idParam(c, 'threadId')
    const body = await jsonBody(c)
    const outcome = await setThreadStatus(deps, c.req.param('boardId'), threadId, callerOf(c), body)
    const act = outcome.thread.status === 'resolved' ? 'comment.resolved' : 'comment.reopened'
    await record(c, act, outcome)
    return c.json({ thread: outcome.thread })
  })

  api.delete(
    '/:boardId/comments/:threadId/messages/:messageId',
    requireRole('facilitator'),
    async (c) => {
      const threadId = idParam(c, 'threadId')
      const messageId = idParam(c, 'messageId')
      const outcome = await removeMessage(deps, c.req.param('boardId'), threadId, messageId)
      await record(c, 'comment.removed', outcome)
      return c.json({ thread: outcome.thread })
    },
  )

  return api
}
