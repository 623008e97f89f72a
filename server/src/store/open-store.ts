import type { Config } from '../config'
import type { BoardStore } from './board-store'
import { openSqliteBoardStore } from './sqlite-board-store'

/** Picks the store from the configuration: SQLite in DATA_DIR unless DATABASE_URL is set. */
export async function openStore(config: Config): Promise<BoardStore> {
  if (config.databaseUrl) {
    throw new Error('DATABASE_URL is set, but the Postgres store is not available in this version')
  }
  return openSqliteBoardStore(config.dataDir)
}
