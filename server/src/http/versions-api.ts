import { randomBytes } from 'node:crypto'
import { getManifesto, isManifestoFrozen } from '@stip/board/doc-model'
import { readStoredRecords } from '@stip/board/record-container'
import { canonicalManifestoText, manifestoHash, manifestoToMarkdown } from '@stip/manifesto'
import { Hono, type MiddlewareHandler } from 'hono'
import * as Y from 'yjs'
import * as z from 'zod'
import type { AuditLog } from '../audit/audit-log'
import { describeIssues } from '../boards/create-board-body'
import type { BoardStore, VersionRecord } from '../store/board-store'
import { RESTORE_ORIGIN } from '../sync/origins'
import type { RoomRegistry } from '../sync/room-registry'
import { docFromSnapshot } from '../versions/snapshot-doc'
import { httpError } from './http-error'
import { readJsonBody } from './read-json-body'
import type { BoardEnv } from './require-role'

export interface VersionsApiDeps {
  store: BoardStore
  registry: RoomRegistry
  requireRole: (...roles: Array<'facilitator' | 'editor' | 'viewer'>) => MiddlewareHandler<BoardEnv>
  jsonLimit: MiddlewareHandler
  /** Counts each write by a non-facilitator link (write-rate.ts). */
  writeRate: MiddlewareHandler<BoardEnv>
  audit: AuditLog
  /** Versions a board may hold (MAX_VERSIONS_PER_BOARD); past it, saving answers 409. */
  maxVersions: number
}

const NAME_MAX = 120

const SaveBody = z.object({
  name: z.string().trim().min(1).max(NAME_MAX),
  authorName: z.string().trim().min(1).max(NAME_MAX),
})
const RestoreBody = z.object({ authorName: z.string().trim().min(1).max(NAME_MAX) }).partial()

/**
 * Named versions: snapshots of the whole board document (canvas and manifesto) stored by the
 * server, listed, opened read-only, and restored as one new change of the live board.
 */
export function createVersionsApi(deps: VersionsApiDeps): Hono<BoardEnv> {
  const { store, registry, requireRole, jsonLimit, audit, maxVersions } = deps
  const api = new Hono<BoardEnv>()

  /** Snapshots the live board as a new version, or null when the board has too many. */
  async function saveVersion(
    boardId: string,
    name: string,
    authorName: string,
  ): Promise<VersionRecord | null> {
    if ((await store.listVersions(boardId)).length >= maxVersions) return null
    const doc = await registry.readDocument(boardId)
    const snapshot = Y.encodeStateAsUpdate(doc)
    const version: VersionRecord = {
      id: randomBytes(9).toString('base64url'),
      boardId,
      name,
      authorName,
      createdAt: Date.now(),
      manifestoHash: await manifestoHash(canonicalManifestoText(getManifesto(doc))),
    }
    doc.destroy()
    await store.putVersion(version, snapshot)
    return version
  }
  const tooMany = {
    error: `a board keeps at most ${maxVersions} versions`,
    code: 'too-many-versions',
  }

  api.post(
    '/:boardId/versions',
    jsonLimit,
    requireRole('facilitator', 'editor'),
    deps.writeRate,
    async (c) => {
      const parsed = SaveBody.safeParse(await readJsonBody(c))
      if (!parsed.success) throw httpError(400, describeIssues(parsed.error))
      const version = await saveVersion(
        c.req.param('boardId'),
        parsed.data.name,
        parsed.data.authorName,
      )
      if (!version) return c.json(tooMany, 409)
      await audit.record(
        version.boardId,
        'version.saved',
        { role: c.get('role'), participant: version.authorName },
        { versionId: version.id, name: version.name },
      )
      return c.json({ version }, 201)
    },
  )

  api.get('/:boardId/versions', requireRole(), async (c) => {
    return c.json({ versions: await store.listVersions(c.req.param('boardId')) })
  })

  api.get('/:boardId/versions/:versionId', requireRole(), async (c) => {
    const found = await store.getVersion(c.req.param('boardId'), c.req.param('versionId'))
    if (!found) throw httpError(404, 'no such version')
    const doc = docFromSnapshot(found.snapshot)
    const body = {
      version: found.version,
      records: [...readStoredRecords(doc).values()],
      manifestoMarkdown: manifestoToMarkdown(getManifesto(doc)),
    }
    doc.destroy()
    return c.json(body)
  })

  api.post(
    '/:boardId/versions/:versionId/restore',
    jsonLimit,
    requireRole('facilitator'),
    async (c) => {
      const boardId = c.req.param('boardId')
      const text = await c.req.text()
      const parsed = RestoreBody.safeParse(text.trim() === '' ? {} : safeJson(text))
      if (!parsed.success) throw httpError(400, describeIssues(parsed.error))
      const found = await store.getVersion(boardId, c.req.param('versionId'))
      if (!found) throw httpError(404, 'no such version')
      const live = await registry.readDocument(boardId)
      const frozen = isManifestoFrozen(live)
      live.destroy()
      // A restore would move the text under the signers' feet, as any edit would.
      if (frozen) throw httpError(409, 'the manifesto is frozen for signing; unfreeze it first')
      const backupName = `Voor herstel van ${found.version.name}`.slice(0, NAME_MAX)
      const backup = await saveVersion(boardId, backupName, parsed.data.authorName ?? 'Stip')
      if (!backup) return c.json(tooMany, 409)
      // Loaded on first use: it brings the manifesto editor's schema (TipTap).
      const { restoreSnapshot } = await import('../versions/restore-snapshot')
      await registry.changeDocument(
        boardId,
        (doc) => restoreSnapshot(doc, found.snapshot),
        RESTORE_ORIGIN,
      )
      await audit.record(
        boardId,
        'version.restored',
        { role: c.get('role'), participant: parsed.data.authorName ?? null },
        { versionId: found.version.id, name: found.version.name, backupId: backup.id },
      )
      return c.json({ restored: found.version, backup })
    },
  )

  return api
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
