import { randomBytes } from 'node:crypto'
import type { Storage } from '../port'
import { openSqliteDatabase, type SqliteDatabaseOptions } from './openSqliteDatabase'
import { SqliteDocumentStore } from './SqliteDocumentStore'
import { SqliteVersionStore } from './SqliteVersionStore'
import { SqliteWorkspaceStore } from './SqliteWorkspaceStore'

/**
 * The embedded storage: documents and workspaces in one SQLite database (`:memory:` for a throwaway one).
 *
 * @example
 * const storage = openSqliteStorage({ file: 'data/samverkstad.db' })
 */
export const openSqliteStorage = (options: SqliteDatabaseOptions): Storage => {
  const database = openSqliteDatabase(options)
  const documents = new SqliteDocumentStore({ database })
  const workspaces = new SqliteWorkspaceStore({ database })
  // A page of fresh bytes each time, so the write needs new space in the log, as a document's update does.
  const writeProbe = database.prepare(
    'INSERT OR REPLACE INTO health_probe (id, at, padding) VALUES (1, ?, ?)',
  )
  const readProbe = database.prepare('SELECT at FROM health_probe WHERE id = 1')
  return {
    documents,
    workspaces,
    versions: new SqliteVersionStore({ database }),
    ping: () => documents.ping(),
    probe: async () => {
      const at = Date.now()
      writeProbe.run(at, randomBytes(4096))
      const row = readProbe.get() as { at: number } | undefined
      if (row?.at !== at) throw new Error('the readiness probe did not read back what it wrote')
    },
    checkIntegrity: async () => {
      const rows = database.pragma('quick_check') as { quick_check: string }[]
      const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok')
      return problems.length === 0 ? null : problems.slice(0, 5).join('; ')
    },
    close: async () => {
      if (database.open) database.close()
    },
  }
}
