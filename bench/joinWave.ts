import { BenchClient, type Framing } from './BenchClient'
import { watchGeneratorStalls } from './stallWatch'
import { within } from './within'

/** Milliseconds since the epoch, to the microsecond: comparable between the generator's processes. */
export const epochNow = (): number => performance.timeOrigin + performance.now()

/** Who joins when: one client per offset, each joining `startAt + offset` (epoch ms). */
export interface JoinWavePlan {
  readonly url: string
  readonly docName: string
  readonly framing: Framing
  /** The document's whole text: a joiner is synced once it holds exactly this. */
  readonly expected: string
  readonly startAt: number
  readonly offsetsMs: readonly number[]
}

export interface JoinWaveReport {
  /** Per joiner that got everything: ms from its start until it held the whole document. */
  readonly joinTimes: number[]
  /** Per joiner (in plan order): when it held the whole document (epoch ms), or null if it never did. */
  readonly doneAt: Array<number | null>
  /** When the last joiner started (epoch ms). */
  readonly lastJoinAt: number
  readonly generatorStallMaxMs: number
  readonly generatorGcMaxMs: number
}

const sleepUntil = (epochMs: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, epochMs - epochNow())))

/** Runs one process's share of a join storm; the clients stay connected (close them with the result). */
export const joinWave = async (
  plan: JoinWavePlan,
): Promise<{ report: JoinWaveReport; clients: BenchClient[] }> => {
  const stalls = watchGeneratorStalls()
  const clients: BenchClient[] = []
  const joinTimes: number[] = []
  const doneAt: Array<number | null> = plan.offsetsMs.map(() => null)
  let lastJoinAt = plan.startAt
  await Promise.all(
    plan.offsetsMs.map(async (offset, i) => {
      await sleepUntil(plan.startAt + offset)
      const client = new BenchClient({
        url: plan.url,
        docName: plan.docName,
        framing: plan.framing,
        applyOnArrival: true,
      })
      clients.push(client)
      const startedAt = epochNow()
      lastJoinAt = Math.max(lastJoinAt, startedAt)
      const whole = new Promise<void>((resolve) => {
        client.doc.on('update', () => {
          const text = client.doc.getText('t')
          if (text.length === plan.expected.length && text.toString() === plan.expected) resolve()
        })
      })
      await client.connect()
      const reached = await within(whole, 15_000, 'a joiner getting the whole document').then(
        () => true,
        () => false,
      )
      const at = epochNow()
      if (reached) {
        doneAt[i] = at
        joinTimes.push(at - startedAt)
      }
    }),
  )
  return { report: { joinTimes, doneAt, lastJoinAt, ...stalls() }, clients }
}
