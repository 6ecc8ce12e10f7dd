import { type ChildProcess, fork } from 'node:child_process'
import { join } from 'node:path'
import type { Framing } from './BenchClient'
import { peakRssMiB, startCpuWindow } from './proc'
import type { RoomFanoutOptions, ScenarioResult } from './scenarios'
import type { BenchServer } from './servers'
import { percentiles, round } from './stats'
import type { TypingOptions } from './typeInRoom'

/** What one generator process runs: its share of the room's clients (by index) and how they type. */
export interface FanoutPlan extends TypingOptions {
  readonly url: string
  readonly docName: string
  readonly framing: Framing
  readonly indices: readonly number[]
}
export interface FanoutStart {
  readonly type: 'start'
  /** When every process begins typing (epoch ms), so the load starts at once. */
  readonly startAt: number
  readonly durationMs: number
}
export interface FanoutTyped {
  readonly type: 'typed'
  readonly generatorCpuPct: number
  readonly generatorStallMaxMs: number
  readonly generatorGcMaxMs: number
}
export interface FanoutReport {
  readonly type: 'report'
  /** Flattened [author client, first clock, sent at] per update sent. */
  readonly sent: Float64Array
  /** Flattened [author client, from clock, to clock, receivers, last arrival] per update range received. */
  readonly arrived: Float64Array
  readonly textHashes: readonly string[]
  readonly closed: number
}

/**
 * Each update's delivery time from the processes' reports: from its author's send until the last of the
 * `receivers` other clients had it (an update range counts for every update whose first clock lies in it).
 * Updates some receiver never got are `outstanding`.
 */
export const fanoutLatencies = (
  reports: readonly Pick<FanoutReport, 'sent' | 'arrived'>[],
  receivers: number,
): { completions: number[]; outstanding: number; deliveries: number } => {
  const byAuthor = new Map<
    number,
    { clocks: number[]; sentAt: number[]; count: number[]; lastAt: number[] }
  >()
  for (const { sent } of reports) {
    for (let i = 0; i < sent.length; i += 3) {
      let author = byAuthor.get(sent[i]!)
      if (author === undefined) {
        author = { clocks: [], sentAt: [], count: [], lastAt: [] }
        byAuthor.set(sent[i]!, author)
      }
      author.clocks.push(sent[i + 1]!)
      author.sentAt.push(sent[i + 2]!)
      author.count.push(0)
      author.lastAt.push(0)
    }
  }
  // A client's clocks only grow, so each author's updates are already in clock order.
  let deliveries = 0
  for (const { arrived } of reports) {
    for (let i = 0; i < arrived.length; i += 5) {
      const author = byAuthor.get(arrived[i]!)
      if (author === undefined) continue
      const [from, to, count, lastAt] = [arrived[i + 1]!, arrived[i + 2]!, arrived[i + 3]!, arrived[i + 4]!]
      let lo = 0
      let hi = author.clocks.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (author.clocks[mid]! < from) lo = mid + 1
        else hi = mid
      }
      for (let k = lo; k < author.clocks.length && author.clocks[k]! < to; k++) {
        author.count[k]! += count
        author.lastAt[k] = Math.max(author.lastAt[k]!, lastAt)
        deliveries += count
      }
    }
  }
  const completions: number[] = []
  let outstanding = 0
  for (const author of byAuthor.values()) {
    author.clocks.forEach((_, k) => {
      if (author.count[k]! >= receivers) completions.push(author.lastAt[k]! - author.sentAt[k]!)
      else outstanding++
    })
  }
  return { completions, outstanding, deliveries }
}

const forkWorker = (): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const worker = fork(join(import.meta.dirname, 'fanoutWorker.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      serialization: 'advanced',
    })
    worker.once('error', reject)
    worker.once('message', (message: { type: string }) =>
      message.type === 'ready' ? resolve(worker) : reject(new Error(`fanout worker said ${message.type}`)),
    )
  })

const next = <T>(worker: ChildProcess, type: string): Promise<T> =>
  new Promise((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`fanout worker exited with ${code}`))
    worker.once('exit', exited)
    const listen = (message: { type: string }) => {
      if (message.type !== type) return
      worker.off('message', listen)
      worker.off('exit', exited)
      resolve(message as T)
    }
    worker.on('message', listen)
  })

export interface SplitFanoutOptions extends RoomFanoutOptions {
  readonly scenario: string
  /** Generator processes the clients are dealt over, round-robin. */
  readonly processes: number
}

/**
 * S1's room with its clients split over several generator processes (S5, the long soak): each process
 * types and applies for its share, and delivery times are put together from all of them (one clock: the
 * same machine). Generator CPU is the sum over the processes, its stalls the worst of them.
 */
export const splitFanout = async (
  server: BenchServer,
  options: SplitFanoutOptions,
): Promise<ScenarioResult> => {
  await server.prepare([options.docName])
  const workers = await Promise.all(Array.from({ length: options.processes }, forkWorker))
  try {
    const shares = workers.map((_, w) =>
      Array.from({ length: options.clients }, (_, i) => i).filter((i) => i % workers.length === w),
    )
    await Promise.all(
      workers.map((worker, w) => {
        const plan: FanoutPlan = {
          url: server.urlFor(options.docName),
          docName: options.docName,
          framing: server.framing,
          indices: shares[w]!,
          editsPerSecond: options.editsPerSecond,
          cursors: options.cursors,
          applyOnArrival: options.applyOnArrival,
        }
        const connected = next(worker, 'connected')
        worker.send({ type: 'plan', plan })
        return connected
      }),
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    const startAt = performance.timeOrigin + performance.now() + 200
    const measure = startCpuWindow(server.pid)
    const typed = await Promise.all(
      workers.map((worker) => {
        const done = next<FanoutTyped>(worker, 'typed')
        worker.send({ type: 'start', startAt, durationMs: options.durationMs } satisfies FanoutStart)
        return done
      }),
    )
    const window = measure()
    const reports = await Promise.all(
      workers.map((worker) => {
        const report = next<FanoutReport>(worker, 'report')
        worker.send({ type: 'report', quietMs: 1_000, maxWaitMs: 10_000 })
        return report
      }),
    )
    const { completions, outstanding, deliveries } = fanoutLatencies(reports, options.clients - 1)
    const hashes = reports.flatMap((report) => report.textHashes)
    const converged = outstanding === 0 && hashes.every((hash) => hash === hashes[0])
    const latency = percentiles(completions)
    const closed = reports.reduce((sum, report) => sum + report.closed, 0)
    const generatorCpuPct = typed.reduce((sum, each) => sum + each.generatorCpuPct, 0)
    const busiest = Math.max(...typed.map((each) => each.generatorCpuPct))
    return {
      scenario: options.scenario,
      converged,
      metrics: {
        clients: options.clients,
        generatorProcesses: options.processes,
        updates: latency.n,
        p50Ms: round(latency.p50),
        p95Ms: round(latency.p95),
        p99Ms: round(latency.p99),
        maxMs: round(latency.max),
        deliveriesPerSec: Math.round(deliveries / window.seconds),
        serverCpuPct: round(window.serverCpuPct, 1),
        serverKernelCpuPct: round(window.serverKernelCpuPct, 1),
        generatorCpuPct: round(generatorCpuPct, 1),
        generatorStallMaxMs: round(Math.max(...typed.map((each) => each.generatorStallMaxMs)), 1),
        generatorGcMaxMs: round(Math.max(...typed.map((each) => each.generatorGcMaxMs)), 1),
        peakRssMiB: round(peakRssMiB(server.pid), 1),
      },
      notes: [
        ...(busiest > 80
          ? [
              `a generator process at ${Math.round(busiest)}% CPU: figures may measure the generator, not the server`,
            ]
          : []),
        ...(outstanding > 0 ? [`${outstanding} updates never reached every client`] : []),
        ...(closed > 0 ? [`${closed} clients were disconnected`] : []),
      ],
    }
  } finally {
    for (const worker of workers) {
      worker.send({ type: 'close' })
      worker.kill()
    }
  }
}
