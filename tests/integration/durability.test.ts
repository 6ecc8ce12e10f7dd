import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { connectProvider, destroyProvider, waitSynced } from '../helpers/clients'
import { createPrng } from '../helpers/prng'
import { type ServerProcess, spawnServer } from '../helpers/test-server'
import { sleep, waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

const TOKEN = /([ab])(\d+)\.(\d+)\|/g

const tokensIn = (text: string, author?: 'a' | 'b'): string[] =>
  [...text.matchAll(TOKEN)].filter((m) => author === undefined || m[1] === author).map((m) => m[0])

const ROUNDS = 20

describe('durability across a crash', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkstad-kill-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it(`every edit a client received from the server survives kill -9 and a restart (${ROUNDS} seeded kill points)`, async () => {
    const env = { DATA_DIR: dataDir, STORAGE: 'sqlite', COMPACT_AFTER_UPDATES: '200' }
    let server: ServerProcess = await spawnServer(env)
    const workspace = await TestWorkspace.create(server.url)
    const docIds = await Promise.all([0, 1, 2, 3].map((n) => workspace.document(`kill-${n}`)))
    const connect = (docId: string) => connectProvider(server.wsUrl, docId, workspace.token)
    // Tokens each document must hold, accumulated over every round that used it.
    const mustHave = new Map<string, Set<string>>()
    let losses = 0
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const prng = createPrng(20_261_122 + round)
        const docId = docIds[round % 4]!
        const a = connect(docId)
        const b = connect(docId)
        const observer = connect(docId)
        const clients: WebsocketProvider[] = [a, b, observer]
        await Promise.all(clients.map((p) => waitSynced(p)))

        let counter = 0
        const type = (provider: WebsocketProvider, author: 'a' | 'b') => {
          const text = provider.doc.getText('t')
          text.insert(text.length, `${author}${round}.${counter++}|`)
        }
        const timers = [
          setInterval(() => type(a, 'a'), prng.int(1, 6)),
          setInterval(() => type(b, 'b'), prng.int(1, 6)),
        ]
        await sleep(prng.int(30, 500))
        server.child.kill('SIGKILL')
        await server.exited
        for (const timer of timers) clearInterval(timer)
        // Frames the server sent before dying may still be in flight: they count as received.
        await waitFor(() => clients.every((p) => !p.wsconnected), 'clients to notice the crash')

        const received = new Set([
          ...tokensIn(a.doc.getText('t').toString(), 'b'),
          ...tokensIn(b.doc.getText('t').toString(), 'a'),
          ...tokensIn(observer.doc.getText('t').toString()),
        ])
        const expected = mustHave.get(docId) ?? new Set<string>()
        for (const token of received) expected.add(token)
        mustHave.set(docId, expected)
        // The old clients must not reconnect: they would resend their edits and hide a loss.
        for (const client of clients) destroyProvider(client)

        server = await spawnServer(env)
        const fresh = connect(docId)
        await waitSynced(fresh)
        const stored = fresh.doc.getText('t').toString()
        const storedTokens = new Set(tokensIn(stored))
        const lost = [...expected].filter((token) => !storedTokens.has(token))
        losses += lost.length
        expect(lost, `round ${round}: tokens lost after restart`).toEqual([])
        // Tokens stay whole: the stored text is exactly a sequence of tokens.
        expect(stored.replace(TOKEN, '')).toBe('')
        destroyProvider(fresh)
      }
    } finally {
      server.child.kill('SIGTERM')
      await server.exited
    }
    expect(losses).toBe(0)
    expect([...mustHave.values()].reduce((sum, set) => sum + set.size, 0)).toBeGreaterThan(ROUNDS * 5)
  }, 180_000)
})
