import { describe, expect, it } from 'vitest'
import { MemoryDocumentStore } from '../../server/storage/memory/MemoryDocumentStore'
import { SqliteDocumentStore } from '../../server/storage/sqlite/SqliteDocumentStore'
import { createPrng } from '../helpers/prng'
import { type SimClient, TestNetwork } from './TestNetwork'

const SEEDS = [1, 2, 3, 4, 5, 6]
const STEPS = 1_500

const runSimulation = async (seed: number, network: TestNetwork) => {
  const prng = createPrng(seed)
  const clients: SimClient[] = ['a', 'b', 'c', 'd'].map((name) => network.addClient(name))
  for (const client of clients) client.connect()
  await network.settle()
  const stats = { edits: 0, deliveries: 0, drops: 0, reconnects: 0, crashes: 0 }
  for (let step = 0; step < STEPS; step++) {
    const roll = prng.next()
    const client = prng.pick(clients)
    if (roll < 0.35) {
      client.edit(prng)
      stats.edits++
    } else if (roll < 0.6) {
      client.deliverToServer()
      stats.deliveries++
    } else if (roll < 0.85) {
      client.deliverToClient()
      stats.deliveries++
    } else if (roll < 0.95) {
      await network.flushStore()
    } else if (roll < 0.975) {
      if (client.connected) {
        client.drop()
        stats.drops++
      } else {
        client.connect()
        stats.reconnects++
      }
    } else if (roll < 0.978) {
      await network.crashServer()
      stats.crashes++
    }
    await network.settle()
  }
  const receivedBeforeQuiescing = clients.reduce((sum, c) => sum + c.received, 0)
  await network.quiesce()
  return { clients, stats: { ...stats, receivedBeforeQuiescing } }
}

describe('seeded convergence through the real sync core', () => {
  for (const seed of SEEDS) {
    it(`replicas end equal after ${STEPS} random edits, delays, drops, reconnects and server crashes (seed ${seed})`, async () => {
      const store = seed % 2 === 0 ? new SqliteDocumentStore({ file: ':memory:' }) : new MemoryDocumentStore()
      const network = new TestNetwork(store, `sim-${seed}`)
      const { clients, stats } = await runSimulation(seed, network)
      const [first, ...rest] = clients.map((c) => c.content())
      for (const other of rest) expect(other).toEqual(first)
      expect(stats.edits).toBeGreaterThan(300)
      expect(stats.drops + stats.reconnects).toBeGreaterThan(10)
      // Messages really flowed during the run, not only in the final quiescing.
      expect(stats.receivedBeforeQuiescing).toBeGreaterThan(40)

      // What the store holds is what the replicas agreed on: a new client on a new server gets the same.
      await network.crashServer()
      const fresh = network.addClient('fresh')
      await network.quiesce()
      expect(fresh.content()).toEqual(first)
      await store.close()
    })
  }
})
