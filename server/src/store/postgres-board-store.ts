import pg from 'pg'
import * as Y from 'yjs'
import type { BoardRecord, BoardStore, StoredBoard, TokenRecord } from './board-store'
import { AUDIT_TABLES, postgresAudit } from './postgres-audit'
import { COUNTERS_TABLES, postgresCounters } from './postgres-counters'
import { migrate } from './postgres-migrations'
import { postgresSealed, SEALED_TABLES } from './postgres-sealed'
import {
  postgresSigningAndVersions,
  SIGNING_AND_VERSIONS_TABLES,
} from './postgres-signing-and-versions'

/**
 * The store for more than one machine: the same snapshot + update log as SQLite, in Postgres.
 * Several instances may write the same board at once, so compaction runs under a per-board
 * advisory lock and folds the rows it deletes into the snapshot it writes.
 */
export async function openPostgresBoardStore(databaseUrl: string): Promise<BoardStore> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 })
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {})
  await migrate(pool)

  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  async function appendBatch(
    batch: ReadonlyMap<string, Uint8Array[]>,
  ): Promise<Map<string, number>> {
    const boardIds: string[] = []
    const datas: Buffer[] = []
    for (const [boardId, updates] of batch) {
      for (const update of updates) {
        boardIds.push(boardId)
        datas.push(Buffer.from(update.buffer, update.byteOffset, update.byteLength))
      }
    }
    const lastSeqs = new Map<string, number>()
    if (datas.length === 0) return lastSeqs
    const result = await pool.query<{ board_id: string; seq: string }>(
      `INSERT INTO stip_board_updates (board_id, data)
       SELECT board_id, data FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS u(board_id, data, n)
       ORDER BY n
       RETURNING board_id, seq`,
      [boardIds, datas],
    )
    for (const row of result.rows) {
      lastSeqs.set(row.board_id, Math.max(lastSeqs.get(row.board_id) ?? 0, Number(row.seq)))
    }
    return lastSeqs
  }

  return {
    kind: 'postgres',
    ...postgresSigningAndVersions(pool),
    ...postgresSealed(pool),
    ...postgresAudit(pool),
    ...postgresCounters(pool),
    async loadBoard(boardId): Promise<StoredBoard> {
      return inTransaction(async (client) => {
        await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
        const snapshot = await client.query<{ snapshot: Buffer; through_seq: string }>(
          'SELECT snapshot, through_seq FROM stip_board_snapshots WHERE board_id = $1',
          [boardId],
        )
        const rows = await client.query<{ seq: string; data: Buffer }>(
          'SELECT seq, data FROM stip_board_updates WHERE board_id = $1 ORDER BY seq',
          [boardId],
        )
        const snapshotRow = snapshot.rows[0]
        return {
          snapshot: snapshotRow ? new Uint8Array(snapshotRow.snapshot) : null,
          updates: rows.rows.map((row) => new Uint8Array(row.data)),
          lastSeq: Math.max(
            Number(rows.rows.at(-1)?.seq ?? 0),
            Number(snapshotRow?.through_seq ?? 0),
          ),
        }
      })
    },

    async appendUpdates(boardId, updates) {
      return (await appendBatch(new Map([[boardId, updates]]))).get(boardId) ?? 0
    },

    appendBatch,

    async compactBoard(boardId, snapshot, throughSeq) {
      await inTransaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [boardId])
        const current = await client.query<{ snapshot: Buffer; through_seq: string }>(
          'SELECT snapshot, through_seq FROM stip_board_snapshots WHERE board_id = $1',
          [boardId],
        )
        const folded = await client.query<{ seq: string; data: Buffer }>(
          'DELETE FROM stip_board_updates WHERE board_id = $1 AND seq <= $2 RETURNING seq, data',
          [boardId, throughSeq],
        )
        const doc = new Y.Doc()
        const previous = current.rows[0]
        if (previous) Y.applyUpdate(doc, previous.snapshot)
        Y.applyUpdate(doc, snapshot)
        for (const row of folded.rows) Y.applyUpdate(doc, row.data)
        const through = Math.max(throughSeq, Number(previous?.through_seq ?? 0))
        await client.query(
          `INSERT INTO stip_board_snapshots (board_id, snapshot, through_seq, updated_at)
           VALUES ($1, $2, $3, now())
           ON CONFLICT (board_id) DO UPDATE SET snapshot = excluded.snapshot,
             through_seq = excluded.through_seq, updated_at = now()`,
          [boardId, Buffer.from(Y.encodeStateAsUpdate(doc)), through],
        )
        doc.destroy()
      })
    },

    async logStats(boardId) {
      const result = await pool.query<{ updates: string; bytes: string | null }>(
        'SELECT COUNT(*) AS updates, SUM(LENGTH(data)) AS bytes FROM stip_board_updates WHERE board_id = $1',
        [boardId],
      )
      return {
        updates: Number(result.rows[0]?.updates ?? 0),
        bytes: Number(result.rows[0]?.bytes ?? 0),
      }
    },

    async createBoard(board, tokens) {
      await inTransaction(async (client) => {
        await client.query(
          'INSERT INTO stip_boards (id, title, template, organisations, created_at) VALUES ($1, $2, $3, $4, $5)',
          [
            board.id,
            board.title,
            board.template,
            JSON.stringify(board.organisations),
            board.createdAt,
          ],
        )
        for (const token of tokens) {
          await client.query(
            'INSERT INTO stip_board_tokens (board_id, role, hash) VALUES ($1, $2, $3)',
            [board.id, token.role, token.hash],
          )
        }
      })
    },

    async getBoard(boardId) {
      const result = await pool.query<{
        id: string
        title: string
        template: string | null
        organisations: BoardRecord['organisations']
        created_at: string
      }>('SELECT id, title, template, organisations, created_at FROM stip_boards WHERE id = $1', [
        boardId,
      ])
      const row = result.rows[0]
      if (!row) return null
      return {
        id: row.id,
        title: row.title,
        template: row.template as BoardRecord['template'],
        organisations: row.organisations,
        createdAt: Number(row.created_at),
      }
    },

    async listTokens(boardId) {
      const result = await pool.query<TokenRecord>(
        'SELECT role, hash FROM stip_board_tokens WHERE board_id = $1 ORDER BY role',
        [boardId],
      )
      return result.rows
    },

    async replaceToken(boardId, token) {
      await pool.query(
        `INSERT INTO stip_board_tokens (board_id, role, hash) VALUES ($1, $2, $3)
         ON CONFLICT (board_id, role) DO UPDATE SET hash = excluded.hash`,
        [boardId, token.role, token.hash],
      )
    },

    async putAsset(asset, data) {
      await pool.query(
        `INSERT INTO stip_board_assets (board_id, id, mime_type, file_name, size, data, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          asset.boardId,
          asset.id,
          asset.mimeType,
          asset.fileName,
          asset.size,
          Buffer.from(data),
          asset.createdAt,
        ],
      )
    },

    async getAsset(boardId, assetId) {
      const result = await pool.query<{
        mime_type: string
        file_name: string
        size: number
        data: Buffer
        created_at: string
      }>(
        'SELECT mime_type, file_name, size, data, created_at FROM stip_board_assets WHERE board_id = $1 AND id = $2',
        [boardId, assetId],
      )
      const row = result.rows[0]
      if (!row) return null
      return {
        asset: {
          id: assetId,
          boardId,
          mimeType: row.mime_type,
          fileName: row.file_name,
          size: row.size,
          createdAt: Number(row.created_at),
        },
        data: new Uint8Array(row.data),
      }
    },

    async listAssets(boardId) {
      const result = await pool.query<{
        id: string
        mime_type: string
        file_name: string
        size: number
        created_at: string
      }>(
        'SELECT id, mime_type, file_name, size, created_at FROM stip_board_assets WHERE board_id = $1 ORDER BY created_at, id',
        [boardId],
      )
      return result.rows.map((row) => ({
        id: row.id,
        boardId,
        mimeType: row.mime_type,
        fileName: row.file_name,
        size: row.size,
        createdAt: Number(row.created_at),
      }))
    },

    async deleteBoard(boardId) {
      await inTransaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [boardId])
        for (const table of [
          'stip_board_snapshots',
          'stip_board_updates',
          'stip_board_tokens',
          'stip_board_assets',
          ...SIGNING_AND_VERSIONS_TABLES,
          ...SEALED_TABLES,
          ...AUDIT_TABLES,
          ...COUNTERS_TABLES,
        ]) {
          await client.query(`DELETE FROM ${table} WHERE board_id = $1`, [boardId])
        }
        await client.query('DELETE FROM stip_boards WHERE id = $1', [boardId])
      })
    },

    async ping() {
      await pool.query('SELECT 1')
    },

    async close() {
      await pool.end()
    },
  }
}
