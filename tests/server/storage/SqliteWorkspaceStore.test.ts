import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { StorageIntegrityError } from '../../../server/storage/StorageIntegrityError'
import { openSqliteStorage } from '../../../server/storage/sqlite/openSqliteStorage'
import { registerWorkspaceStoreContract } from '../../contract/workspace-store.contract'

registerWorkspaceStoreContract('SQLite storage (in memory)', () => openSqliteStorage({ file: ':memory:' }))

const dir = mkdtempSync(join(tmpdir(), 'samverkstad-ws-'))
let fileCounter = 0
registerWorkspaceStoreContract('SQLite storage (file, WAL)', () =>
  openSqliteStorage({ file: join(dir, `contract-${++fileCounter}.db`) }),
)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('SQLite workspace rows', () => {
  it('a row that does not have the shape the server writes is reported as an integrity error, never served', async () => {
    const file = join(dir, 'tampered.db')
    const storage = openSqliteStorage({ file })
    const workspaceId = 'a'.repeat(32)
    await storage.workspaces.createWorkspace({
      workspace: {
        id: workspaceId,
        name: 'P',
        challenge: '',
        createdAt: new Date(0).toISOString(),
        initiativeParty: null,
      },
      parties: [{ id: 'b'.repeat(32), name: 'Kommunen', kind: 'public', orgNumber: null }],
      creator: {
        id: 'c'.repeat(32),
        workspaceId,
        name: 'K',
        partyId: 'b'.repeat(32),
        role: 'facilitator',
        joinedAt: new Date(0).toISOString(),
        sessionHash: 'h',
        inviteId: null,
      },
      invites: [],
      audit: [],
    })
    await storage.close()
    const raw = new Database(file)
    raw.prepare("UPDATE party SET kind = 'company'").run()
    raw.prepare("UPDATE member SET role = 'owner'").run()
    raw.close()
    const reopened = openSqliteStorage({ file })
    await expect(reopened.workspaces.listParties(workspaceId)).rejects.toThrow(StorageIntegrityError)
    await expect(reopened.workspaces.getMember('c'.repeat(32))).rejects.toThrow(StorageIntegrityError)
    await reopened.close()
  })
})
