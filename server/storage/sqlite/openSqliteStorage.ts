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
  return {
    documents,
    workspaces,
    versions: new SqliteVersionStore({ database }),
    ping: () => documents.ping(),
    close: async () => {
      if (database.open) database.close()
    },
  }
}
