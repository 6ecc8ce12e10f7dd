import { afterEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { MemoryDocumentStore } from '../../../server/storage/memory/MemoryDocumentStore'
import type { UpdateRecord } from '../../../server/storage/port'
import { SqliteDocumentStore } from '../../../server/storage/sqlite/SqliteDocumentStore'
import { CloseCode } from '../../../shared/protocol/sync-error'
import { connectProvider, destroyProvider, waitSynced } from '../../helpers/clients'
import { startTestServer, type TestServer } from '../../helpers/test-server'
import { sleep, waitFor } from '../../helpers/wait'

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
  const providers: WebsocketProvider[] = []
  const connect = (docId: string) => {
    const provider = connectProvider(server!.wsUrl, docId)
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
    server = await startTestServer({ ROOM_IDLE_MS: '100' }, store)
    const a = connect('idle')
    await waitSynced(a)
    for (const word of ['Vart ', 'strävar ', 'vi?'])
      a.doc.getText('t').insert(a.doc.getText('t').length, word)
    await waitFor(() => server!.registry.peek('idle')?.pendingLogLength === 3, 'three updates in the log')
    a.destroy()
    await sleep(30)
    expect(server.registry.peek('idle')).toBeDefined()
    await waitFor(() => server!.registry.peek('idle') === undefined, 'the room to unload', 2_000)
    expect(await store.logLength('idle')).toBe(0)
    expect((await store.load('idle')).state).not.toBeNull()

    const b = connect('idle')
    await waitSynced(b)
    await waitFor(() => b.doc.getText('t').toString() === 'Vart strävar vi?', 'content after reload')
  })

  it('a client joining during the idle period keeps the room loaded', async () => {
    server = await startTestServer({ ROOM_IDLE_MS: '150' })
    const a = connect('stay')
    await waitSynced(a)
    a.destroy()
    await sleep(50)
    const b = connect('stay')
    await waitSynced(b)
    await sleep(250)
    expect(server.registry.peek('stay')).toBeDefined()
  })

  it('compacts the log once it reaches COMPACT_AFTER_UPDATES, keeping the content', async () => {
    const store = new SqliteDocumentStore({ file: ':memory:' })
    server = await startTestServer({ COMPACT_AFTER_UPDATES: '50' }, store)
    const a = connect('compact')
    const b = connect('compact')
    await Promise.all([waitSynced(a), waitSynced(b)])
    for (let i = 0; i < 120; i++) {
      a.doc.getText('t').insert(a.doc.getText('t').length, 'x')
      await sleep(1)
    }
    await waitFor(() => b.doc.getText('t').length === 120, 'b to receive all')
    await server.registry.flush()
    await waitFor(() => (server!.registry.peek('compact')?.pendingLogLength ?? 99) < 50, 'compaction')
    expect(await store.logLength('compact')).toBeLessThan(50)
    const fresh = connect('compact')
    await waitSynced(fresh)
    await waitFor(() => fresh.doc.getText('t').toString() === 'x'.repeat(120), 'fresh client content')
  })

  it('when the store cannot write, nothing is relayed, sockets close with 4500, and clients resync once it recovers', async () => {
    const store = new FlakyStore()
    server = await startTestServer({}, store)
    const a = connect('flaky')
    const b = connect('flaky')
    await Promise.all([waitSynced(a), waitSynced(b)])
    a.doc.getText('t').insert(0, 'stored. ')
    await waitFor(() => b.doc.getText('t').toString() === 'stored. ', 'first edit')

    const codes: number[] = []
    b.ws?.addEventListener('close', (event) => codes.push((event as CloseEvent).code))
    store.failing = true
    a.doc.getText('t').insert(a.doc.getText('t').length, 'not yet stored.')
    await waitFor(() => codes.length > 0, 'b to be disconnected')
    expect(codes[0]).toBe(CloseCode.InternalError)
    expect(b.doc.getText('t').toString()).toBe('stored. ')
    expect(await store.logLength('flaky')).toBe(1)

    store.failing = false
    await waitFor(
      () => a.synced && b.synced && b.doc.getText('t').toString() === 'stored. not yet stored.',
      'clients to resync after recovery',
    )
    await server.registry.flush()
    const fresh = connect('flaky')
    await waitSynced(fresh)
    await waitFor(
      () => fresh.doc.getText('t').toString() === 'stored. not yet stored.',
      'stored after recovery',
    )
  })
})
