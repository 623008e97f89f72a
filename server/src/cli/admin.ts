import { TOKEN_FRAGMENT_KEY } from '@stip/protocol'
import pino from 'pino'
import { createAuditLog } from '../audit/audit-log'
import { generateToken, hashToken } from '../auth/tokens'
import { openBackplane } from '../backplane/open-backplane'
import { loadConfig } from '../config'
import { createMetrics } from '../metrics'
import { applyRetention, DAY_MS, retentionNotice } from '../retention/retention'
import { openStore } from '../store/open-store'

/**
 * `npm run admin -- COMMAND`: what an operator needs without a facilitator link, on the same
 * store as the server (SQLite in DATA_DIR, or Postgres with DATABASE_URL). With REDIS_URL set,
 * renewals and deletions reach the running instances at once; without it, a board that is open
 * on a running server keeps its connections until they reconnect (docs/operations.md).
 */
const USAGE = `usage: npm run admin -- COMMAND
  list                      every board: id, title, created, last opened, size
  renew-facilitator <id>    a new facilitator link (the old one stops working)
  delete <id>               delete a board with everything it holds
  retention [--apply]       the boards RETENTION_DAYS would delete; --apply deletes them
`

const [command, ...rest] = process.argv.slice(2).filter((arg) => arg !== '--')
const config = loadConfig(process.env)
// Log lines (the audit's too) go to stderr; stdout carries only the answer.
const logger = pino({ level: config.logLevel, base: { app: 'stip-admin' } }, pino.destination(2))
const store = await openStore(config)
const backplane = await openBackplane(config, createMetrics(), logger)
const audit = createAuditLog(store, logger)
const admin = { role: 'admin' as const }
const out = (line: string) => process.stdout.write(`${line}\n`)

async function deleteBoard(boardId: string): Promise<void> {
  await store.deleteBoard(boardId)
  await backplane.announce(boardId, { kind: 'board-deleted' })
}

async function run(): Promise<number> {
  switch (command) {
    case 'list': {
      const boards = await store.listBoards()
      out(['id', 'created', 'last opened', 'bytes', 'title'].join('\t'))
      for (const board of boards) {
        out(
          [
            board.id,
            new Date(board.createdAt).toISOString(),
            board.lastOpenedAt === null ? '-' : new Date(board.lastOpenedAt).toISOString(),
            String(board.bytes),
            board.title,
          ].join('\t'),
        )
      }
      return 0
    }
    case 'renew-facilitator': {
      const board = rest[0] ? await store.getBoard(rest[0]) : null
      if (!board) return fail(`no such board: ${rest[0] ?? '(none given)'}`)
      const token = generateToken()
      await store.replaceToken(board.id, { role: 'facilitator', hash: hashToken(token) })
      await audit.record(board.id, 'link.renewed', admin, { link: 'facilitator' })
      await backplane.announce(board.id, { kind: 'link-renewed', role: 'facilitator' })
      const base = config.publicUrl ?? `http://${config.host}:${config.port}`
      out(`${base}/b/${board.id}#${TOKEN_FRAGMENT_KEY}=${token}`)
      return 0
    }
    case 'delete': {
      const board = rest[0] ? await store.getBoard(rest[0]) : null
      if (!board) return fail(`no such board: ${rest[0] ?? '(none given)'}`)
      await deleteBoard(board.id)
      await audit.record(board.id, 'board.deleted', admin, { title: board.title })
      out(`deleted ${board.id}`)
      return 0
    }
    case 'retention': {
      if (config.retentionDays === undefined) return fail('RETENTION_DAYS is not set')
      const now = Date.now()
      if (rest.includes('--apply')) {
        const deleted = await applyRetention(
          { store, deleteBoard, audit, log: logger },
          config,
          now,
        )
        for (const id of deleted) out(`deleted ${id}`)
        out(`${deleted.length} board(s) deleted`)
        return 0
      }
      const idle = new Set(await store.boardsIdleSince(now - config.retentionDays * DAY_MS))
      for (const board of await store.listBoards()) {
        const notice = retentionNotice(config, board, now)
        if (!notice) continue
        const when = idle.has(board.id) ? 'now' : new Date(notice.deleteAfter).toISOString()
        if (idle.has(board.id) || notice.warning) out(`${board.id}\t${when}\t${board.title}`)
      }
      out(`${idle.size} board(s) due; run with --apply to delete them`)
      return 0
    }
    default:
      process.stderr.write(USAGE)
      return 2
  }
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`)
  return 1
}

let code = 1
try {
  code = await run()
} finally {
  await backplane.close()
  await store.close()
}
process.exit(code)
