import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * The scale-out services, from the environment. Where one is not configured, its tests are skipped with a
 * message saying so; CI sets both (and REQUIRE_E2E), so there they always run.
 */
export const databaseUrl = process.env.DATABASE_URL ?? null
export const redisUrl = process.env.REDIS_URL ?? null

export const skipMessage = (what: string, variable: string): string =>
  `skipped: ${what} needs ${variable} (CI sets it; e.g. ${variable === 'DATABASE_URL' ? 'postgres://postgres@127.0.0.1:5432/test' : 'redis://127.0.0.1:6379'})`

if (process.env.REQUIRE_E2E === '1' && (databaseUrl === null || redisUrl === null)) {
  throw new Error('REQUIRE_E2E=1 but DATABASE_URL or REDIS_URL is not set: the scale-out tests must run here')
}

/** A fresh schema name, so each test has its own tables in the shared test database. */
export const freshSchema = (): string => `t_${randomBytes(6).toString('hex')}`

export const dropSchema = async (schema: string): Promise<void> => {
  if (databaseUrl === null) return
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  } finally {
    await client.end()
  }
}
