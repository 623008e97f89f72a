import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { boardStoreContract } from './board-store.contract'
import { openSqliteBoardStore } from './sqlite-board-store'

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'stip-sqlite-'))

boardStoreContract('sqlite', async () => openSqliteBoardStore(tempDir()))

describe('sqlite board store', () => {
  it('keeps what was written across a reopen of the same directory', async () => {
    const dir = tempDir()
    const first = openSqliteBoardStore(dir)
    await first.appendUpdates('board', [new Uint8Array([0, 0])])
    await first.close()
    const second = openSqliteBoardStore(dir)
    expect((await second.loadBoard('board')).updates).toHaveLength(1)
    await second.close()
  })
})
