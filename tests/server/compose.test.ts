import { Redis } from 'ioredis'
import { describe, expect, it } from 'vitest'
import { compose } from '../../server/compose'
import { parseConfig } from '../../server/config'
import { createLogger } from '../../server/logger'
import type { Storage } from '../../server/storage/port'

/** A storage every method of which fails the test if called: composing must not touch it. */
const untouchable = (): { storage: Storage; calls: string[] } => {
  const calls: string[] = []
  const part = (name: string) =>
    new Proxy(
      {},
      {
        get: (_, method) => {
          if (typeof method === 'symbol' || method === 'then') return undefined
          return () => {
            calls.push(`${name}.${method}`)
            throw new Error(`compose called ${name}.${method}`)
          }
        },
      },
    )
  const storage = new Proxy({} as Storage, {
    get: (_, key) => {
      if (key === 'then') return undefined
      if (key === 'documents' || key === 'workspaces' || key === 'versions') return part(key)
      return () => {
        calls.push(String(key))
        throw new Error(`compose called storage.${String(key)}`)
      }
    },
  })
  return { storage, calls }
}

describe('compose', () => {
  it('builds the whole server, scale-out included, without reading storage or connecting anywhere', async () => {
    const { storage, calls } = untouchable()
    // Nothing listens on this port: a connection attempt would show as an error and `isUp` would change.
    const config = parseConfig({
      REDIS_URL: 'redis://127.0.0.1:9',
      DATABASE_URL: 'postgres://nobody@127.0.0.1:9/x',
    })
    const built = compose({ config, storage, logger: createLogger('silent'), Redis })
    expect(calls).toEqual([])
    expect(built.fanout).not.toBeNull()
    expect(built.fanout?.isUp).toBe(false)
    expect(built.routes.length).toBeGreaterThan(40)
    expect([...built.registry.loaded()]).toEqual([])
    expect(built.sockets.clients.size).toBe(0)
    await built.fanout?.close()
  })

  it('delivers a control message that arrives the moment the fan-out exists (no service used before it is built)', async () => {
    const { storage } = untouchable()
    const config = parseConfig({ REDIS_URL: 'redis://127.0.0.1:9' })
    const built = compose({ config, storage, logger: createLogger('silent'), Redis })
    const focus = {
      documentId: 'b'.repeat(32),
      fieldId: null,
      setBy: 'Aisha',
      setAt: new Date(0).toISOString(),
    }
    // What RedisFanout does with a control message from another instance, before start() has even run.
    const receive = (
      built.fanout as unknown as { receive(channel: string, message: Buffer): void }
    ).receive.bind(built.fanout)
    receive(
      'samverkstad:control',
      Buffer.from(
        JSON.stringify({ from: 'another', message: { type: 'screen', workspaceId: 'a'.repeat(32), focus } }),
      ),
    )
    expect(await built.screen.get('a'.repeat(32))).toEqual({ kind: 'document', ...focus })
    await built.fanout?.close()
  })
})
