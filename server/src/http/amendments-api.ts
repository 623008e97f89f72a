import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { decideAmendment, proposeAmendment, respondToAmendment } from '../amendments/amendments'
import type { AuditLog } from '../audit/audit-log'
import type { BoardStore } from '../store/board-store'
import type { RoomRegistry } from '../sync/room-registry'
import { declared } from './declared-header'
import { httpError } from './http-error'
import { readJsonBody } from './read-json-body'
import type { BoardEnv, RequireRole } from './require-role'

export interface AmendmentsApiDeps {
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
 * Amendments to the manifesto (server/src/amendments/SPEC.md): partners propose and answer with
 * an editor or signing link, the facilitator decides. The server writes every change into the
 * board's `amendments` map, which no client may write, and records each act in the audit log.
 */
export function createAmendmentsApi(deps: AmendmentsApiDeps): Hono<BoardEnv> {
  const { requireRole, jsonLimit, writeRate, audit } = deps
  const api = new Hono<BoardEnv>()
  const amendmentId = (value: string | undefined) => {
    if (!value || !ID.test(value)) throw httpError(400, 'the amendment is not a valid id')
    return value
  }
  // Proposals and answers name their organisation and person in the body (checked by the
  // server, M2); the chair's decision names nobody, so what they said on joining stands in.
  const actor = (
    c: Context<BoardEnv>,
    organisation: string | null,
    participant: string | null,
  ) => ({
    role: c.get('role'),
    organisation: organisation ?? declared(c.req.header('stip-participant-organisation')),
    participant: participant ?? declared(c.req.header('stip-participant-name')),
  })

  api.post('/:boardId/amendments', jsonLimit, requireRole('editor'), writeRate, async (c) => {
    const boardId = c.req.param('boardId')
    const caller = { signsFor: c.get('signsFor') }
    const amendment = await proposeAmendment(deps, boardId, caller, await readJsonBody(c))
    await audit.record(
      boardId,
      'amendment.proposed',
      actor(c, amendment.organisationName, amendment.proposerName),
      {
        amendmentId: amendment.id,
        number: amendment.number,
        organisation: amendment.organisationName,
        name: amendment.proposerName,
        section: amendment.sectionTitle,
      },
    )
    return c.json({ amendment }, 201)
  })

  api.post(
    '/:boardId/amendments/:amendmentId/responses',
    jsonLimit,
    requireRole('editor'),
    writeRate,
    async (c) => {
      const boardId = c.req.param('boardId')
      const { amendment, answer } = await respondToAmendment(
        deps,
        boardId,
        amendmentId(c.req.param('amendmentId')),
        { signsFor: c.get('signsFor') },
        await readJsonBody(c),
      )
      await audit.record(
        boardId,
        'amendment.answered',
        actor(c, answer.organisationName, answer.by),
        {
          amendmentId: amendment.id,
          number: amendment.number,
          organisation: answer.organisationName,
          name: answer.by,
          stance: answer.stance,
        },
      )
      return c.json({ amendment })
    },
  )

  api.post(
    '/:boardId/amendments/:amendmentId/decision',
    jsonLimit,
    requireRole('facilitator'),
    async (c) => {
      const boardId = c.req.param('boardId')
      const amendment = await decideAmendment(
        deps,
        boardId,
        amendmentId(c.req.param('amendmentId')),
        await readJsonBody(c),
      )
      await audit.record(boardId, 'amendment.decided', actor(c, null, null), {
        amendmentId: amendment.id,
        number: amendment.number,
        organisation: amendment.organisationName,
        name: amendment.proposerName,
        decision: amendment.status,
      })
      return c.json({ amendment })
    },
  )

  return api
}
