import { randomBytes } from 'node:crypto'
import pg from 'pg'

export interface ScratchDatabase {
  url: string
  drop(): Promise<void>
}

/**
 * A throwaway database on the Postgres named by STIP_TEST_POSTGRES (default: the local
 * server, trust auth), so tests never touch each other's data. Used by tests only.
 */
export async function createScratchDatabase(
  adminUrl = process.env.STIP_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres',
): Promise<ScratchDatabase> {
  const name = `stip_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}
