import { describe, expect, it } from 'vitest'
import { watchGeneratorStalls } from '../../bench/stallWatch'

const busyFor = (ms: number): void => {
  const until = performance.now() + ms
  while (performance.now() < until) {
    // A generator blocked on its own work: nothing else in its process runs meanwhile.
  }
}

describe('watchGeneratorStalls', () => {
  it('reports a stall at least as long as the event loop was blocked while watching', async () => {
    const stop = watchGeneratorStalls()
    await new Promise((resolve) => setTimeout(resolve, 20))
    busyFor(60)
    await new Promise((resolve) => setTimeout(resolve, 20))
    const stalls = stop()
    expect(stalls.generatorStallMaxMs).toBeGreaterThanOrEqual(50)
    expect(stalls.generatorGcMaxMs).toBeGreaterThanOrEqual(0)
  })
})
