import { randomBytes } from 'node:crypto'
import { type Role, TOKEN_FRAGMENT_KEY } from '@stip/protocol'
import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { auditToCsv } from '../audit/audit-csv'
import type { AuditActor, AuditLog } from '../audit/audit-log'
import type { BoardAccess } from '../auth/board-access'
import { generateToken, hashToken } from '../auth/tokens'
import { sniffImageType } from '../boards/asset-types'
import {
  CreateBoardBody,
  describeIssues,
  ORGANISATION_PALETTE,
  slugFor,
} from '../boards/create-board-body'
import { initialBoardDoc } from '../boards/initial-board-doc'
import { storeNewBoard } from '../boards/store-new-board'
import type { Config } from '../config'
import type { Limits } from '../limits/open-limits'
import type { Logger } from '../logger'
import { retentionNotice } from '../retention/retention'
import type { BoardStore } from '../store/board-store'
import type { RoomRegistry } from '../sync/room-registry'
import { createAmendmentsApi } from './amendments-api'
import { exportBoard } from './board-export'
import { clientAddress } from './client-address'
import { createCommentsApi } from './comments-api'
import { createCommitmentsApi } from './commitments-api'
import type { CreationRules } from './creation-guard'
import { creationRate } from './creation-rate'
import { declared } from './declared-header'
import { createFollowUpApi } from './follow-up-api'
import { httpError } from './http-error'
import { createManifestoExportApi } from './manifesto-export-api'
import { publicOrigin } from './public-origin'
import { readJsonBody } from './read-json-body'
import { createReportApi } from './report-api'
import { type BoardEnv, createRequireRole } from './require-role'
import { createSealedApi } from './sealed-api'
import { createSigningApi, signsForOf } from './signing-api'
import { createVersionsApi } from './versions-api'
import { writeRate } from './write-rate'

export interface BoardsApiDeps {
  store: BoardStore
  registry: RoomRegistry
  access: BoardAccess
  limits: Limits
  creation: CreationRules
  audit: AuditLog
  config: Config
  logger: Logger
}

type Env = BoardEnv

const JSON_BODY_LIMIT = 64 * 1024
const ROTATABLE: readonly Role[] = ['editor', 'viewer']
/** The downloads that count as exports in the audit log, besides export.json. */
const AUDITED_EXPORT = /\/(manifesto|report)\.(md|csv|docx|pdf)$/

/** The board endpoints under /api/boards; every one but creation needs a token. */
export function createBoardsApi(deps: BoardsApiDeps): Hono<Env> {
  const { store, registry, access, limits, creation, audit, config, logger } = deps
  const api = new Hono<Env>()

  const shareLink = (c: Context, boardId: string, token: string) =>
    `${publicOrigin(c, config)}/b/${boardId}#${TOKEN_FRAGMENT_KEY}=${token}`

  const requireRole = createRequireRole(access)
  const rate = creationRate(limits, config)
  const log = logger.child({ module: 'write-rate' })
  const limitWrites = writeRate(limits.writesPerLink, log)
  const limitSealedSaves = writeRate(limits.sealedSavesPerLink, log)

  const jsonLimit = bodyLimit({
    maxSize: JSON_BODY_LIMIT,
    onError: () => {
      throw httpError(413, `the body must be at most ${JSON_BODY_LIMIT} bytes`)
    },
  })

  api.post('/', jsonLimit, creation.guard, async (c) => {
    const address = clientAddress(c)
    await rate.refuseIfOver(address)
    const body = await readJsonBody(c)
    if (body === undefined) throw httpError(400, 'the body must be JSON')
    const parsed = CreateBoardBody.safeParse(body)
    if (!parsed.success) throw httpError(400, describeIssues(parsed.error))
    await rate.count(address)

    const taken = new Set<string>()
    const { board, tokens } = await storeNewBoard(
      store,
      {
        title: parsed.data.title,
        template: parsed.data.template ?? null,
        organisations: (parsed.data.organisations ?? []).map((organisation, index) => ({
          id: slugFor(organisation.name, taken),
          name: organisation.name,
          color: organisation.color ?? ORGANISATION_PALETTE[index % ORGANISATION_PALETTE.length]!,
        })),
      },
      (board) => initialBoardDoc({ ...board, locale: parsed.data.locale ?? 'nl' }),
    )
    await audit.record(
      board.id,
      'board.created',
      { role: 'facilitator' },
      {
        title: board.title,
        template: board.template,
        organisations: board.organisations.map((o) => o.name),
      },
    )
    const links = {
      facilitator: shareLink(c, board.id, tokens.facilitator),
      editor: shareLink(c, board.id, tokens.editor),
      viewer: shareLink(c, board.id, tokens.viewer),
    }
    return c.json({ id: board.id, title: board.title, links }, 201)
  })

  api.get('/:boardId', requireRole(), async (c) => {
    const board = await store.getBoard(c.req.param('boardId'))
    if (!board) throw httpError(404, 'no such board')
    const role = c.get('role')
    const retention =
      role === 'facilitator' ? retentionNotice(config, await store.boardSummary(board.id)) : null
    return c.json({ ...board, role, ...signsForOf(board, c.get('signsFor')), retention })
  })

  // Every successful download of the manifesto or the session report is an export.
  api.use('/:boardId/*', async (c, next) => {
    await next()
    if (c.req.method !== 'GET' || c.res.status !== 200 || !AUDITED_EXPORT.test(c.req.path)) return
    const [, what, format] = AUDITED_EXPORT.exec(c.req.path)!
    await audit.record(c.req.param('boardId')!, 'board.exported', actorOf(c), { what, format })
  })

  api.get('/:boardId/audit', requireRole('facilitator'), async (c) => {
    const format = c.req.query('format') ?? 'json'
    if (format !== 'json' && format !== 'csv') throw httpError(400, 'format must be json or csv')
    const board = await store.getBoard(c.req.param('boardId'))
    if (!board) throw httpError(404, 'no such board')
    await audit.record(board.id, 'audit.downloaded', actorOf(c), { format })
    const entries = await store.listAudit(board.id)
    c.header('Content-Disposition', `attachment; filename="stip-${board.id}-audit.${format}"`)
    c.header('Cache-Control', 'no-store')
    if (format === 'json') return c.json({ boardId: board.id, entries })
    c.header('Content-Type', 'text/csv; charset=utf-8')
    return c.body(auditToCsv(entries))
  })

  api.get('/:boardId/export.json', requireRole('facilitator'), async (c) => {
    const board = await store.getBoard(c.req.param('boardId'))
    if (!board) throw httpError(404, 'no such board')
    const doc = await registry.readDocument(board.id)
    await audit.record(board.id, 'board.exported', actorOf(c), { what: 'board', format: 'json' })
    const retention = retentionNotice(config, await store.boardSummary(board.id))
    const exported = await exportBoard(board, doc, store, retention)
    doc.destroy()
    c.header('Content-Disposition', `attachment; filename="stip-${board.id}.json"`)
    c.header('Cache-Control', 'no-store')
    return c.json(exported)
  })

  api.delete('/:boardId', requireRole('facilitator'), async (c) => {
    const board = await store.getBoard(c.req.param('boardId'))
    await registry.deleteBoard(c.req.param('boardId'))
    await audit.record(c.req.param('boardId'), 'board.deleted', actorOf(c), {
      title: board?.title ?? null,
    })
    return c.body(null, 204)
  })

  api.post('/:boardId/links/:role', requireRole('facilitator'), async (c) => {
    const boardId = c.req.param('boardId')
    const role = c.req.param('role') as Role
    if (!ROTATABLE.includes(role)) {
      throw httpError(400, `only the ${ROTATABLE.join(' and ')} links can be renewed`)
    }
    const token = generateToken()
    await store.replaceToken(boardId, { role, hash: hashToken(token) })
    // Logged before the revocation, whose closed sessions are logged in their turn.
    await audit.record(boardId, 'link.renewed', actorOf(c), { link: role })
    await registry.revoke(boardId, { kind: 'link-renewed', role })
    return c.json({ role, link: shareLink(c, boardId, token) })
  })

  api.post(
    '/:boardId/assets',
    bodyLimit({
      maxSize: config.maxAssetBytes,
      onError: () => {
        throw httpError(413, `an image may be at most ${config.maxAssetBytes} bytes`)
      },
    }),
    requireRole('facilitator', 'editor'),
    limitWrites,
    async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      if (bytes.length === 0) throw httpError(400, 'the body must be the image file')
      const type = sniffImageType(bytes)
      if (!type) throw httpError(415, 'only PNG, JPEG, GIF and WebP images are accepted')
      const id = randomBytes(16).toString('base64url')
      const boardId = c.req.param('boardId')
      const held = (await store.listAssets(boardId)).reduce((sum, asset) => sum + asset.size, 0)
      if (held + bytes.length > config.maxBoardAssetBytes) {
        throw httpError(
          413,
          `a board may hold at most ${config.maxBoardAssetBytes} bytes of images`,
          'board-assets-full',
        )
      }
      const fileName = safeFileName(c.req.header('x-file-name'), `${id}.${type.extension}`)
      await store.putAsset(
        {
          id,
          boardId,
          mimeType: type.mimeType,
          fileName,
          size: bytes.length,
          createdAt: Date.now(),
        },
        bytes,
      )
      return c.json(
        { id, src: `/api/boards/${boardId}/assets/${id}`, mimeType: type.mimeType },
        201,
      )
    },
  )

  api.get('/:boardId/assets/:assetId', requireRole(), async (c) => {
    const found = await store.getAsset(c.req.param('boardId'), c.req.param('assetId'))
    if (!found) throw httpError(404, 'no such image')
    c.header('Content-Type', found.asset.mimeType)
    c.header('Content-Disposition', `inline; filename="${found.asset.fileName}"`)
    c.header('Content-Security-Policy', "default-src 'none'; sandbox")
    c.header('Cache-Control', 'private, max-age=31536000, immutable')
    return c.body(found.data as Uint8Array<ArrayBuffer>)
  })

  api.route(
    '/',
    createSigningApi({
      store,
      registry,
      requireRole,
      shareLink,
      jsonLimit,
      writeRate: limitWrites,
      audit,
    }),
  )
  api.route(
    '/',
    createVersionsApi({
      store,
      registry,
      requireRole,
      jsonLimit,
      writeRate: limitWrites,
      audit,
      maxVersions: config.maxVersionsPerBoard,
    }),
  )
  api.route('/', createManifestoExportApi({ store, registry, requireRole }))
  api.route('/', createReportApi({ store, registry, requireRole }))
  api.route(
    '/',
    createSealedApi({ store, registry, requireRole, jsonLimit, writeRate: limitSealedSaves }),
  )
  api.route(
    '/',
    createAmendmentsApi({ store, registry, requireRole, jsonLimit, writeRate: limitWrites, audit }),
  )
  api.route(
    '/',
    createCommitmentsApi({
      store,
      registry,
      requireRole,
      jsonLimit,
      writeRate: limitWrites,
      audit,
    }),
  )
  api.route(
    '/',
    createCommentsApi({ store, registry, requireRole, jsonLimit, writeRate: limitWrites, audit }),
  )
  api.route(
    '/',
    createFollowUpApi({
      store,
      registry,
      requireRole,
      jsonLimit,
      audit,
      rate,
      addressAllowed: creation.addressAllowed,
      shareLink,
    }),
  )

  return api
}

/**
 * The caller as the audit log names them: their link's role, and who they said they are on
 * joining (the client sends name and organisation URI-encoded in `Stip-Participant-Name` and
 * `Stip-Participant-Organisation`); a signing link's own organisation wins over what is said.
 */
export function actorOf(c: Context<Env>): AuditActor {
  return {
    role: c.get('role'),
    organisation:
      c.get('signsFor')?.organisationId ?? declared(c.req.header('stip-participant-organisation')),
    participant: declared(c.req.header('stip-participant-name')),
  }
}

/** A file name fit for a header: ASCII letters, digits, dot, dash and underscore only. */
function safeFileName(declared: string | undefined, fallback: string): string {
  const cleaned = (declared ?? '').replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100)
  return /[A-Za-z0-9]/.test(cleaned) ? cleaned : fallback
}
