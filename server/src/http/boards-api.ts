import { randomBytes } from 'node:crypto'
import { type Role, TOKEN_FRAGMENT_KEY } from '@stip/protocol'
import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AddressCounter } from '../auth/address-counter'
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
import type { Config } from '../config'
import type { BoardRecord, BoardStore } from '../store/board-store'
import type { RoomRegistry } from '../sync/room-registry'
import { exportBoard } from './board-export'
import { clientAddress } from './client-address'
import { httpError } from './http-error'
import { createManifestoExportApi } from './manifesto-export-api'
import { publicOrigin } from './public-origin'
import { readJsonBody } from './read-json-body'
import { createReportApi } from './report-api'
import { type BoardEnv, createRequireRole } from './require-role'
import { createSealedApi } from './sealed-api'
import { createSigningApi, signsForOf } from './signing-api'
import { createVersionsApi } from './versions-api'

export interface BoardsApiDeps {
  store: BoardStore
  registry: RoomRegistry
  access: BoardAccess
  boardCreations: AddressCounter
  config: Config
}

type Env = BoardEnv

const JSON_BODY_LIMIT = 64 * 1024
const ROTATABLE: readonly Role[] = ['editor', 'viewer']

/** The board endpoints under /api/boards; every one but creation needs a token. */
export function createBoardsApi(deps: BoardsApiDeps): Hono<Env> {
  const { store, registry, access, boardCreations, config } = deps
  const api = new Hono<Env>()

  const shareLink = (c: Context, boardId: string, token: string) =>
    `${publicOrigin(c, config)}/b/${boardId}#${TOKEN_FRAGMENT_KEY}=${token}`

  const requireRole = createRequireRole(access)

  const jsonLimit = bodyLimit({
    maxSize: JSON_BODY_LIMIT,
    onError: () => {
      throw httpError(413, `the body must be at most ${JSON_BODY_LIMIT} bytes`)
    },
  })

  api.post('/', jsonLimit, async (c) => {
    const address = clientAddress(c)
    if (boardCreations.isOver(address)) {
      throw httpError(429, 'too many boards created from this address; wait a minute')
    }
    const body = await readJsonBody(c)
    if (body === undefined) throw httpError(400, 'the body must be JSON')
    const parsed = CreateBoardBody.safeParse(body)
    if (!parsed.success) throw httpError(400, describeIssues(parsed.error))
    boardCreations.add(address)

    const taken = new Set<string>()
    const board: BoardRecord = {
      id: randomBytes(9).toString('base64url'),
      title: parsed.data.title,
      template: parsed.data.template ?? null,
      organisations: (parsed.data.organisations ?? []).map((organisation, index) => ({
        id: slugFor(organisation.name, taken),
        name: organisation.name,
        color: organisation.color ?? ORGANISATION_PALETTE[index % ORGANISATION_PALETTE.length]!,
      })),
      createdAt: Date.now(),
    }
    const tokens = {
      facilitator: generateToken(),
      editor: generateToken(),
      viewer: generateToken(),
    }
    await store.createBoard(
      board,
      Object.entries(tokens).map(([role, token]) => ({
        role: role as Role,
        hash: hashToken(token),
      })),
    )
    await store.appendUpdates(board.id, [initialBoardDoc(board)])
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
    return c.json({ ...board, role: c.get('role'), ...signsForOf(board, c.get('signsFor')) })
  })

  api.get('/:boardId/export.json', requireRole('facilitator'), async (c) => {
    const board = await store.getBoard(c.req.param('boardId'))
    if (!board) throw httpError(404, 'no such board')
    const doc = await registry.readDocument(board.id)
    const exported = await exportBoard(board, doc, store)
    doc.destroy()
    c.header('Content-Disposition', `attachment; filename="stip-${board.id}.json"`)
    c.header('Cache-Control', 'no-store')
    return c.json(exported)
  })

  api.delete('/:boardId', requireRole('facilitator'), async (c) => {
    await registry.deleteBoard(c.req.param('boardId'))
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
    async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      if (bytes.length === 0) throw httpError(400, 'the body must be the image file')
      const type = sniffImageType(bytes)
      if (!type) throw httpError(415, 'only PNG, JPEG, GIF and WebP images are accepted')
      const id = randomBytes(16).toString('base64url')
      const boardId = c.req.param('boardId')
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

  api.route('/', createSigningApi({ store, registry, requireRole, shareLink, jsonLimit }))
  api.route('/', createVersionsApi({ store, registry, requireRole, jsonLimit }))
  api.route('/', createManifestoExportApi({ store, registry, requireRole }))
  api.route('/', createReportApi({ store, registry, requireRole }))
  api.route('/', createSealedApi({ store, registry, requireRole, jsonLimit }))

  return api
}

/** A file name fit for a header: ASCII letters, digits, dot, dash and underscore only. */
function safeFileName(declared: string | undefined, fallback: string): string {
  const cleaned = (declared ?? '').replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100)
  return /[A-Za-z0-9]/.test(cleaned) ? cleaned : fallback
}
