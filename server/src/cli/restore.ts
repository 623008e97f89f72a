import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { loadConfig } from '../config'
import { SQLITE_FILE_NAME } from '../store/sqlite-board-store'

/**
 * `pnpm run restore FILE`: restores a backup into an EMPTY data directory or database
 * (the server stopped), never over live data. SQLite: checks the file's integrity, then copies
 * it into DATA_DIR. Postgres (DATABASE_URL set): pg_restore into that database.
 */
const argument = process.argv.slice(2).find((arg) => arg !== '--')
const source = argument ? path.resolve(argument) : ''
if (!source || !fs.existsSync(source)) {
  process.stderr.write('usage: pnpm run restore FILE (an existing backup)\n')
  process.exit(2)
}
const config = loadConfig(process.env)

if (config.databaseUrl) {
  const result = spawnSync(
    'pg_restore',
    ['--no-owner', '--exit-on-error', `--dbname=${config.databaseUrl}`, source],
    { stdio: 'inherit' },
  )
  process.exit(result.status ?? 1)
} else {
  const target = path.join(config.dataDir, SQLITE_FILE_NAME)
  if (fs.existsSync(target)) {
    process.stderr.write(`refusing to restore over ${target}: use an empty DATA_DIR\n`)
    process.exit(1)
  }
  const check = new Database(source, { readonly: true, fileMustExist: true })
  const integrity = check.pragma('integrity_check', { simple: true })
  check.close()
  if (integrity !== 'ok') {
    process.stderr.write(`the backup is damaged: ${String(integrity)}\n`)
    process.exit(1)
  }
  fs.mkdirSync(config.dataDir, { recursive: true })
  fs.copyFileSync(source, target)
  process.stdout.write(`restored ${source} into ${target}\n`)
}
