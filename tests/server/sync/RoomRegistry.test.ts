import { afterEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { MemoryDocumentStore } from '../../../server/storage/memory/MemoryDocumentStore'
import type { DocumentStore, UpdateRecord } from '../../../server/storage/port'
import { SqliteDocumentStore } from '../../../server/storage/sqlite/SqliteDocumentStore'
import { CloseCode } from '../../../shared/protocol/sync-error'
import { connectProvider, destroyProvider, waitSynced } from '../../helpers/clients'
import { startTestServer, storageWith, type TestServer } from '../../helpers/test-server'
import { sleep, waitFor, waitForAsync } from '../../helpers/wait'
import { TestWorkspace } from '../../helpers/workspace'

/** A real store whose writes can be made to fail, to see what the server does when the disk does. */
class FlakyStore extends MemoryDocumentStore {
  failing = false
  override async append(records: readonly UpdateRecord[]): Promise<number[]> {
    if (this.failing) throw new Error('SQLITE_FULL: database or disk is full')
    return super.append(records)
  }
}

describe('room lifecycle', () => {
  let server: TestServer | null = null
  let workspace: TestWorkspace | null = null
  const providers: WebsocketProvider[] = []
  const start = async (env: Record<string, string>, documents?: DocumentStore) => {
    server = await startTestServer(env, documents === undefined ? undefined : storageWith(documents))
    workspace = await TestWorkspace.create(server.url)
    return server
  }
  /** Document ids by the readable names the tests use, filled in as documents are first connected to. */
  const ids: Record<string, string> = {}
  const connect = async (name: string) => {
    ids[name] = await workspace!.document(name)
    const provider = connectProvider(server!.wsUrl, ids[name], workspace!.token)
    providers.push(provider)
    return provider
  }
  afterEach(async () => {
    for (const provider of providers.splice(0)) destroyProvider(provider)
    await server?.close()
    server = null
  })

  it('an idle room is stored, compacted and unloaded after ROOM_IDLE_MS, and loads back intact', async () => {
    const store = new SqliteDocumentStore({ file: ':memory:' })
    await start({ ROOM_IDLE_MS: '100' }, store)
    const a = await connect('idle')
    await waitSynced(a)
    for (const word of ['Vart ', 'strävar ', 'vi?'])
      a.doc.getText('t').insert(a.doc.getText('t').length, word)
    // One entry is the template's initial content, stored when the document was first loaded.
    await waitFor(() => server!.registry.peek(ids.idle!)?.pendingLogLength === 4, 'three updates in the log')
    a.destroy()
    await sleep(30)
    expect(server!.registry.peek(ids.idle!)).toBeDefined()
    await waitFor(() => server!.registry.peek(ids.idle!) === undefined, 'the room to unload', 2_000)
    // Compaction finishes off the event loop, shortly after the room left the registry.
    await waitForAsync(async () => (await store.logLength(ids.idle!)) === 0, 'the log compacted', 2_000)
    expect((await store.load(ids.idle!)).state).not.toBeNull()

    const b = await connect('idle')
    await waitSynced(b)
    await waitFor(() => b.doc.getText('t').toString() === 'Vart strävar vi?', 'content after reload')
  })

  it('a client joining during the idle period keeps the room loaded', async () => {
    await start({ ROOM_IDLE_MS: '150' })
    const a = await connect('stay')
    await waitSynced(a)
    a.destroy()
    await sleep(50)
    const b = await connect('stay')
    await waitSynced(b)
    await sleep(250)
    expect(server!.registry.peek(ids.stay!)).toBeDefined()
  })

  it('compacts the log once it reaches COMPACT_AFTER_UPDATES, keeping the content', async () => {
    const store = new SqliteDocumentStore({ file: ':memory:' })
    await start({ COMPACT_AFTER_UPDATES: '50' }, store)
    const a = await connect('compact')
    const b = await connect('compact')
    await Promise.all([waitSynced(a), waitSynced(b)])
    for (let i = 0; i < 120; i++) {
      a.doc.getText('t').insert(a.doc.getText('t').length, 'x')
      await sleep(1)
    }
    await waitFor(() => b.doc.getText('t').length === 120, 'b to receive all')
    await server!.registry.flush()
    await waitFor(() => (server!.registry.peek(ids.compact!)?.pendingLogLength ?? 99) < 50, 'compaction')
    expect(await store.logLength(ids.compact!)).toBeLessThan(50)
    const fresh = await connect('compact')
    await waitSynced(fresh)
    await waitFor(() => fresh.doc.getText('t').toString() === 'x'.repeat(120), 'fresh client content')
  })

  it('when the store cannot write, nothing is relayed, only the writer is closed with 4500, and it resends once the store recovers', async () => {
    const store = new FlakyStore()
    await start({}, store)
    const a = await connect('flaky')
    const b = await connect('flaky')
    await Promise.all([waitSynced(a), waitSynced(b)])
    a.doc.getText('t').insert(0, 'stored. ')
    await waitFor(() => b.doc.getText('t').toString() === 'stored. ', 'first edit')

    const writerCodes: number[] = []
    const observerCodes: number[] = []
    a.ws?.addEventListener('close', (event) => writerCodes.push((event as CloseEvent).code))
    b.ws?.addEventListener('close', (event) => observerCodes.push((event as CloseEvent).code))
    store.failing = true
    a.doc.getText('t').insert(a.doc.getText('t').length, 'not yet stored.')
    await waitFor(() => writerCodes.length > 0, 'the writer to be disconnected')
    expect(writerCodes[0]).toBe(CloseCode.InternalError)
    expect(b.doc.getText('t').toString()).toBe('stored. ')
    // The prepared initial content and the first edit; nothing of the failed one.
    expect(await store.logLength(ids.flaky!)).toBe(2)

    store.failing = false
    await waitFor(
      () => a.synced && b.doc.getText('t').toString() === 'stored. not yet stored.',
      'the writer to resend after recovery, and the observer to receive it',
    )
    // The observer was never disconnected: it joined the reloaded room on the same socket.
    expect(observerCodes).toEqual([])
    await server!.registry.flush()
    const fresh = await connect('flaky')
    await waitSynced(fresh)
    await waitFor(
      () => fresh.doc.getText('t').toString() === 'stored. not yet stored.',
      'stored after recovery',
    )
  })
})
