import type { Config } from '../config'
import type { BoardStore } from './board-store'
import { openSqliteBoardStore } from './sqlite-board-store'

/** Picks the store from the configuration: Postgres when DATABASE_URL is set, else SQLite in DATA_DIR. */
export async function openStore(config: Config): Promise<BoardStore> {
  // pg loads only when it is used: the embedded default never needs it.
  if (config.databaseUrl) {
    const { openPostgresBoardStore } = await import('./postgres-board-store')
    return openPostgresBoardStore(config.databaseUrl)
  }
  return openSqliteBoardStore(config.dataDir)
}
