import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks'

export interface GeneratorStalls {
  /** The longest the generator's event loop was late, in ms: every reply in flight then waited as long. */
  readonly generatorStallMaxMs: number
  /** The longest garbage-collection pause of the generator, in ms. */
  readonly generatorGcMaxMs: number
}

/**
 * Watches the load generator's own event loop from now until the returned function is called. A latency
 * percentile can be no better than the generator's stalls: a client cannot see a reply while its process is
 * collecting garbage, whatever the server did. Reported beside the latencies so they can be read with that
 * in mind.
 */
export const watchGeneratorStalls = (): (() => GeneratorStalls) => {
  const delay = monitorEventLoopDelay({ resolution: 1 })
  delay.enable()
  let gcMax = 0
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMax = Math.max(gcMax, entry.duration)
  })
  observer.observe({ entryTypes: ['gc'] })
  return () => {
    delay.disable()
    // Entries of the current turn are still queued; take them before disconnecting.
    for (const entry of observer.takeRecords()) gcMax = Math.max(gcMax, entry.duration)
    observer.disconnect()
    return { generatorStallMaxMs: delay.max / 1e6, generatorGcMaxMs: gcMax }
  }
}
