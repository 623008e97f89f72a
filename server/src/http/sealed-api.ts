import { type Context, Hono, type MiddlewareHandler } from 'hono'
import * as z from 'zod'
import { castBallot, readBallot, settleVote } from '../sealed/ballots'
import { PARTICIPANT_HEADER, participantHash } from '../sealed/participant'
import { listOwnSealedNotes, revealSilentRound, sealNote, unsealNote } from '../sealed/sealed-notes'
import type { BoardStore } from '../store/board-store'
import type { RoomRegistry } from '../sync/room-registry'
import { httpError } from './http-error'
import { readJsonBody } from './read-json-body'
import type { BoardEnv, RequireRole } from './require-role'

export interface SealedApiDeps {
  store: BoardStore
  registry: RoomRegistry
  requireRole: RequireRole
  jsonLimit: MiddlewareHandler
  /** Counts each save by a non-facilitator link, on the budget of sealed saves (write-rate.ts). */
  writeRate: MiddlewareHandler<BoardEnv>
}

const ID = /^[A-Za-z0-9_:-]{1,80}$/
const SettleBody = z.object({ phase: z.enum(['revealed', 'closed']) })

/**
 * What the server keeps out of the shared board until the facilitator reveals it (SPEC.md in
 * server/src/auth, rules A9 and A10): each person's dots, and notes written in a silent round.
 * A person is known by the secret their browser sends in the `Stip-Participant` header.
 */
export function createSealedApi(deps: SealedApiDeps): Hono<BoardEnv> {
  const { requireRole, jsonLimit, writeRate } = deps
  const api = new Hono<BoardEnv>()
  const writers = requireRole('facilitator', 'editor')
  const param = (value: string | undefined, what: string) => {
    if (!value || !ID.test(value)) throw httpError(400, `${what} is not a valid id`)
    return value
  }
  const person = (c: Context<BoardEnv>) =>
    participantHash(c.req.param('boardId') ?? '', c.req.header(PARTICIPANT_HEADER))

  api.get('/:boardId/votes/:voteId/ballot', writers, async (c) => {
    const voteId = param(c.req.param('voteId'), 'the vote')
    const dots = await readBallot(deps, c.req.param('boardId'), voteId, person(c))
    return c.json({ dots })
  })

  api.put('/:boardId/votes/:voteId/ballot', jsonLimit, writers, writeRate, async (c) => {
    const voteId = param(c.req.param('voteId'), 'the vote')
    const dots = await castBallot(
      deps,
      c.req.param('boardId'),
      voteId,
      person(c),
      await readJsonBody(c),
    )
    return c.json({ dots })
  })

  api.post('/:boardId/votes/:voteId/phase', jsonLimit, requireRole('facilitator'), async (c) => {
    const voteId = param(c.req.param('voteId'), 'the vote')
    const parsed = SettleBody.safeParse(await readJsonBody(c))
    if (!parsed.success) throw httpError(400, 'phase must be "revealed" or "closed"')
    await settleVote(deps, c.req.param('boardId'), voteId, parsed.data.phase)
    return c.json({ voteId, phase: parsed.data.phase })
  })

  api.get('/:boardId/silent-round/notes', writers, async (c) => {
    return c.json(await listOwnSealedNotes(deps, c.req.param('boardId'), person(c)))
  })

  api.put('/:boardId/silent-round/notes/:noteId', jsonLimit, writers, writeRate, async (c) => {
    const noteId = param(c.req.param('noteId'), 'the note')
    const body = (await readJsonBody(c)) as { record?: unknown } | undefined
    await sealNote(deps, c.req.param('boardId'), person(c), noteId, body?.record)
    return c.body(null, 204)
  })

  api.delete('/:boardId/silent-round/notes/:noteId', writers, writeRate, async (c) => {
    const noteId = param(c.req.param('noteId'), 'the note')
    await unsealNote(deps, c.req.param('boardId'), person(c), noteId)
    return c.body(null, 204)
  })

  api.post('/:boardId/silent-round/reveal', requireRole('facilitator'), async (c) => {
    const revealed = await revealSilentRound(deps, c.req.param('boardId'))
    return c.json({ revealed })
  })

  return api
}
