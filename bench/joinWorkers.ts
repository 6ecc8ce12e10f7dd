import { type ChildProcess, fork } from 'node:child_process'
import { join } from 'node:path'
import type { JoinWavePlan, JoinWaveReport } from './joinWave'

/**
 * Deals `joiners` joins (the i-th at `offsetOf(i)` ms) round-robin over `processes` generator processes, so
 * each carries an even share of every moment of the storm; 0 processes means one share, run in this process.
 */
export const splitJoins = (
  joiners: number,
  processes: number,
  offsetOf: (i: number) => number,
): number[][] => {
  const shares: number[][] = Array.from({ length: Math.max(1, processes) }, () => [])
  for (let i = 0; i < joiners; i++) shares[i % shares.length]!.push(offsetOf(i))
  return shares
}

/** Starts a generator process (`joinWorker.ts`) and resolves once it is ready for a plan. */
export const forkJoinWorker = (): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const worker = fork(join(import.meta.dirname, 'joinWorker.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    })
    worker.once('error', reject)
    worker.once('message', (message: { type: string }) => {
      if (message.type === 'ready') resolve(worker)
      else reject(new Error(`join worker said ${message.type} before ready`))
    })
  })

/** Hands a generator process its plan; resolves with its report (its clients stay connected until `close`). */
export const runJoinWorker = (worker: ChildProcess, plan: JoinWavePlan): Promise<JoinWaveReport> =>
  new Promise((resolve, reject) => {
    const exited = (code: number | null) =>
      reject(new Error(`join worker exited with ${code} before reporting`))
    worker.once('exit', exited)
    worker.once('message', (message: { type: 'report'; report: JoinWaveReport }) => {
      worker.off('exit', exited)
      resolve(message.report)
    })
    worker.send({ type: 'plan', plan })
  })
