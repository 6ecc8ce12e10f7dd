import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { openPostgresStorage } from '../../server/storage/postgres/openPostgresStorage'
import type { AccountState } from '../../shared/api/account-routes'
import { CloseCode } from '../../shared/protocol/sync-error'
import { connectProvider, destroyProvider, waitSynced } from '../helpers/clients'
import { docFromStored } from '../helpers/docFromStored'
import { freePort } from '../helpers/freePort'
import {
  loginAtProvider,
  returnFromProvider,
  startTestOidcProvider,
  TEST_CLIENT,
} from '../helpers/oidc-provider'
import { createPrng } from '../helpers/prng'
import { databaseUrl, dropSchema, freshSchema, redisUrl, skipMessage } from '../helpers/services'
import { statusWatcher } from '../helpers/statusWatcher'
import { TcpProxy } from '../helpers/tcp-proxy'
import { type ServerProcess, spawnServer } from '../helpers/test-server'
import { sleep, waitFor, waitForAsync } from '../helpers/wait'
import { partnership, TestWorkspace } from '../helpers/workspace'

const TOKEN = /[a-z]\d+\.\d+\|/g
const tokensOf = (doc: Y.Doc): Set<string> => new Set(doc.getText('t').toString().match(TOKEN) ?? [])

const scaleOutDescribe = databaseUrl === null || redisUrl === null ? describe.skip : describe

if (databaseUrl === null || redisUrl === null) {
  describe('scale-out', () =>
    it.skip(
      skipMessage(
        'scale-out (two instances on Postgres and Redis)',
        databaseUrl === null ? 'DATABASE_URL' : 'REDIS_URL',
      ),
    ))
}

scaleOutDescribe('scale-out: several instances on Postgres and Redis', () => {
  let schema: string
  let url: string
  const servers: ServerProcess[] = []
  const providers: WebsocketProvider[] = []

  /** An instance on the shared database (its own schema for this test file) and the given Redis. */
  const instance = async (redis = redisUrl!, extra: Record<string, string> = {}) => {
    const server = await spawnServer({
      DATABASE_URL: url,
      REDIS_URL: redis,
      SCALE_CATCH_UP_MS: '500',
      ...extra,
    })
    servers.push(server)
    return server
  }
  const connect = (server: ServerProcess, docId: string, token: string, doc?: Y.Doc) => {
    const provider = connectProvider(server.wsUrl, docId, token, doc)
    providers.push(provider)
    return provider
  }

  beforeAll(async () => {
    schema = freshSchema()
    // Create the schema (and tables) once; the instances point their search path at it.
    const storage = await openPostgresStorage({ url: databaseUrl!, schema })
    await storage.close()
    url = `${databaseUrl}${databaseUrl!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
  })
  afterEach(async () => {
    for (const provider of providers.splice(0)) destroyProvider(provider)
    for (const server of servers.splice(0)) {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGTERM')
        await server.exited
      }
    }
  })
  afterAll(async () => {
    await dropSchema(schema)
  })

  it('text, map and presence changes converge across two instances; a workspace made on one is usable on the other', async () => {
    const [a, b] = [await instance(), await instance()]
    const workspace = await TestWorkspace.create(a.url)
    const docId = (await workspace.createDocument('Delad')).id
    const onA = connect(a, docId, workspace.token)
    const participant = await workspace.via(b.url).join('participant', 'Bea', 1)
    const onB = connect(b, docId, participant.session.token)
    await Promise.all([waitSynced(onA), waitSynced(onB)])

    onA.doc.getText('t').insert(0, 'Från A. ')
    onB.doc.getText('t').insert(0, 'Från B. ')
    onA.doc.getMap('m').set('a', 1)
    onB.doc.getMap('m').set('b', 2)
    onA.awareness.setLocalStateField('user', { name: 'Karin', party: 'Kommunen' })
    await waitFor(
      () =>
        onA.doc.getText('t').toString() === onB.doc.getText('t').toString() &&
        onA.doc.getText('t').length === 16 &&
        onB.doc.getMap('m').get('a') === 1 &&
        onA.doc.getMap('m').get('b') === 2,
      'both instances to converge',
    )
    await waitFor(
      () =>
        (onB.awareness.getStates().get(onA.awareness.clientID) as { user?: { name?: string } } | undefined)
          ?.user?.name === 'Karin',
      "A's presence to reach a client of B",
    )
    onA.awareness.setLocalState(null)
    await waitFor(() => !onB.awareness.getStates().has(onA.awareness.clientID), "A's presence to leave B")
  })

  it('withdrawing access on one instance closes the member’s sockets on the other', async () => {
    const [a, b] = [await instance(), await instance()]
    const workspace = await TestWorkspace.create(a.url)
    const docId = (await workspace.createDocument('Åtkomst')).id
    const joined = await workspace.via(a.url).join('participant', 'Olle', 1)
    const socket = new WebSocket(`${b.wsUrl}/${docId}?token=${joined.session.token}`)
    await new Promise((resolve) => socket.once('message', resolve))
    const closed = new Promise<{ code: number; ms: number }>((resolve) => {
      const started = performance.now()
      socket.once('close', (code) => resolve({ code, ms: performance.now() - started }))
    })
    const response = await fetch(`${a.url}/api/workspaces/${workspace.id}/members/${joined.member.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${workspace.token}` },
    })
    expect(response.status).toBe(204)
    const { code, ms } = await closed
    expect(code).toBe(CloseCode.Unauthorized)
    expect(ms).toBeLessThan(1_000)
  })

  it('freezing a document on one instance stops edits through the other and tells its clients; unfreezing lets them through', async () => {
    const [a, b] = [await instance(), await instance()]
    const workspace = await TestWorkspace.create(a.url)
    const docId = (await workspace.createDocument('Att underteckna')).id
    const participant = await workspace.via(b.url).join('participant', 'Bea', 1)
    const onA = connect(a, docId, workspace.token)
    const onB = connect(b, docId, participant.session.token)
    const statuses = statusWatcher(onB).seen
    await Promise.all([waitSynced(onA), waitSynced(onB)])
    const freeze = (method: 'PUT' | 'DELETE') =>
      fetch(`${a.url}/api/documents/${docId}/freeze`, {
        method,
        headers: { authorization: `Bearer ${workspace.token}` },
      })
    expect((await freeze('PUT')).status).toBe(200)
    await waitFor(() => statuses.length === 1 && statuses[0] !== null, 'B’s client to hear of the freeze')
    onB.doc.getText('t').insert(0, 'under frysning ')
    await sleep(800)
    expect(onA.doc.getText('t').toString()).toBe('')
    expect((await freeze('DELETE')).status).toBe(200)
    await waitFor(() => statuses.at(-1) === null, 'B’s client to hear of the unfreeze')
    onB.doc.getText('t').insert(onB.doc.getText('t').length, 'efter')
    await waitFor(
      () => onA.doc.getText('t').toString() === 'under frysning efter',
      'the edits to reach A after unfreezing',
    )
  })

  it('a version saved and approved through one instance is announced to the clients of the other', async () => {
    const [a, b] = [await instance(), await instance()]
    const workspace = await TestWorkspace.create(a.url)
    const docId = (await workspace.createDocument('Att godkänna')).id
    const participant = await workspace.via(b.url).join('participant', 'Bea', 1)
    const onB = connect(b, docId, participant.session.token)
    const { versionStamps } = statusWatcher(onB)
    await waitSynced(onB)
    const headers = { authorization: `Bearer ${workspace.token}`, 'content-type': 'application/json' }
    const saved = await fetch(`${a.url}/api/documents/${docId}/versions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ label: 'Utkast' }),
    })
    expect(saved.status).toBe(201)
    await waitFor(() => versionStamps.length === 1, 'B’s client to hear of the new version', 1_000)
    const approved = await fetch(`${a.url}/api/documents/${docId}/versions/1/approvals`, {
      method: 'POST',
      headers,
      body: '{}',
    })
    expect(approved.status).toBe(201)
    await waitFor(() => versionStamps.length === 2, 'B’s client to hear of the approval', 1_000)
  })

  it('an instance killed with SIGKILL while its clients type loses nothing anyone saw: its clients fail over to the other', async () => {
    const [a, b] = [
      await instance(undefined, { COMPACT_AFTER_UPDATES: '25' }),
      await instance(undefined, { COMPACT_AFTER_UPDATES: '25' }),
    ]
    const workspace = await TestWorkspace.create(b.url)
    const docId = (await workspace.createDocument('Krasch')).id
    const writerA = connect(a, docId, workspace.token)
    const writerB = connect(b, docId, workspace.token)
    const observer = connect(b, docId, workspace.token)
    await Promise.all([writerA, writerB, observer].map((p) => waitSynced(p)))
    let n = 0
    const type = (provider: WebsocketProvider, author: string) => {
      const text = provider.doc.getText('t')
      text.insert(text.length, `${author}${n++}.0|`)
    }
    const timers = [setInterval(() => type(writerA, 'a'), 4), setInterval(() => type(writerB, 'b'), 5)]
    await sleep(700)
    a.child.kill('SIGKILL')
    await a.exited
    for (const timer of timers) clearInterval(timer)
    await sleep(300)
    // Everything a client received from the servers (another author's tokens) must survive.
    const broadcast = new Set([
      ...[...tokensOf(writerA.doc)].filter((t) => t.startsWith('b')),
      ...[...tokensOf(writerB.doc)].filter((t) => t.startsWith('a')),
      ...tokensOf(observer.doc),
    ])
    expect([...broadcast].filter((t) => t.startsWith('a')).length).toBeGreaterThan(5)

    // A's client fails over to B (as a load balancer would send it) with its document as it has it.
    const failedOver = writerA.doc
    destroyProviderKeepDoc(writerA)
    const reconnected = connect(b, docId, workspace.token, failedOver)
    await waitSynced(reconnected)
    const fresh = connect(b, docId, workspace.token)
    await waitSynced(fresh)
    const everything = new Set([...tokensOf(failedOver), ...tokensOf(writerB.doc), ...tokensOf(observer.doc)])
    await waitFor(() => everything.size === tokensOf(fresh.doc).size, 'the fresh client to hold every token')
    expect([...broadcast].filter((token) => !tokensOf(fresh.doc).has(token))).toEqual([])
    expect(tokensOf(fresh.doc)).toEqual(everything)
  })

  it('while Redis is unreachable for a few seconds, clients on both instances keep converging, and afterwards too', async () => {
    const redis = new URL(redisUrl!)
    const proxy = await TcpProxy.start({ host: redis.hostname, port: Number(redis.port || 6379) })
    try {
      const a = await instance(`redis://127.0.0.1:${proxy.port}`)
      const b = await instance()
      const workspace = await TestWorkspace.create(a.url)
      const docId = (await workspace.createDocument('Avbrott')).id
      const onA = connect(a, docId, workspace.token)
      const onB = connect(b, docId, workspace.token)
      await Promise.all([waitSynced(onA), waitSynced(onB)])
      const same = () => onA.doc.getText('t').toString() === onB.doc.getText('t').toString()

      onA.doc.getText('t').insert(0, 'före|')
      await waitFor(() => same() && onB.doc.getText('t').length === 5, 'convergence before the outage')

      await proxy.cut()
      await waitForAsync(
        async () => ((await (await fetch(`${a.url}/readyz`)).json()) as { redis?: string }).redis === 'down',
        'A to notice',
      )
      expect(((await (await fetch(`${a.url}/readyz`)).json()) as { status: string }).status).toBe('degraded')
      for (let i = 0; i < 10; i++) {
        onA.doc.getText('t').insert(onA.doc.getText('t').length, `a${i}.0|`)
        onB.doc.getText('t').insert(0, `b${i}.0|`)
        await sleep(100)
      }
      // Through the store alone (SCALE_CATCH_UP_MS), while Redis is still away.
      await waitFor(() => same() && tokensOf(onA.doc).size === 20, 'convergence during the outage', 10_000)

      await sleep(1_500)
      await proxy.resume()
      await waitForAsync(
        async () => ((await (await fetch(`${a.url}/readyz`)).json()) as { redis?: string }).redis === 'ok',
        'A to reconnect',
        15_000,
      )
      onB.doc.getText('t').insert(0, 'efter|')
      onA.awareness.setLocalStateField('user', { name: 'Efter avbrottet' })
      await waitFor(
        () => same() && onA.doc.getText('t').toString().includes('efter|'),
        'convergence after the outage',
      )
      await waitFor(
        () =>
          (onB.awareness.getStates().get(onA.awareness.clientID) as { user?: { name?: string } } | undefined)
            ?.user?.name === 'Efter avbrottet',
        'presence to flow again through Redis',
      )
      expect(a.child.exitCode).toBeNull()
    } finally {
      await proxy.cut()
    }
  }, 60_000)

  it('signs in through one instance and is signed in on the other: the sign-in in progress and the session live in the shared store and the browser, not in an instance', async () => {
    const provider = await startTestOidcProvider()
    try {
      // Behind a load balancer both instances answer to one public address; nothing listens on it here.
      const publicUrl = `http://127.0.0.1:${await freePort()}`
      provider.register(publicUrl)
      const oidc = {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: TEST_CLIENT.id,
        OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
        PUBLIC_URL: publicUrl,
      }
      const [a, b] = [await instance(redisUrl!, oidc), await instance(redisUrl!, oidc)]
      // The sign-in begins at A and the provider's answer lands on B.
      const login = await loginAtProvider(a.url, 'karin.ek', '/', publicUrl)
      const back = await returnFromProvider({
        ...login,
        callbackUrl: login.callbackUrl.replace(publicUrl, b.url),
      })
      expect(back.status).toBe(302)
      const token = /sv_account=([^;]+)/.exec(back.headers.getSetCookie().join('\n'))![1]!
      const cookie = { cookie: `sv_account=${token}` }
      const created = await fetch(`${a.url}/api/workspaces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...cookie },
        body: JSON.stringify(partnership()),
      })
      expect(created.status).toBe(201)
      const { workspace } = (await created.json()) as { workspace: { id: string } }
      // B knows the session and the bound membership.
      const account = (await (
        await fetch(`${b.url}/api/account`, { headers: cookie })
      ).json()) as AccountState
      expect(account.account?.identity.subject).toBe('karin.ek')
      expect(account.account?.workspaces.map((each) => each.id)).toEqual([workspace.id])
      expect((await fetch(`${b.url}/api/workspaces/${workspace.id}`, { headers: cookie })).status).toBe(200)
      // Signing out on B ends it on A too.
      const out = await fetch(`${b.url}/api/account/sign-out`, { method: 'POST', headers: cookie })
      expect(out.status).toBe(200)
      expect((await fetch(`${a.url}/api/workspaces/${workspace.id}`, { headers: cookie })).status).toBe(401)
    } finally {
      await provider.close()
    }
  })
})

/** Closes a provider without destroying its Y.Doc (the client's content lives on, as in a browser tab). */
const destroyProviderKeepDoc = (provider: WebsocketProvider): void => {
  provider.disconnect()
  provider.destroy()
}

describe.skipIf(databaseUrl === null)('concurrent compaction from two instances', () => {
  it.each([1, 2, 3])(
    'loses nothing (seed %i): two stores, diverging replicas, interleaved appends and compactions',
    async (seed) => {
      const schema = freshSchema()
      const [one, two] = [
        await openPostgresStorage({ url: databaseUrl!, schema, maxConnections: 3 }),
        await openPostgresStorage({ url: databaseUrl!, schema, maxConnections: 3 }),
      ]
      try {
        const prng = createPrng(seed * 7_919)
        // Each instance's replica sees its own updates and, only sometimes, the other's (as through Redis).
        const replicas = [
          { store: one.documents, doc: new Y.Doc(), covered: 0, pending: [] as Uint8Array[] },
          { store: two.documents, doc: new Y.Doc(), covered: 0, pending: [] as Uint8Array[] },
        ]
        const written = new Set<string>()
        for (let step = 0; step < 120; step++) {
          const work = replicas.map(async (replica, index) => {
            const other = replicas[1 - index]!
            const roll = prng.int(0, 99)
            if (roll < 60) {
              const token = `${index === 0 ? 'p' : 'q'}${step}.${prng.int(0, 9)}|`
              let update: Uint8Array | null = null
              replica.doc.once('update', (u: Uint8Array) => {
                update = u
              })
              // At either end, so tokens never split each other.
              replica.doc.getText('t').insert(prng.bool() ? 0 : replica.doc.getText('t').length, token)
              const [seq] = await replica.store.append([{ docId: 'shared', update: update! }])
              replica.covered = Math.max(replica.covered, seq!)
              other.pending.push(update!)
              written.add(token)
            } else if (roll < 75) {
              for (const update of replica.pending.splice(0)) Y.applyUpdate(replica.doc, update)
            } else {
              // Compacts through everything it has seen stored, with a state that may lack the other's entries.
              await replica.store.compact('shared', Y.encodeStateAsUpdate(replica.doc), replica.covered)
            }
          })
          await Promise.all(work)
        }
        const stored = await one.documents.load('shared')
        const doc = docFromStored(stored)
        expect(written.size).toBeGreaterThan(100)
        expect([...written].filter((token) => !tokensOf(doc).has(token))).toEqual([])
      } finally {
        await one.close()
        await two.close()
        await dropSchema(schema)
      }
    },
    60_000,
  )
})
