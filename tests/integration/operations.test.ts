import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { MemoryDocumentStore } from '../../server/storage/memory/MemoryDocumentStore'
import { SqliteDocumentStore } from '../../server/storage/sqlite/SqliteDocumentStore'
import { CloseCode } from '../../shared/protocol/sync-error'
import { connectProvider, destroyProvider, waitSynced } from '../helpers/clients'
import { spawnServer, startTestServer, storageWith } from '../helpers/test-server'
import { waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

const tmp = mkdtempSync(join(tmpdir(), 'samverkstad-ops-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** A real store whose ping fails once told to, as a broken disk would. */
class UnreachableStore extends MemoryDocumentStore {
  down = false
  override async ping(): Promise<void> {
    if (this.down) throw new Error('unreachable')
  }
}

describe('operations', () => {
  it('answers /healthz, and /readyz with 200 while the store answers and 503 when it does not', async () => {
    const store = new UnreachableStore()
    const server = await startTestServer({}, storageWith(store))
    try {
      expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' })
      const ready = await fetch(`${server.url}/readyz`)
      expect(ready.status).toBe(200)
      store.down = true
      const unready = await fetch(`${server.url}/readyz`)
      expect(unready.status).toBe(503)
      expect(await unready.json()).toEqual({
        status: 'unavailable',
        storage: 'error',
        reason: 'storage does not answer',
      })
    } finally {
      await server.close()
    }
  })

  it('serves the client bundle gzipped, falls back to index.html for client routes, and 404s unknown API routes as JSON', async () => {
    const staticDir = join(tmp, 'dist')
    mkdirSync(join(staticDir, 'assets'), { recursive: true })
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Samverkstad</title>')
    writeFileSync(
      join(staticDir, 'assets', 'app.js'),
      `console.log(1)\n${'const samverkstad = 1\n'.repeat(200)}`,
    )
    const server = await startTestServer({ STATIC_DIR: staticDir })
    try {
      expect(await (await fetch(`${server.url}/`)).text()).toContain('<title>Samverkstad</title>')
      expect(await (await fetch(`${server.url}/workspace/abc`)).text()).toContain(
        '<title>Samverkstad</title>',
      )
      const asset = await fetch(`${server.url}/assets/app.js`, { headers: { 'accept-encoding': 'gzip' } })
      expect(asset.headers.get('content-type')).toContain('javascript')
      expect(asset.headers.get('content-encoding')).toBe('gzip')
      expect(await asset.text()).toContain('const samverkstad = 1')
      const api = await fetch(`${server.url}/api/nothing`)
      expect(api.status).toBe(404)
      expect(await api.json()).toEqual({ error: { code: 'not-found', message: 'no such API route' } })
    } finally {
      await server.close()
    }
  })

  it('says plainly when the client has not been built', async () => {
    const server = await startTestServer({ STATIC_DIR: join(tmp, 'missing') })
    try {
      const response = await fetch(`${server.url}/`)
      expect(response.status).toBe(503)
      expect(await response.text()).toContain('npm run build')
    } finally {
      await server.close()
    }
  })

  it('on SIGTERM closes sockets with 1001, stores and compacts everything, and exits 0', async () => {
    const dataDir = join(tmp, 'sigterm')
    const server = await spawnServer({ DATA_DIR: dataDir, STORAGE: 'sqlite' })
    const workspace = await TestWorkspace.create(server.url)
    const docId = await workspace.document('graceful')
    const provider = connectProvider(server.wsUrl, docId, workspace.token)
    await waitSynced(provider)
    for (let i = 0; i < 30; i++) provider.doc.getText('t').insert(i, 'å')
    const raw = new WebSocket(`${server.wsUrl}/${docId}?token=${workspace.token}`)
    await new Promise((resolve) => raw.once('open', resolve))
    const closed = new Promise<number>((resolve) => raw.once('close', resolve))
    // Let the edits reach the server before stopping it.
    await waitFor(() => provider.wsconnected, 'connected')
    await new Promise((resolve) => setTimeout(resolve, 200))
    server.child.kill('SIGTERM')
    expect(await closed).toBe(CloseCode.GoingAway)
    expect(await server.exited).toEqual({ code: 0, signal: null })
    destroyProvider(provider)

    const store = new SqliteDocumentStore({ file: join(dataDir, 'samverkstad.db') })
    const stored = await store.load(docId)
    expect(stored.updates).toHaveLength(0)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, stored.state!)
    expect(doc.getText('t').toString()).toBe('å'.repeat(30))
    await store.close()
  })

  it('warms up its sync path at start without writing anything to storage', async () => {
    const server = await startTestServer({})
    try {
      await server.registry.flush()
      expect(await server.storage.documents.load('samverkstad-warm-up')).toEqual({
        state: null,
        updates: [],
        lastSeq: 0,
      })
    } finally {
      await server.close()
    }
  })

  it('refuses to start on an invalid variable, with one line naming it and exit code 2', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: 'åtta', STORAGE: 'memory' },
      encoding: 'utf8',
    })
    expect(result.status).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toContain('Invalid configuration: PORT')
    expect(result.stderr).toContain('"åtta"')
  })
})
