import { Hono, type MiddlewareHandler } from 'hono'
import { manifestoDocument } from '../manifesto-export/manifesto-document'
import { manifestoMarkdownExport } from '../manifesto-export/manifesto-markdown-export'
import type { BoardStore } from '../store/board-store'
import type { RoomRegistry } from '../sync/room-registry'
import { httpError } from './http-error'
import type { BoardEnv } from './require-role'

export interface ManifestoExportApiDeps {
  store: BoardStore
  registry: RoomRegistry
  requireRole: (...roles: Array<'facilitator' | 'editor' | 'viewer'>) => MiddlewareHandler<BoardEnv>
}

const FORMATS = {
  md: { type: 'text/markdown; charset=utf-8' },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { type: 'application/pdf' },
} as const

/** ASCII letters, digits and dashes, from the board's title: safe in any header and file system. */
export function exportFileName(title: string, extension: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `manifest-${slug || 'stip'}.${extension}`
}

/** GET /api/boards/:id/manifesto.md|.docx|.pdf with any valid token (also as ?token=). */
export function createManifestoExportApi(deps: ManifestoExportApiDeps): Hono<BoardEnv> {
  const { store, registry, requireRole } = deps
  const api = new Hono<BoardEnv>()
  for (const [extension, { type }] of Object.entries(FORMATS)) {
    api.get(`/:boardId/manifesto.${extension}`, requireRole(), async (c) => {
      const board = await store.getBoard(c.req.param('boardId'))
      if (!board) throw httpError(404, 'no such board')
      const doc = await registry.readDocument(board.id)
      const document = await manifestoDocument(board, doc)
      doc.destroy()
      const body =
        extension === 'md'
          ? new TextEncoder().encode(manifestoMarkdownExport(document))
          : extension === 'docx'
            ? await (await import('../manifesto-export/manifesto-docx')).manifestoDocx(document)
            : await (await import('../manifesto-export/manifesto-pdf')).manifestoPdf(document)
      c.header('Content-Type', type)
      c.header(
        'Content-Disposition',
        `attachment; filename="${exportFileName(board.title, extension)}"`,
      )
      c.header('Cache-Control', 'no-store')
      return c.body(body as Uint8Array<ArrayBuffer>)
    })
  }
  return api
}
