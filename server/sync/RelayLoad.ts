import { type IntervalHistogram, monitorEventLoopDelay, performance } from 'node:perf_hooks'

/** Changes waiting in one outbox at a send that mean arrivals outpace sending, whatever the loop's figures. */
const BACKLOG_LOADED = 500

export interface RelayLoadOptions {
  /** How often the load is read; a decision needs `busySamples` readings in a row. */
  readonly sampleMs?: number
  /** Consecutive busy readings before merging starts (one slow turn is not load). */
  readonly busySamples?: number
  /** Consecutive calm readings before merging stops (so it does not flap with its own effect). */
  readonly calmSamples?: number
  /** Share of the time the event loop may be busy before merging pays. */
  readonly busyUtilization?: number
  /** A timer this late (ms, p99 of a reading) means the process waits for a core or for its own backlog. */
  readonly busyDelayMs?: number
  /** Below this many socket writes per second merging saves nothing worth a delay. */
  readonly minWritesPerSecond?: number
  /** Told when merging starts or stops, with the reading that decided it (for the log). */
  readonly onChange?: (merging: boolean, reading: RelayLoadReading) => void
}

/** What a relay reports after each send, for the load reading. */
export interface RelayReport {
  /** Socket writes made. */
  readonly writes: number
  /** Writes it would have taken to send each change on its own (≥ `writes`). */
  readonly unmergedWrites: number
  /** Changes that had piled up in the room's outbox since its previous send (a flood outpacing sends). */
  readonly backlog: number
}

/** A reading of the load, kept for logs and tests. */
export interface RelayLoadReading {
  readonly utilization: number
  /** Utilization projected for relaying every change on its own (what stopping to merge would cost). */
  readonly unmergedUtilization: number
  readonly delayP99Ms: number
  readonly writesPerSecond: number
  readonly backlog: number
  readonly busy: boolean
}

/**
 * Decides, for every room of this process, whether relays are merged. Merging waits for changes to go out
 * together, one write per socket instead of one per change: it saves CPU only where writes are many, and it
 * costs latency always. So it is on only while the process is measurably loaded — its event loop busy most of
 * the time, its timers late (a CPU shared with other work), or changes piling up in outboxes faster than
 * turns send them — and writes are many. A quiet room of any size relays every change in the turn it arrived.
 *
 * Whether to stop merging is judged on the utilization that relaying each change on its own would cause —
 * the measured one plus the writes merging saved, at the cost per write last seen without merging (an upper
 * bound: all busy time counted as writing) — so merging does not end merely because it worked.
 */
export class RelayLoad {
  private readonly sampleMs: number
  private readonly busySamples: number
  private readonly calmSamples: number
  private readonly busyUtilization: number
  private readonly busyDelayMs: number
  private readonly minWritesPerSecond: number
  private readonly delay: IntervalHistogram
  private readonly onChange: RelayLoadOptions['onChange']
  private timer: NodeJS.Timeout | null = null
  private lastUtilization = performance.eventLoopUtilization()
  private lastSampleAt = performance.now()
  private writes = 0
  private unmergedWrites = 0
  private backlog = 0
  private busyRun = 0
  private calmRun = 0
  private merge = false
  /** Seconds of busy event loop per write, last seen while not merging; starts at what this VM measured. */
  private writeCost = 15e-6
  private last: RelayLoadReading | null = null

  constructor(options: RelayLoadOptions = {}) {
    this.sampleMs = options.sampleMs ?? 100
    this.busySamples = options.busySamples ?? 2
    this.calmSamples = options.calmSamples ?? 10
    this.busyUtilization = options.busyUtilization ?? 0.6
    this.busyDelayMs = options.busyDelayMs ?? 15
    this.minWritesPerSecond = options.minWritesPerSecond ?? 2_000
    this.onChange = options.onChange
    // 10 ms resolution: the histogram's own timer then costs nothing measurable.
    this.delay = monitorEventLoopDelay({ resolution: 10 })
  }

  /** Starts reading the load (an idle process reads nothing until then). */
  start(): this {
    if (this.timer !== null) return this
    this.delay.enable()
    this.lastUtilization = performance.eventLoopUtilization()
    this.lastSampleAt = performance.now()
    this.timer = setInterval(() => this.sample(), this.sampleMs)
    this.timer.unref()
    return this
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
    this.delay.disable()
  }

  /** Whether relays should merge now. */
  get merging(): boolean {
    return this.merge
  }

  get reading(): RelayLoadReading | null {
    return this.last
  }

  /** Called by a room's outbox after each send. */
  report({ writes, unmergedWrites, backlog }: RelayReport): void {
    this.writes += writes
    this.unmergedWrites += unmergedWrites
    if (backlog > this.backlog) this.backlog = backlog
  }

  /** Takes one reading and updates the decision; runs on its own timer, exposed so tests can step it. */
  sample(): RelayLoadReading {
    const now = performance.now()
    const seconds = Math.max((now - this.lastSampleAt) / 1000, 1e-3)
    const utilization = performance.eventLoopUtilization(this.lastUtilization).utilization
    this.lastUtilization = performance.eventLoopUtilization()
    this.lastSampleAt = now
    // The histogram measures how late its own timer fired, in nanoseconds; empty until it first fires.
    const delayP99Ms = this.delay.count > 0 ? Math.max(0, this.delay.percentile(99) / 1e6 - 10) : 0
    this.delay.reset()
    const writesPerSecond = this.unmergedWrites / seconds
    if (!this.merge && this.writes >= 100) {
      const cost = (utilization * seconds) / this.writes
      this.writeCost += (cost - this.writeCost) / 4
    }
    const savedPerSecond = (this.unmergedWrites - this.writes) / seconds
    const unmergedUtilization = Math.min(1, utilization + savedPerSecond * this.writeCost)
    const backlog = this.backlog
    this.writes = 0
    this.unmergedWrites = 0
    this.backlog = 0
    const loaded =
      unmergedUtilization >= this.busyUtilization ||
      delayP99Ms >= this.busyDelayMs ||
      backlog >= BACKLOG_LOADED
    const busy = loaded && writesPerSecond >= this.minWritesPerSecond
    if (busy) {
      this.busyRun++
      this.calmRun = 0
    } else {
      this.calmRun++
      this.busyRun = 0
    }
    const reading = { utilization, unmergedUtilization, delayP99Ms, writesPerSecond, backlog, busy }
    this.last = reading
    const merge = this.merge ? this.calmRun < this.calmSamples : this.busyRun >= this.busySamples
    if (merge !== this.merge) {
      this.merge = merge
      this.onChange?.(merge, reading)
    }
    return reading
  }
}
