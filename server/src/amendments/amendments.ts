import { randomBytes } from 'node:crypto'
import {
  type Amendment,
  type AmendmentResponse,
  getManifesto,
  isManifestoFrozen,
  readAmendments,
  writeAmendment,
} from '@stip/board/doc-model'
import {
  anchorPassage,
  type LocatedPassage,
  locatePassage,
  replacePassage,
  sectionOfBlock,
} from '@stip/manifesto'
import type * as Y from 'yjs'
import * as z from 'zod'
import { describeIssues } from '../boards/create-board-body'
import { httpError } from '../http/http-error'
import type { BoardRecord, BoardStore } from '../store/board-store'
import type { RoomRegistry } from '../sync/room-registry'

export interface AmendmentDeps {
  store: BoardStore
  registry: RoomRegistry
}

/** Who asks, as the link and the person tell it (see organisationOf). */
export interface AmendmentCaller {
  /** The organisation a signing link signs for; it cannot speak for any other. */
  signsFor: { organisationId: string } | undefined
}

const Name = z.string().trim().min(1).max(80)

export const ProposeBody = z.object({
  organisation: z.string().trim().min(1).max(80).optional(),
  name: Name,
  passage: z.object({
    path: z.array(z.number().int().min(0).max(10_000)).min(1).max(8),
    from: z.number().int().min(0),
    to: z.number().int().min(1),
    /** The passage as the proposer saw it: refused when the server's text reads otherwise. */
    text: z.string().min(1).max(4000),
  }),
  replacement: z.string().max(4000),
  reason: z.string().trim().min(1).max(1000),
})

export const RespondBody = z.object({
  organisation: z.string().trim().min(1).max(80).optional(),
  name: Name,
  stance: z.enum(['support', 'object', 'abstain']),
  reason: z.string().trim().max(500).default(''),
})

export const DecideBody = z.object({
  decision: z.enum(['accepted', 'rejected']),
  note: z.string().trim().max(500).default(''),
})

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw httpError(400, describeIssues(parsed.error))
  return parsed.data
}

async function boardOf(deps: AmendmentDeps, boardId: string): Promise<BoardRecord> {
  const board = await deps.store.getBoard(boardId)
  if (!board) throw httpError(404, 'no such board')
  return board
}

/**
 * The organisation a request speaks for (SPEC M2). A signing link speaks for its own
 * organisation only; an editor names one of the board's organisations, as they did when they
 * joined: the server cannot check that claim, so it is as trusted as the name on a note.
 */
function organisationOf(
  board: BoardRecord,
  caller: AmendmentCaller,
  named: string | undefined,
): { id: string; name: string } {
  if (caller.signsFor) {
    const own = board.organisations.find((o) => o.id === caller.signsFor!.organisationId)
    return own ?? { id: caller.signsFor.organisationId, name: caller.signsFor.organisationId }
  }
  if (!named) throw httpError(400, 'organisation: name the organisation you speak for')
  const wanted = named.toLowerCase()
  const found = board.organisations.find((o) => o.id === named || o.name.toLowerCase() === wanted)
  if (!found) throw httpError(400, `organisation: the board has no organisation "${named}"`)
  return { id: found.id, name: found.name }
}

const FROZEN =
  'the manifesto is frozen for signing; amendments wait until the facilitator unfreezes it'

type ProposeInput = z.output<typeof ProposeBody>

/** Why a proposal cannot be made on `doc` as it is, or where its passage is (SPEC M1, M6). */
function checkProposal(
  doc: Y.Doc,
  input: ProposeInput,
): string | { passage: LocatedPassage; section: { key: string | null; title: string } } {
  if (isManifestoFrozen(doc)) return FROZEN
  const fragment = getManifesto(doc)
  const passage = locatePassage(fragment, input.passage)
  if (!passage) return 'the passage is not one stretch of text in one paragraph of the manifesto'
  if (passage.content !== input.passage.text) {
    return 'the passage changed before the proposal arrived; select it again'
  }
  if (input.replacement === passage.content) return 'the new text is the same as the passage'
  return { passage, section: sectionOfBlock(fragment, input.passage.path[0]!) }
}

const highestNumber = (doc: Y.Doc) =>
  readAmendments(doc).reduce((max, a) => Math.max(max, a.number), 0)

/**
 * Proposes a change to one passage (SPEC M1–M3); the server anchors the passage itself. The
 * number comes from the store's per-board counter, so two instances proposing at the same
 * moment never hand out the same one. The proposal is checked before a number is taken, and
 * again when it is written: only a change that slips in between leaves a number unused.
 */
export async function proposeAmendment(
  deps: AmendmentDeps,
  boardId: string,
  caller: AmendmentCaller,
  body: unknown,
): Promise<Amendment> {
  const input = parse(ProposeBody, body)
  const board = await boardOf(deps, boardId)
  const organisation = organisationOf(board, caller, input.organisation)
  const known = await deps.registry.inspectDocument(boardId, (doc) => {
    const check = checkProposal(doc, input)
    return typeof check === 'string' ? check : highestNumber(doc)
  })
  if (typeof known === 'string') throw httpError(409, known)
  const number = await deps.store.nextAmendmentNumber(boardId, known)
  const result = await deps.registry.changeDocument(boardId, (doc): Amendment | string => {
    const check = checkProposal(doc, input)
    if (typeof check === 'string') return check
    const amendment: Amendment = {
      id: randomBytes(9).toString('base64url'),
      number,
      status: 'open',
      organisationId: organisation.id,
      organisationName: organisation.name,
      proposerName: input.name,
      sectionKey: check.section.key,
      sectionTitle: check.section.title,
      original: check.passage.content,
      replacement: input.replacement,
      reason: input.reason,
      anchor: anchorPassage(check.passage),
      proposedAt: Date.now(),
      responses: {},
      decision: null,
      carriedFrom: null,
    }
    writeAmendment(doc, amendment)
    return amendment
  })
  if (typeof result === 'string') throw httpError(409, result)
  return result
}

/**
 * One organisation's support, objection or abstention, with a line of reasoning (SPEC M4).
 * Resolves with the amendment and the answer as stored (for the audit log).
 */
export async function respondToAmendment(
  deps: AmendmentDeps,
  boardId: string,
  amendmentId: string,
  caller: AmendmentCaller,
  body: unknown,
): Promise<{ amendment: Amendment; answer: AmendmentResponse }> {
  const input = parse(RespondBody, body)
  const board = await boardOf(deps, boardId)
  const organisation = organisationOf(board, caller, input.organisation)
  const answer: AmendmentResponse = {
    organisationId: organisation.id,
    organisationName: organisation.name,
    stance: input.stance,
    reason: input.reason,
    by: input.name,
    at: Date.now(),
  }
  const amendment = await changeAmendment(deps, boardId, amendmentId, (amendment) => {
    if (amendment.status !== 'open') return 'this amendment has been decided'
    if (amendment.organisationId === organisation.id) {
      return `${organisation.name} proposed this amendment; the other organisations answer it`
    }
    amendment.responses[organisation.id] = answer
    return null
  })
  return { amendment, answer }
}

/**
 * The facilitator's decision (SPEC M5, M6): rejecting only closes the amendment; accepting
 * replaces the passage in the manifesto in the same change, and is refused while the text is
 * frozen or when the passage no longer reads as it did when proposed.
 */
export async function decideAmendment(
  deps: AmendmentDeps,
  boardId: string,
  amendmentId: string,
  body: unknown,
): Promise<Amendment> {
  const input = parse(DecideBody, body)
  await boardOf(deps, boardId)
  return changeAmendment(deps, boardId, amendmentId, (amendment, doc) => {
    if (amendment.status !== 'open') return 'this amendment has been decided'
    if (input.decision === 'accepted') {
      if (isManifestoFrozen(doc)) return FROZEN
      if (!replacePassage(doc, amendment.anchor, amendment.original, amendment.replacement)) {
        return 'the passage has changed since this amendment was proposed; it cannot be applied as it stands'
      }
    }
    amendment.status = input.decision
    amendment.decision = { at: Date.now(), note: input.note }
    return null
  })
}

async function changeAmendment(
  deps: AmendmentDeps,
  boardId: string,
  amendmentId: string,
  change: (amendment: Amendment, doc: Y.Doc) => string | null,
): Promise<Amendment> {
  const result = await deps.registry.changeDocument(boardId, (doc): Amendment | number | string => {
    const amendment = readAmendments(doc).find((a) => a.id === amendmentId)
    if (!amendment) return 404
    // Inside the registry's one transaction: the text change and the record land together.
    const refusal = change(amendment, doc)
    if (refusal !== null) return refusal
    writeAmendment(doc, amendment)
    return amendment
  })
  if (result === 404) throw httpError(404, 'no such amendment')
  if (typeof result === 'string') throw httpError(409, result)
  return result as Amendment
}
