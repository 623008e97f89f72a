import { getManifesto, getSignatures } from '@stip/board/doc-layout'
import {
  canonicalManifestoText,
  isManifestoEmpty,
  manifestoHash,
  type Signature,
} from '@stip/manifesto'
import { type Context, Hono, type MiddlewareHandler } from 'hono'
import * as z from 'zod'
import type { AuditLog } from '../audit/audit-log'
import { generateToken, hashToken } from '../auth/tokens'
import { describeIssues } from '../boards/create-board-body'
import type { BoardRecord, BoardStore } from '../store/board-store'
import type { RoomRegistry } from '../sync/room-registry'
import { httpError } from './http-error'
import { readJsonBody } from './read-json-body'
import type { BoardEnv } from './require-role'

export interface SigningApiDeps {
  store: BoardStore
  registry: RoomRegistry
  requireRole: (...roles: Array<'facilitator' | 'editor' | 'viewer'>) => MiddlewareHandler<BoardEnv>
  /** The full share link for a token of this board. */
  shareLink: (c: Context, boardId: string, token: string) => string
  jsonLimit: MiddlewareHandler
  /** Counts each write by a non-facilitator link (write-rate.ts). */
  writeRate: MiddlewareHandler<BoardEnv>
  audit: AuditLog
}

const SignBody = z.object({
  signerName: z.string().trim().min(1).max(120),
  signerFunction: z.string().trim().min(1).max(120),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'hash must be 64 lowercase hex characters'),
})

/** `signsFor` as GET /api/boards/:id reports it: with the organisation's name. */
export function signsForOf(
  board: BoardRecord,
  signsFor: { organisationId: string } | undefined,
): { signsFor?: { organisationId: string; organisationName: string } } {
  if (!signsFor) return {}
  const organisation = board.organisations.find((o) => o.id === signsFor.organisationId)
  return {
    signsFor: {
      organisationId: signsFor.organisationId,
      organisationName: organisation?.name ?? signsFor.organisationId,
    },
  }
}

/**
 * Signing links (one per organisation, handed out by the facilitator) and the signatures made
 * with them. The server computes the text's hash itself and writes the signature into the
 * live document: no client can write signatures (see authorize-update.ts).
 */
export function createSigningApi(deps: SigningApiDeps): Hono<BoardEnv> {
  const { store, registry, requireRole, shareLink, jsonLimit, writeRate, audit } = deps
  const api = new Hono<BoardEnv>()

  api.get('/:boardId/signing-links', requireRole('facilitator'), async (c) => {
    const board = await store.getBoard(c.req.param('boardId'))
    if (!board) throw httpError(404, 'no such board')
    const links = new Map(
      (await store.listSigningTokens(board.id)).map((t) => [t.organisationId, t.createdAt]),
    )
    return c.json({
      organisations: board.organisations.map((organisation) => ({
        organisationId: organisation.id,
        organisationName: organisation.name,
        hasLink: links.has(organisation.id),
        createdAt: links.get(organisation.id) ?? null,
      })),
    })
  })

  api.post('/:boardId/signing-links/:organisationId', requireRole('facilitator'), async (c) => {
    const board = await store.getBoard(c.req.param('boardId'))
    if (!board) throw httpError(404, 'no such board')
    const organisationId = c.req.param('organisationId')
    if (!board.organisations.some((o) => o.id === organisationId)) {
      throw httpError(404, `the board has no organisation "${organisationId}"`)
    }
    const organisation = board.organisations.find((o) => o.id === organisationId)!
    const hadOne = (await store.listSigningTokens(board.id)).some(
      (t) => t.organisationId === organisationId,
    )
    const token = generateToken()
    await store.replaceSigningToken(board.id, {
      organisationId,
      hash: hashToken(token),
      createdAt: Date.now(),
    })
    const actor = { role: c.get('role') }
    const signer = { organisationId, organisationName: organisation.name }
    if (hadOne) await audit.record(board.id, 'signing-link.revoked', actor, signer)
    await audit.record(board.id, 'signing-link.made', actor, signer)
    await registry.revoke(board.id, { kind: 'signing-link-renewed', organisationId })
    return c.json({ organisationId, link: shareLink(c, board.id, token) }, 201)
  })

  api.post('/:boardId/signatures', jsonLimit, requireRole(), writeRate, async (c) => {
    const signsFor = c.get('signsFor')
    if (!signsFor) {
      throw httpError(403, 'only an organisation\u2019s signing link may sign')
    }
    const board = await store.getBoard(c.req.param('boardId'))
    if (!board) throw httpError(404, 'no such board')
    const parsed = SignBody.safeParse(await readJsonBody(c))
    if (!parsed.success) throw httpError(400, describeIssues(parsed.error))

    const current = await registry.readDocument(board.id)
    const empty = isManifestoEmpty(getManifesto(current))
    const text = canonicalManifestoText(getManifesto(current))
    current.destroy()
    if (empty) throw httpError(409, 'the manifesto has no text to sign yet')
    const hash = await manifestoHash(text)
    const stale = { error: 'the manifesto changed; read it again before signing' }
    if (hash !== parsed.data.hash) return c.json(stale, 409)

    const organisationName = signsForOf(board, signsFor).signsFor!.organisationName
    const signature: Signature = {
      organisationId: signsFor.organisationId,
      organisationName,
      signerName: parsed.data.signerName,
      signerFunction: parsed.data.signerFunction,
      signedAt: Date.now(),
      hash,
      text,
    }
    // Checked again inside the change: an edit may have landed while the hash was computed.
    const written = await registry.changeDocument(board.id, (doc) => {
      if (canonicalManifestoText(getManifesto(doc)) !== text) return false
      getSignatures(doc).set(signature.organisationId, signature)
      return true
    })
    if (!written) return c.json(stale, 409)
    await audit.record(
      board.id,
      'manifesto.signed',
      { role: c.get('role'), organisation: organisationName, participant: signature.signerName },
      { organisationId: signature.organisationId, signerFunction: signature.signerFunction, hash },
    )
    return c.json({ signature }, 201)
  })

  return api
}
