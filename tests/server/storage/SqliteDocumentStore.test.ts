import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { StorageIntegrityError } from '../../../server/storage/StorageIntegrityError'
import { SqliteDocumentStore } from '../../../server/storage/sqlite/SqliteDocumentStore'
import { registerStorageContract } from '../../contract/storage.contract'

registerStorageContract(
  'SqliteDocumentStore (in memory)',
  () => new SqliteDocumentStore({ file: ':memory:' }),
)

const dir = mkdtempSync(join(tmpdir(), 'samverkstad-sqlite-'))
let fileCounter = 0
registerStorageContract(
  'SqliteDocumentStore (file, WAL)',
  () => new SqliteDocumentStore({ file: join(dir, `contract-${++fileCounter}.db`) }),
)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const oneUpdate = (): Uint8Array => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, 'å')
  return Y.encodeStateAsUpdate(doc)
}

describe('SqliteDocumentStore on disk', () => {
  it('keeps what it stored across closing and reopening the file', async () => {
    const file = join(dir, 'reopen.db')
    const first = new SqliteDocumentStore({ file })
    await first.append([{ docId: 'd', update: oneUpdate() }])
    await first.close()
    const second = new SqliteDocumentStore({ file })
    expect((await second.load('d')).updates).toHaveLength(1)
    await second.close()
  })

  it('runs in WAL mode', async () => {
    const file = join(dir, 'wal.db')
    const store = new SqliteDocumentStore({ file })
    const db = new Database(file, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
    await store.close()
  })

  it('reports a malformed stored row as an integrity error instead of serving it', async () => {
    const file = join(dir, 'tampered.db')
    const store = new SqliteDocumentStore({ file })
    await store.append([{ docId: 'd', update: oneUpdate() }])
    await store.close()
    const db = new Database(file)
    // STRICT tables refuse a TEXT in a BLOB column, so tamper with the type rules off.
    db.pragma('writable_schema = ON')
    db.exec("UPDATE doc_update SET seq = -5 WHERE doc_id = 'd'")
    db.close()
    const reopened = new SqliteDocumentStore({ file })
    await expect(reopened.load('d')).rejects.toBeInstanceOf(StorageIntegrityError)
    await reopened.close()
  })

  it('refuses to open a database written by a newer schema', async () => {
    const file = join(dir, 'newer.db')
    const db = new Database(file)
    db.pragma('user_version = 99')
    db.close()
    expect(() => new SqliteDocumentStore({ file })).toThrow(StorageIntegrityError)
  })
})
