import type { Pool } from 'pg'
import type { Storage } from '../port'
import { StorageIntegrityError } from '../StorageIntegrityError'
import { PostgresDocumentStore } from './PostgresDocumentStore'
import { PostgresVersionStore } from './PostgresVersionStore'
import { PostgresWorkspaceStore } from './PostgresWorkspaceStore'
import { postgresMigrations } from './postgresMigrations'

const INT8_OID = 20

/** A number only Samverkstad uses as an advisory lock key: instances starting together migrate one at a time. */
const MIGRATION_LOCK = 7_419_263_001

export interface PostgresStorageOptions {
  readonly url: string
  /** A schema of its own (tests use one each); created if missing. Default: the connection's search path. */
  readonly schema?: string
  readonly maxConnections?: number
}

const migrate = async (pool: Pool, schema: string | undefined): Promise<void> => {
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`)
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)')
    const { rows } = await client.query('SELECT max(version) AS version FROM schema_version')
    const current = Number((rows[0] as { version: number | null }).version ?? 0)
    if (current > postgresMigrations.length) {
      throw new StorageIntegrityError(
        `database schema version ${current} is newer than this server knows (${postgresMigrations.length})`,
      )
    }
    for (let version = current; version < postgresMigrations.length; version++) {
      await client.query('BEGIN')
      try {
        await client.query(postgresMigrations[version]!)
        await client.query('INSERT INTO schema_version (version) VALUES ($1)', [version + 1])
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
    client.release()
  }
}

/**
 * Storage in Postgres for running several instances: the same two ports as SQLite. Migrations run at start.
 *
 * @example
 * const storage = await openPostgresStorage({ url: 'postgres://postgres@127.0.0.1:5432/samverkstad' })
 */
export const openPostgresStorage = async ({
  url,
  schema,
  maxConnections = 10,
}: PostgresStorageOptions): Promise<Storage> => {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`invalid schema name ${schema}`)
  // Loaded only in scale-out mode (DATABASE_URL), not by a server on embedded SQLite.
  const { default: pg } = await import('pg')
  /** Seqs are BIGINT; below 2^53 they are exact as numbers, which is all a deployment will ever reach. */
  const types = {
    getTypeParser: ((oid: number, format?: string) =>
      oid === INT8_OID
        ? (value: string) => Number.parseInt(value, 10)
        : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: maxConnections,
    types,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  })
  // An idle connection that breaks (Postgres restarted) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined)
  try {
    await migrate(pool, schema)
  } catch (error) {
    await pool.end()
    throw error
  }
  const documents = new PostgresDocumentStore(pool)
  return {
    documents,
    workspaces: new PostgresWorkspaceStore(pool),
    versions: new PostgresVersionStore(pool),
    ping: () => documents.ping(),
    probe: async () => {
      const at = Date.now()
      const { rows } = await pool.query<{ at: number }>(
        `INSERT INTO health_probe (id, at) VALUES (1, $1)
         ON CONFLICT (id) DO UPDATE SET at = GREATEST(health_probe.at, excluded.at) RETURNING at`,
        [at],
      )
      if (!(typeof rows[0]?.at === 'number' && rows[0].at >= at)) {
        throw new Error('the readiness probe did not read back what it wrote')
      }
    },
    // Postgres checks its own pages (checksums, WAL); what it reports as errors reaches `probe`.
    checkIntegrity: async () => null,
    close: () => pool.end(),
  }
}
