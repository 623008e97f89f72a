import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAuditLog } from '../audit/audit-log'
import { createLogger } from '../logger'
import { openSqliteBoardStore } from '../store/sqlite-board-store'
import { applyRetention, DAY_MS, retentionNotice } from './retention'

const T0 = Date.UTC(2026, 0, 1)

async function storeWithBoards() {
  const store = openSqliteBoardStore(fs.mkdtempSync(path.join(os.tmpdir(), 'stip-retention-')))
  const board = (id: string) => ({
    id,
    title: id,
    template: null,
    organisations: [],
    createdAt: T0,
  })
  for (const id of ['vergeten', 'gebruikt', 'nieuw']) await store.createBoard(board(id), [])
  await store.markOpened('gebruikt', T0 + 20 * DAY_MS)
  return store
}

describe('retention', () => {
  it('deletes boards not opened for RETENTION_DAYS as of the injected clock, and only those', async () => {
    const store = await storeWithBoards()
    const logger = createLogger('silent')
    const deps = {
      store,
      deleteBoard: (id: string) => store.deleteBoard(id),
      audit: createAuditLog(store, logger),
      log: logger,
    }
    const policy = { retentionDays: 30, retentionWarnDays: 7 }
    expect(await applyRetention(deps, policy, T0 + 29 * DAY_MS)).toEqual([])
    expect(await applyRetention(deps, policy, T0 + 31 * DAY_MS)).toEqual(['vergeten', 'nieuw'])
    expect((await store.listBoards()).map((b) => b.id)).toEqual(['gebruikt'])
    expect(await applyRetention(deps, policy, T0 + 51 * DAY_MS)).toEqual(['gebruikt'])
    expect(
      await applyRetention(
        deps,
        { retentionDays: undefined, retentionWarnDays: 7 },
        T0 + 999 * DAY_MS,
      ),
    ).toEqual([])
    await store.close()
  })

  it('warns RETENTION_WARN_DAYS before the deletion, and says nothing when retention is off', async () => {
    const store = await storeWithBoards()
    const summary = await store.boardSummary('gebruikt')
    const policy = { retentionDays: 30, retentionWarnDays: 7 }
    const deleteAfter = T0 + 50 * DAY_MS
    expect(retentionNotice(policy, summary, T0 + 42 * DAY_MS)).toEqual({
      days: 30,
      deleteAfter,
      warning: false,
    })
    expect(retentionNotice(policy, summary, T0 + 43 * DAY_MS)?.warning).toBe(true)
    expect(retentionNotice({ retentionDays: undefined, retentionWarnDays: 7 }, summary)).toBeNull()
    await store.close()
  })
})
