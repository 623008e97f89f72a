import type { Role } from '@stip/protocol'
import type { Locale } from '@stip/templates'
import { Hono, type MiddlewareHandler } from 'hono'
import { reportToCsv } from '../report/report-csv'
import { reportToMarkdown } from '../report/report-markdown'
import { buildSessionReport, type SessionReport } from '../report/session-report'
import type { BoardStore } from '../store/board-store'
import type { RoomRegistry } from '../sync/room-registry'
import { httpError } from './http-error'
import { exportFileName } from './manifesto-export-api'
import type { BoardEnv } from './require-role'

export interface ReportApiDeps {
  store: BoardStore
  registry: RoomRegistry
  requireRole: (...roles: Role[]) => MiddlewareHandler<BoardEnv>
}

type Render = (report: SessionReport, locale: Locale) => string | Promise<Uint8Array>

const FORMATS: Record<string, { type: string; render: Render }> = {
  md: { type: 'text/markdown; charset=utf-8', render: reportToMarkdown },
  csv: { type: 'text/csv; charset=utf-8', render: reportToCsv },
  // The document writers (pdfkit, docx, resvg) load on their first use: a server that never
  // exports keeps ~35 MiB less (docs/benchmarks.md, memory).
  pdf: {
    type: 'application/pdf',
    render: async (report, locale) =>
      (await import('../report/report-pdf')).reportPdf(report, locale),
  },
  docx: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: async (report, locale) =>
      (await import('../report/report-docx')).reportDocx(report, locale),
  },
}

/**
 * GET /api/boards/:id/report.md|.csv|.pdf|.docx with any valid token (also as ?token=): the
 * session report, in Dutch unless `?lang=en`.
 */
export function createReportApi(deps: ReportApiDeps): Hono<BoardEnv> {
  const { store, registry, requireRole } = deps
  const api = new Hono<BoardEnv>()
  for (const [extension, format] of Object.entries(FORMATS)) {
    api.get(`/:boardId/report.${extension}`, requireRole(), async (c) => {
      const lang = c.req.query('lang') ?? 'nl'
      if (lang !== 'nl' && lang !== 'en') throw httpError(400, 'lang must be nl or en')
      const board = await store.getBoard(c.req.param('boardId'))
      if (!board) throw httpError(404, 'no such board')
      const doc = await registry.readDocument(board.id)
      let report: SessionReport
      try {
        report = await buildSessionReport(board, doc, lang)
      } finally {
        doc.destroy()
      }
      const body = await format.render(report, lang)
      const name = exportFileName(board.title, extension).replace(/^manifest-/, 'verslag-')
      c.header('Content-Type', format.type)
      c.header('Content-Disposition', `attachment; filename="${name}"`)
      c.header('Cache-Control', 'no-store')
      return typeof body === 'string' ? c.body(body) : c.body(body as Uint8Array<ArrayBuffer>)
    })
  }
  return api
}
