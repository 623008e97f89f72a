import { getSessions, readNextSession, SessionKey } from '@stip/board/doc-model'
import { type Context, Hono, type MiddlewareHandler } from 'hono'
import * as z from 'zod'
import type { AuditLog } from '../audit/audit-log'
import { describeIssues } from '../boards/create-board-body'
import { storeNewBoard } from '../boards/store-new-board'
import { carryOver } from '../follow-up/carry-over'
import type { BoardStore } from '../store/board-store'
import type { RoomRegistry } from '../sync/room-registry'
import { clientAddress } from './client-address'
import type { CreationRate } from './creation-rate'
import { httpError } from './http-error'
import { readJsonBody } from './read-json-body'
import type { BoardEnv, RequireRole } from './require-role'

export interface FollowUpApiDeps {
  store: BoardStore
  registry: RoomRegistry
  requireRole: RequireRole
  jsonLimit: MiddlewareHandler
  audit: AuditLog
  rate: CreationRate
  addressAllowed(c: Context): boolean
  shareLink(c: Context, boardId: string, token: string): string
}

const FollowUpBody = z
  .object({
    title: z.string().trim().min(1, 'title must not be empty').max(120).optional(),
    locale: z.enum(['nl', 'en'], { message: 'locale must be nl or en' }).optional(),
  })
  .strict()

const SUFFIX = { nl: ' · vervolgsessie', en: ' · follow-up session' } as const

/**
 * A vervolgsessie (auth rule A12): the facilitator starts a new board from this one. The
 * facilitator's link stands in for the creation key (whoever made the first board had it);
 * the address allow-list and the creation quotas apply as to any new board.
 */
export function createFollowUpApi(deps: FollowUpApiDeps): Hono<BoardEnv> {
  const { store, registry, requireRole, jsonLimit, audit, rate } = deps
  const api = new Hono<BoardEnv>()

  api.post('/:boardId/follow-up', jsonLimit, requireRole('facilitator'), async (c) => {
    if (!deps.addressAllowed(c)) {
      throw httpError(403, 'boards may not be created from this address', 'creation-not-allowed')
    }
    const address = clientAddress(c)
    await rate.refuseIfOver(address)
    const raw = await readJsonBody(c)
    const parsed = FollowUpBody.safeParse(raw ?? {})
    if (!parsed.success) throw httpError(400, describeIssues(parsed.error))
    const boardId = c.req.param('boardId')
    const source = await store.getBoard(boardId)
    if (!source) throw httpError(404, 'no such board')
    const locale = parsed.data.locale ?? 'nl'
    const title =
      parsed.data.title ?? `${source.title.slice(0, 120 - SUFFIX[locale].length)}${SUFFIX[locale]}`

    const already = await registry.inspectDocument(boardId, readNextSession)
    if (already) {
      throw httpError(409, 'this board already has a vervolgsessie', 'already-continued')
    }
    const doc = await registry.readDocument(boardId)
    const carried = await carryOver(
      { boardId, title: source.title, doc },
      locale,
      Date.now(),
    ).finally(() => doc.destroy())
    await rate.count(address)
    const { board, tokens } = await storeNewBoard(
      store,
      { title, template: null, organisations: source.organisations },
      carried.update,
    )
    const next = { boardId: board.id, title: board.title, createdAt: board.createdAt }
    const linked = await registry.changeDocument(boardId, (live) => {
      if (readNextSession(live)) return false
      getSessions(live).set(SessionKey.next, next)
      return true
    })
    if (!linked) {
      // Another request continued the board meanwhile: this one's board is not kept.
      await registry.deleteBoard(board.id)
      throw httpError(409, 'this board already has a vervolgsessie', 'already-continued')
    }
    const actor = { role: c.get('role') }
    const detail = {
      from: boardId,
      to: board.id,
      commitments: carried.commitments,
      amendments: carried.amendments,
      comments: carried.comments,
    }
    await audit.record(board.id, 'board.created', actor, {
      title: board.title,
      template: null,
      organisations: board.organisations.map((o) => o.name),
      continues: boardId,
    })
    await audit.record(boardId, 'board.continued', actor, detail)
    const links = {
      facilitator: deps.shareLink(c, board.id, tokens.facilitator),
      editor: deps.shareLink(c, board.id, tokens.editor),
      viewer: deps.shareLink(c, board.id, tokens.viewer),
    }
    return c.json(
      {
        id: board.id,
        title: board.title,
        links,
        carried: {
          shapes: carried.shapes,
          commitments: carried.commitments,
          amendments: carried.amendments,
          comments: carried.comments,
          signatures: carried.previous.signatures.length,
        },
      },
      201,
    )
  })

  return api
}
