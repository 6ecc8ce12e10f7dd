import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openSqliteStorage } from '../../server/storage/sqlite/openSqliteStorage'
import { connectProvider, destroyProvider, waitSynced } from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/test-server'
import { waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

describe('reopening recently written documents at start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkstad-preload-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  let files = 0

  /** A server on a fresh database file, with one document written through a real socket, then stopped. */
  const writtenAndStopped = async (): Promise<{ file: string; docId: string; token: string }> => {
    const file = join(dir, `preload-${++files}.db`)
    const first: TestServer = await startTestServer({}, openSqliteStorage({ file }))
    const workspace = await TestWorkspace.create(first.url)
    const docId = await workspace.document('Idémöte i Rinkeby')
    const writer = connectProvider(first.wsUrl, docId, workspace.token)
    await waitSynced(writer)
    writer.doc.getText('t').insert(0, 'Vi ses på torsdag')
    await waitFor(
      () => first.registry.peek(docId)?.doc.getText('t').toString() === 'Vi ses på torsdag',
      'the server to have the edit',
    )
    destroyProvider(writer)
    await first.close()
    return { file, docId, token: workspace.token }
  }

  /** What a person opening the document over a real socket gets. */
  const textOnOpening = async (server: TestServer, docId: string, token: string): Promise<string> => {
    const reader = connectProvider(server.wsUrl, docId, token)
    try {
      await waitSynced(reader)
      return reader.doc.getText('t').toString()
    } finally {
      destroyProvider(reader)
    }
  }

  it('has a document written before a restart loaded, with its content, before the port opens', async () => {
    const { file, docId, token } = await writtenAndStopped()
    const second = await startTestServer({}, openSqliteStorage({ file }))
    try {
      // Loaded before anyone asked: the first person to reconnect gets it without waiting for storage.
      expect(second.registry.peek(docId)?.doc.getText('t').toString()).toBe('Vi ses på torsdag')
      expect(await textOnOpening(second, docId, token)).toBe('Vi ses på torsdag')
    } finally {
      await second.close()
    }
  })

  it('loads nothing ahead with PRELOAD_DOCUMENTS=0, and the document still opens on demand', async () => {
    const { file, docId, token } = await writtenAndStopped()
    const second = await startTestServer({ PRELOAD_DOCUMENTS: '0' }, openSqliteStorage({ file }))
    try {
      expect(second.registry.peek(docId)).toBeUndefined()
      expect(await textOnOpening(second, docId, token)).toBe('Vi ses på torsdag')
    } finally {
      await second.close()
    }
  })

  it('starts, and opens documents on demand, when the store cannot list the recently written ones', async () => {
    const { file, docId, token } = await writtenAndStopped()
    const storage = openSqliteStorage({ file })
    // Every other method of the real store, but listing fails (a slow or failing database at start).
    const documents = Object.create(storage.documents) as typeof storage.documents
    documents.recentlyWritten = () => Promise.reject(new Error('the database went away'))
    const second = await startTestServer({}, { ...storage, documents })
    try {
      expect(second.registry.peek(docId)).toBeUndefined()
      expect(await textOnOpening(second, docId, token)).toBe('Vi ses på torsdag')
    } finally {
      await second.close()
    }
  })

  it('starts even when a recently written document no longer applies, and reopens the others', async () => {
    const { file, docId } = await writtenAndStopped()
    const storage = openSqliteStorage({ file })
    // A log entry that is not a Yjs update (a damaged disk, a bad restore): its room cannot be built.
    await storage.documents.append([{ docId: 'damaged', update: new Uint8Array([255, 255, 255, 1, 2, 3]) }])
    const second = await startTestServer({}, storage)
    try {
      expect(second.registry.peek('damaged')).toBeUndefined()
      expect(second.registry.peek(docId)?.doc.getText('t').toString()).toBe('Vi ses på torsdag')
    } finally {
      await second.close()
    }
  })
})
