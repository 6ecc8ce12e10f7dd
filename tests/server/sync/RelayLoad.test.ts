import { afterEach, describe, expect, it } from 'vitest'
import { RelayLoad } from '../../../server/sync/RelayLoad'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Keeps the event loop busy `busyMs` of every `periodMs` (real load, as a room's work would). */
const busyLoop = (busyMs: number, periodMs: number) => {
  const timer = setInterval(() => {
    const until = performance.now() + busyMs
    while (performance.now() < until) {}
  }, periodMs)
  return () => clearInterval(timer)
}

describe('RelayLoad', () => {
  const loads: RelayLoad[] = []
  const stops: (() => void)[] = []
  afterEach(() => {
    for (const stop of stops.splice(0)) stop()
    for (const load of loads.splice(0)) load.stop()
  })
  const started = (options: ConstructorParameters<typeof RelayLoad>[0]) => {
    const load = new RelayLoad(options).start()
    loads.push(load)
    return load
  }
  /** Reports `perSample` socket writes (none merged away) every 10 ms, as busy rooms would. */
  const writing = (load: RelayLoad, writesPerSecond: number, saved = 1) => {
    const timer = setInterval(() => {
      const writes = writesPerSecond / 100
      load.report({ writes, unmergedWrites: writes * saved, backlog: 1 })
    }, 10)
    stops.push(() => clearInterval(timer))
  }

  it('does not merge while the event loop is idle, however many writes go out', async () => {
    // Late timers are left out here: on a machine busy with other test files they would be load, rightly.
    const load = started({ sampleMs: 50, busyDelayMs: 10_000 })
    writing(load, 50_000)
    await sleep(500)
    expect(load.merging).toBe(false)
    expect(load.reading?.busy).toBe(false)
    expect(load.reading?.writesPerSecond).toBeGreaterThan(10_000)
  })

  it('merges once the event loop is busy for two readings in a row and writes are many', async () => {
    const load = started({ sampleMs: 50 })
    writing(load, 50_000)
    stops.push(busyLoop(40, 50))
    await sleep(400)
    expect(load.merging).toBe(true)
    expect(load.reading?.utilization).toBeGreaterThan(0.6)
  })

  it('does not merge a busy process whose rooms write little (merging would save nothing)', async () => {
    const load = started({ sampleMs: 50 })
    writing(load, 500)
    stops.push(busyLoop(40, 50))
    await sleep(400)
    expect(load.merging).toBe(false)
    expect(load.reading?.utilization).toBeGreaterThan(0.6)
  })

  it('counts timers held back as load, even where busy time alone would not be', async () => {
    // Utilization cannot decide here (the threshold is out of reach): only the late timers can.
    const load = started({ sampleMs: 60, busyUtilization: 2 })
    writing(load, 50_000)
    stops.push(busyLoop(35, 40))
    await sleep(500)
    expect(load.reading?.delayP99Ms).toBeGreaterThanOrEqual(15)
    expect(load.merging).toBe(true)
  })

  it('keeps merging while what it saves would make the loop busy again, and stops once the writes calm down', async () => {
    const load = started({ sampleMs: 50 })
    writing(load, 50_000)
    const stopBusy = busyLoop(40, 50)
    // Learns the cost of a write unmerged: the busy time spread over the writes.
    await sleep(400)
    expect(load.merging).toBe(true)
    stopBusy()
    // Merging now: a tenth of the writes go out, the loop is idle, but unmerged it would be busy.
    for (const stop of stops.splice(0)) stop()
    writing(load, 5_000, 10)
    await sleep(700)
    expect(load.merging).toBe(true)
    expect(load.reading?.unmergedUtilization).toBeGreaterThanOrEqual(0.6)
    for (const stop of stops.splice(0)) stop()
    await sleep(800)
    expect(load.merging).toBe(false)
  })
})
