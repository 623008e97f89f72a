import { Hono, type MiddlewareHandler } from 'hono'
import { decideAmendment, proposeAmendment, respondToAmendment } from '../amendments/amendments'
import type { BoardStore } from '../store/board-store'
import type { RoomRegistry } from '../sync/room-registry'
import { httpError } from './http-error'
import { readJsonBody } from './read-json-body'
import type { BoardEnv, RequireRole } from './require-role'

export interface AmendmentsApiDeps {
  store: BoardStore
  registry: RoomRegistry
  requireRole: RequireRole
  jsonLimit: MiddlewareHandler
}

const ID = /^[A-Za-z0-9_-]{1,40}$/

/**
 * Amendments to the manifesto (server/src/amendments/SPEC.md): partners propose and answer with
 * an editor or signing link, the facilitator decides. The server writes every change into the
 * board's `amendments` map, which no client may write.
 */
export function createAmendmentsApi(deps: AmendmentsApiDeps): Hono<BoardEnv> {
  const { requireRole, jsonLimit } = deps
  const api = new Hono<BoardEnv>()
  const amendmentId = (value: string | undefined) => {
    if (!value || !ID.test(value)) throw httpError(400, 'the amendment is not a valid id')
    return value
  }

  api.post('/:boardId/amendments', jsonLimit, requireRole('editor'), async (c) => {
    const caller = { signsFor: c.get('signsFor') }
    const amendment = await proposeAmendment(
      deps,
      c.req.param('boardId'),
      caller,
      await readJsonBody(c),
    )
    return c.json({ amendment }, 201)
  })

  api.post(
    '/:boardId/amendments/:amendmentId/responses',
    jsonLimit,
    requireRole('editor'),
    async (c) => {
      const amendment = await respondToAmendment(
        deps,
        c.req.param('boardId'),
        amendmentId(c.req.param('amendmentId')),
        { signsFor: c.get('signsFor') },
        await readJsonBody(c),
      )
      return c.json({ amendment })
    },
  )

  api.post(
    '/:boardId/amendments/:amendmentId/decision',
    jsonLimit,
    requireRole('facilitator'),
    async (c) => {
      const amendment = await decideAmendment(
        deps,
        c.req.param('boardId'),
        amendmentId(c.req.param('amendmentId')),
        await readJsonBody(c),
      )
      return c.json({ amendment })
    },
  )

  return api
}
