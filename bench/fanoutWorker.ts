// A process of the load generator for S5 (`splitFanout`): runs its share of the room's clients — connects
// them, types on the shared schedule, applies what arrives — and reports what it sent and when each update
// range arrived. Several such processes keep one process's event loop from being every client's bottleneck
// over a long soak.

import { createHash } from 'node:crypto'
import { BenchClient, firstStructId } from './BenchClient'
import type { FanoutPlan, FanoutReport, FanoutStart, FanoutTyped } from './splitFanout'
import { watchGeneratorStalls } from './stallWatch'
import { typeInRoom } from './typeInRoom'

const epochNow = (): number => performance.timeOrigin + performance.now()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let plan: FanoutPlan
let clients: BenchClient[] = []
/** [author client, first clock, sent at (epoch ms)] per update this process's clients sent. */
const sent: number[] = []
/** Arrivals aggregated by update range: receivers in this process, and the last of them (epoch ms). */
const arrived = new Map<string, { client: number; from: number; to: number; count: number; lastAt: number }>()
let lastArrival = 0

const onPlan = async (given: FanoutPlan) => {
  plan = given
  clients = given.indices.map(
    () =>
      new BenchClient({
        url: given.url,
        docName: given.docName,
        framing: given.framing,
        applyOnArrival: given.applyOnArrival,
        trackAwareness: given.cursors,
        onRemoteUpdate: (_client, ranges) => {
          const at = epochNow()
          lastArrival = at
          for (const [client, from, to] of ranges) {
            const key = `${client}:${from}:${to}`
            const entry = arrived.get(key)
            if (entry === undefined) arrived.set(key, { client, from, to, count: 1, lastAt: at })
            else {
              entry.count++
              entry.lastAt = at
            }
          }
        },
      }),
  )
  for (const client of clients) {
    client.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === client) return
      const id = firstStructId(update)
      if (id !== null) sent.push(id[0], id[1], epochNow())
    })
  }
  for (let i = 0; i < clients.length; i += 25) {
    await Promise.all(clients.slice(i, i + 25).map((client) => client.connect().then(() => client.synced)))
  }
  clients.forEach((client, k) => {
    const i = given.indices[k]!
    client.setPresence({ user: { name: `Deltagare ${i}`, party: i % 2 ? 'kommun' : 'förening' } })
  })
  process.send?.({ type: 'connected' })
}

const onStart = async ({ startAt, durationMs }: FanoutStart) => {
  await sleep(Math.max(0, startAt - epochNow()))
  const cpuStart = process.cpuUsage()
  const wallStart = performance.now()
  const stalls = watchGeneratorStalls()
  const stopTyping = typeInRoom(
    clients.map((client, k) => ({ client, index: plan.indices[k]! })),
    plan,
  )
  await sleep(durationMs)
  stopTyping()
  const cpu = process.cpuUsage(cpuStart)
  const seconds = (performance.now() - wallStart) / 1000
  const typed: FanoutTyped = {
    type: 'typed',
    generatorCpuPct: ((cpu.user + cpu.system) / 1e6 / seconds) * 100,
    ...stalls(),
  }
  process.send?.(typed)
}

const onReport = async (quietMs: number, maxWaitMs: number) => {
  // Drained when nothing has arrived for a while: the other processes' last updates are in by then.
  const deadline = performance.now() + maxWaitMs
  while (epochNow() - lastArrival < quietMs && performance.now() < deadline) await sleep(50)
  for (const client of clients) client.applyPending()
  const report: FanoutReport = {
    type: 'report',
    sent: Float64Array.from(sent),
    arrived: Float64Array.from(
      [...arrived.values()].flatMap((a) => [a.client, a.from, a.to, a.count, a.lastAt]),
    ),
    textHashes: clients.map((client) => createHash('sha256').update(client.text).digest('hex')),
    closed: clients.filter((client) => client.closedWith !== null).length,
  }
  process.send?.(report)
}

process.on('message', (message: { type: string } & Record<string, unknown>) => {
  if (message.type === 'plan') void onPlan(message.plan as FanoutPlan)
  else if (message.type === 'start') void onStart(message as unknown as FanoutStart)
  else if (message.type === 'report') void onReport(message.quietMs as number, message.maxWaitMs as number)
  else if (message.type === 'close') {
    for (const client of clients) client.close()
    process.exit(0)
  }
})
process.send?.({ type: 'ready' })
