import { describe, it } from 'vitest'
import type { DocumentStore, Storage } from '../../../server/storage/port'
import { openPostgresStorage } from '../../../server/storage/postgres/openPostgresStorage'
import { registerStorageContract } from '../../contract/storage.contract'
import { registerWorkspaceStoreContract } from '../../contract/workspace-store.contract'
import { databaseUrl, dropSchema, freshSchema, skipMessage } from '../../helpers/services'

/** A storage in a schema of its own, dropped again when the test closes it. */
const isolatedStorage = async (): Promise<Storage> => {
  const schema = freshSchema()
  const storage = await openPostgresStorage({ url: databaseUrl!, schema, maxConnections: 4 })
  return {
    ...storage,
    close: async () => {
      await storage.close()
      await dropSchema(schema)
    },
  }
}

if (databaseUrl === null) {
  describe('Postgres storage', () => it.skip(skipMessage('the Postgres adapter', 'DATABASE_URL')))
} else {
  registerStorageContract(
    'Postgres DocumentStore',
    async (): Promise<DocumentStore> => {
      const storage = await isolatedStorage()
      const store = storage.documents
      store.close = storage.close
      return store
    },
    { concurrentWriters: true },
  )
  registerWorkspaceStoreContract('Postgres storage', isolatedStorage)
}
