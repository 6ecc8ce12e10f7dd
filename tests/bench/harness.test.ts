import { afterEach, describe, expect, it } from 'vitest'
import { coldLoad, joinStorm, manyRooms, roomFanout } from '../../bench/scenarios'
import { type BenchServer, startBenchServer } from '../../bench/servers'

// Checks that the benchmark harness works end to end against the real server. It asserts correctness only
// (convergence, nothing lost, no disconnects), never timings: speed is measured by `npm run bench`.
describe('the benchmark harness (quick scenarios against Samverkstad and the floor)', () => {
  let server: BenchServer | null = null
  afterEach(async () => {
    await server?.stop()
    server?.cleanUp()
    server = null
  })

  // The floor (bench/floor-server.ts) bounds the latency figures only if it is a working y-websocket server:
  // the same clients must converge through it.
  it.each(['samverkstad', 'floor'] as const)(
    'S1a against %s: clients with cursors converge and every update reaches every other client',
    async (kind) => {
      server = await startBenchServer(kind)
      const result = await roomFanout(server, {
        clients: 8,
        editsPerSecond: 4,
        durationMs: 1_000,
        cursors: true,
        applyOnArrival: true,
        docName: 'h-s1a',
      })
      expect(result.converged).toBe(true)
      expect(result.metrics.updates).toBeGreaterThan(20)
      expect(result.notes.filter((n) => !n.startsWith('load generator'))).toEqual([])
    },
  )

  it('S1b: receivers that apply at the end converge', async () => {
    server = await startBenchServer('samverkstad')
    const result = await roomFanout(server, {
      clients: 20,
      editsPerSecond: 2,
      durationMs: 1_000,
      cursors: false,
      applyOnArrival: false,
      docName: 'h-s1b',
    })
    expect(result.converged).toBe(true)
  })

  it('S2: pairs in many rooms converge and memory per room is measured', async () => {
    server = await startBenchServer('samverkstad')
    const result = await manyRooms(server, { rooms: 20, durationMs: 2_500 })
    expect(result.converged).toBe(true)
    expect(result.metrics.rssPerRoomKiB).toBeGreaterThan(0)
  })

  it('S3: a restarted server gives a fresh client the whole document, with nothing lost', async () => {
    const started = await startBenchServer('samverkstad')
    const { result, server: restarted } = await coldLoad(started, { updates: 500 })
    server = restarted
    expect(result.converged).toBe(true)
    expect(result.metrics.lostChars).toBe(0)
    expect(result.metrics.documentChars).toBe(5_000)
  })

  it.each(['samverkstad', 'floor'] as const)(
    'S4 against %s: every joiner of a storm gets the full document',
    async (kind) => {
      server = await startBenchServer(kind)
      const result = await joinStorm(server, {
        joiners: 20,
        residents: 3,
        prefillUpdates: 100,
        spreadMs: 200,
      })
      expect(result.converged).toBe(true)
    },
  )

  it('S4 split over two generator processes: every joiner of each gets the full document, all are counted', async () => {
    server = await startBenchServer('samverkstad')
    const result = await joinStorm(server, {
      joiners: 20,
      residents: 3,
      prefillUpdates: 100,
      spreadMs: 200,
      processes: 2,
    })
    expect(result.converged).toBe(true)
    expect(result.notes).toContain('joiners split over 2 generator processes')
    expect(result.metrics.joinP50Ms).toBeGreaterThan(0)
    expect(result.metrics.allSyncedMs).toBeGreaterThanOrEqual(0)
  })
})
