import type { Config } from '../config'
import type { BoardStore } from './board-store'
import { openPostgresBoardStore } from './postgres-board-store'
import { openSqliteBoardStore } from './sqlite-board-store'

/** Picks the store from the configuration: Postgres when DATABASE_URL is set, else SQLite in DATA_DIR. */
export async function openStore(config: Config): Promise<BoardStore> {
  if (config.databaseUrl) return openPostgresBoardStore(config.databaseUrl)
  return openSqliteBoardStore(config.dataDir)
}
