import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createScratchDatabase } from '../../server/src/store/scratch-database'
import { createBoard } from './helpers/boards'
import { spawnChildServer } from './helpers/child-server'
import { useCleanup } from './helpers/cleanup'
import { connectClient, readBoard } from './helpers/clients'
import { tempDataDir } from './helpers/test-server'
import { waitFor } from './helpers/wait-for'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Runs the README's backup or restore command exactly as an operator would. */
function pnpmRun(script: 'backup' | 'restore', file: string, env: Record<string, string>) {
  const result = spawnSync(path.join(repoRoot, 'node_modules/.bin/pnpm'), ['run', script, file], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  })
  expect(result.status, `${script} failed:\n${result.stdout}\n${result.stderr}`).toBe(0)
}

/** Creates a board on the running server and writes 50 notes to it; the board's tokens go into the backup too. */
async function writeBoard(cleanup: ReturnType<typeof useCleanup>, url: string, wsBase: string) {
  const { id, tokens } = await createBoard(url)
  const token = tokens.editor
  const writer = await connectClient(cleanup, wsBase, id, { token })
  for (let n = 0; n < 50; n++) writer.map.set(`note-${n}`, `tekst ${n}`)
  // Wait past the group-commit window so the updates are in the store.
  await waitFor(async () => Object.keys(await readBoard(cleanup, wsBase, id, token)).length === 50)
  await new Promise((resolve) => setTimeout(resolve, 100))
  return { writer, id, token }
}

describe('backup and restore', () => {
  const cleanup = useCleanup()

  it('backs up SQLite while the server runs and restores into a fresh data directory', async () => {
    const dataDir = await tempDataDir(cleanup)
    const running = await spawnChildServer(cleanup, dataDir)
    const { writer, id, token } = await writeBoard(cleanup, running.url, running.wsBase)
    const backupFile = path.join(await tempDataDir(cleanup), 'stip-backup.sqlite')
    pnpmRun('backup', backupFile, { DATA_DIR: dataDir })
    writer.destroy()

    const freshDir = await tempDataDir(cleanup)
    pnpmRun('restore', backupFile, { DATA_DIR: freshDir })
    const restored = await spawnChildServer(cleanup, freshDir)
    const content = await readBoard(cleanup, restored.wsBase, id, token)
    expect(Object.keys(content)).toHaveLength(50)
    expect(content['note-7']).toBe('tekst 7')
  })

  it('backs up Postgres with pg_dump and restores into a fresh database', async () => {
    const source = await createScratchDatabase()
    const target = await createScratchDatabase()
    cleanup.add(() => source.drop())
    cleanup.add(() => target.drop())
    const running = await spawnChildServer(cleanup, await tempDataDir(cleanup), {
      DATABASE_URL: source.url,
    })
    const { writer, id, token } = await writeBoard(cleanup, running.url, running.wsBase)
    const backupFile = path.join(await tempDataDir(cleanup), 'stip-backup.pgdump')
    pnpmRun('backup', backupFile, { DATABASE_URL: source.url })
    writer.destroy()

    pnpmRun('restore', backupFile, { DATABASE_URL: target.url })
    const restored = await spawnChildServer(cleanup, await tempDataDir(cleanup), {
      DATABASE_URL: target.url,
    })
    const content = await readBoard(cleanup, restored.wsBase, id, token)
    expect(Object.keys(content)).toHaveLength(50)
  })
})
