import { type Context, Hono, type MiddlewareHandler } from 'hono'
import type { AuditLog } from '../audit/audit-log'
import {
  type CommitmentCaller,
  changeCommitment,
  makeCommitment,
  removeCommitment,
} from '../commitments/commitments'
import type { BoardStore } from '../store/board-store'
import type { RoomRegistry } from '../sync/room-registry'
import { declared } from './declared-header'
import { httpError } from './http-error'
import { readJsonBody } from './read-json-body'
import type { BoardEnv, RequireRole } from './require-role'

export interface CommitmentsApiDeps {
  store: BoardStore
  registry: RoomRegistry
  requireRole: RequireRole
  jsonLimit: MiddlewareHandler
  /** Counts each write by a non-facilitator link (write-rate.ts). */
  writeRate: MiddlewareHandler<BoardEnv>
  audit: AuditLog
}

const COMMITMENT_ID = /^commitment:[A-Za-z0-9_:-]{1,80}$/

/**
 * Commitments ("Voortgang", auth rule A11): made from notes and changed through these routes
 * only; the server writes them into the board's `commitments` map, which no client may write.
 */
export function createCommitmentsApi(deps: CommitmentsApiDeps): Hono<BoardEnv> {
  const { store, registry, requireRole, jsonLimit, writeRate, audit } = deps
  const api = new Hono<BoardEnv>()
  const writers = requireRole('facilitator', 'editor')

  const callerOf = async (c: Context<BoardEnv>): Promise<CommitmentCaller> => {
    const signsFor = c.get('signsFor')
    let organisation = declared(c.req.header('stip-participant-organisation'))
    if (signsFor) {
      // A signing link was issued for one organisation: that is who asks, whatever is said.
      const board = await store.getBoard(c.req.param('boardId') ?? '')
      organisation =
        board?.organisations.find((o) => o.id === signsFor.organisationId)?.name ?? null
    }
    const facilitator = c.get('role') === 'facilitator'
    const name = declared(c.req.header('stip-participant-name'))
    return { facilitator, organisation, name: name ?? (facilitator ? 'facilitator' : '') }
  }
  const commitmentId = (c: Context<BoardEnv>) => {
    const id = c.req.param('commitmentId')
    if (!id || !COMMITMENT_ID.test(id)) throw httpError(400, 'that is not a commitment id')
    return id
  }
  const actor = (c: Context<BoardEnv>, caller: CommitmentCaller) => ({
    role: c.get('role'),
    organisation: caller.organisation,
    participant: caller.name || null,
  })

  api.post('/:boardId/commitments', jsonLimit, writers, writeRate, async (c) => {
    const body = await readJsonBody(c)
    if (body === undefined) throw httpError(400, 'the body must be JSON')
    const caller = await callerOf(c)
    const boardId = c.req.param('boardId')
    const commitment = await makeCommitment(registry, boardId, caller, body)
    await audit.record(boardId, 'commitment.made', actor(c, caller), {
      commitmentId: commitment.id,
      organisation: commitment.organisation,
    })
    return c.json({ commitment }, 201)
  })

  api.patch('/:boardId/commitments/:commitmentId', jsonLimit, writers, writeRate, async (c) => {
    const id = commitmentId(c)
    const body = await readJsonBody(c)
    if (body === undefined) throw httpError(400, 'the body must be JSON')
    const caller = await callerOf(c)
    const boardId = c.req.param('boardId')
    const commitment = await changeCommitment(registry, boardId, id, caller, body)
    await audit.record(boardId, 'commitment.changed', actor(c, caller), {
      commitmentId: id,
      status: commitment.status,
    })
    return c.json({ commitment })
  })

  api.delete('/:boardId/commitments/:commitmentId', requireRole('facilitator'), async (c) => {
    const id = commitmentId(c)
    const boardId = c.req.param('boardId')
    await removeCommitment(registry, boardId, id)
    await audit.record(boardId, 'commitment.changed', actor(c, await callerOf(c)), {
      commitmentId: id,
      removed: true,
    })
    return c.body(null, 204)
  })

  return api
}
