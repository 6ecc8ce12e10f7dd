import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocketServer } from 'ws'
import { BenchClient } from '../../bench/BenchClient'
import { connectAndSync } from '../../bench/scenarios'

describe('connectAndSync', () => {
  let silent: WebSocketServer | null = null
  afterEach(async () => {
    await new Promise((resolve) => silent?.close(resolve) ?? resolve(undefined))
    silent = null
  })

  it('gives up with a clear error on a server that accepts the socket but never answers the sync', async () => {
    silent = new WebSocketServer({ host: '127.0.0.1', port: 0 })
    await new Promise((resolve) => silent!.once('listening', resolve))
    const { port } = silent.address() as AddressInfo
    const client = new BenchClient({
      url: `ws://127.0.0.1:${port}/silent`,
      docName: 'silent',
      framing: 'hocuspocus',
      applyOnArrival: true,
    })
    const started = performance.now()
    await expect(connectAndSync(client, 300)).rejects.toThrow(
      'connecting a client and its first sync: no answer within 300 ms',
    )
    expect(performance.now() - started).toBeLessThan(5_000)
    client.close()
  })
})
