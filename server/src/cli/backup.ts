import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { loadConfig } from '../config'
import { SQLITE_FILE_NAME } from '../store/sqlite-board-store'

/**
 * `pnpm run backup FILE`: a consistent copy of every board, safe while the server runs.
 * SQLite: the online backup API (pages copied under a read transaction, WAL included).
 * Postgres (DATABASE_URL set): pg_dump of Stip's tables in custom format.
 */
const target = process.argv.slice(2).find((arg) => arg !== '--')
if (!target) {
  process.stderr.write('usage: pnpm run backup FILE\n')
  process.exit(2)
}
const config = loadConfig(process.env)
const destination = path.resolve(target)
if (fs.existsSync(destination)) {
  process.stderr.write(`refusing to overwrite ${destination}\n`)
  process.exit(1)
}

if (config.databaseUrl) {
  const result = spawnSync(
    'pg_dump',
    [
      '--format=custom',
      '--no-owner',
      '--table=stip_*',
      `--file=${destination}`,
      config.databaseUrl,
    ],
    { stdio: 'inherit' },
  )
  process.exit(result.status ?? 1)
} else {
  const source = path.join(config.dataDir, SQLITE_FILE_NAME)
  if (!fs.existsSync(source)) {
    process.stderr.write(`no database at ${source}\n`)
    process.exit(1)
  }
  const db = new Database(source, { readonly: true, fileMustExist: true })
  await db.backup(destination)
  db.close()
  // A backup is one self-contained file: no WAL beside it.
  const copy = new Database(destination)
  copy.pragma('journal_mode = DELETE')
  copy.close()
  process.stdout.write(`backed up ${source} to ${destination}\n`)
}
