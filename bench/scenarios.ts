import { initialDocumentValue } from '../shared/document/field-value'
import { dwa1 } from '../shared/templates/dwa-1'
import { readMeta, writeDocument } from '../shared/ydoc/document-ydoc'
import { BenchClient, firstStructId } from './BenchClient'
import { epochNow, type JoinWavePlan, type JoinWaveReport, joinWave } from './joinWave'
import { forkJoinWorker, runJoinWorker, splitJoins } from './joinWorkers'
import { cpuSeconds, peakRssMiB, rssMiB, startCpuWindow } from './proc'
import type { BenchServer } from './servers'
import { watchGeneratorStalls } from './stallWatch'
import { percentiles, round } from './stats'
import { type TypingOptions, typeInRoom } from './typeInRoom'
import { within } from './within'

export type ScenarioId = 'S1a' | 'S1b' | 'S2' | 'S2-dwa1' | 'S3' | 'S4' | 'S5'
export const SCENARIOS: readonly ScenarioId[] = ['S1a', 'S1b', 'S2', 'S2-dwa1', 'S3', 'S4', 'S5']

export interface ScenarioResult {
  readonly scenario: string
  readonly converged: boolean
  readonly metrics: Record<string, number>
  readonly notes: string[]
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const waitUntil = async (predicate: () => boolean, timeoutMs: number): Promise<boolean> => {
  const deadline = performance.now() + timeoutMs
  while (!predicate()) {
    if (performance.now() > deadline) return false
    await sleep(2)
  }
  return true
}

/**
 * Tracks each update from the moment its author sends it until every intended receiver has it.
 * Updates are identified by their first struct id (client, clock), read from the update's header.
 */
class FanoutTracker {
  /** Per author client: first clock of each update still on its way → when sent, receivers left. */
  private readonly open = new Map<number, Map<number, { sentAt: number; remaining: number }>>()
  private openCount = 0
  readonly completions: number[] = []
  /** Updates delivered to a client (a merged message counts each update in it). */
  deliveries = 0

  sent(update: Uint8Array, receivers: number): void {
    const id = firstStructId(update)
    if (id === null) return
    let byClock = this.open.get(id[0])
    if (byClock === undefined) {
      byClock = new Map()
      this.open.set(id[0], byClock)
    }
    byClock.set(id[1], { sentAt: performance.now(), remaining: receivers })
    this.openCount++
  }

  received(ranges: ReadonlyArray<readonly [number, number, number]>): void {
    const now = performance.now()
    for (const [client, from, to] of ranges) {
      const byClock = this.open.get(client)
      if (byClock === undefined) continue
      for (const [clock, entry] of byClock) {
        if (clock < from || clock >= to) continue
        this.deliveries++
        if (--entry.remaining === 0) {
          this.completions.push(now - entry.sentAt)
          byClock.delete(clock)
          this.openCount--
        }
      }
    }
  }

  get outstanding(): number {
    return this.openCount
  }
}

/** How long a connection and its first sync may take before a run is given up (a server that never answers). */
const SYNC_TIMEOUT_MS = 15_000

/** Connects a client and waits for the server's answer to its sync step 1, within `timeoutMs`. */
export const connectAndSync = (client: BenchClient, timeoutMs = SYNC_TIMEOUT_MS): Promise<void> =>
  within(
    client.connect().then(() => client.synced),
    timeoutMs,
    'connecting a client and its first sync',
  )

const connectAll = async (clients: BenchClient[], batch = 50): Promise<void> => {
  for (let i = 0; i < clients.length; i += batch) {
    await Promise.all(clients.slice(i, i + batch).map((client) => connectAndSync(client)))
  }
}

const allEqual = (texts: string[]): boolean => texts.every((text) => text === texts[0])

const generatorNote = (generatorCpuPct: number): string[] =>
  generatorCpuPct > 80
    ? [
        `load generator at ${Math.round(generatorCpuPct)}% CPU: figures may measure the generator, not the server`,
      ]
    : []

export interface RoomFanoutOptions extends TypingOptions {
  readonly clients: number
  readonly durationMs: number
  readonly docName: string
  /** The name results are recorded under; S1a or S1b by `cursors` when not given. */
  readonly scenario?: string
}

/** S1a/S1b/S5: one room, every client typing; time until every other client has each update. */
export const roomFanout = async (
  serverOrServers: BenchServer | readonly BenchServer[],
  options: RoomFanoutOptions,
): Promise<ScenarioResult> => {
  // Several servers (scale-out): clients are dealt round-robin, CPU is the sum over the servers.
  const servers = Array.isArray(serverOrServers) ? serverOrServers : [serverOrServers as BenchServer]
  const server = servers[0]!
  await server.prepare([options.docName])
  const tracker = new FanoutTracker()
  const clients = Array.from(
    { length: options.clients },
    (_, i) =>
      new BenchClient({
        url: servers[i % servers.length]!.urlFor(options.docName),
        docName: options.docName,
        framing: server.framing,
        applyOnArrival: options.applyOnArrival,
        trackAwareness: options.cursors,
        onRemoteUpdate: (_client, ranges) => tracker.received(ranges),
      }),
  )
  for (const client of clients) {
    client.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== client) tracker.sent(update, options.clients - 1)
    })
  }
  await connectAll(clients)
  clients.forEach((client, i) => {
    client.setPresence({ user: { name: `Deltagare ${i}`, party: i % 2 ? 'kommun' : 'förening' } })
  })
  await sleep(300)

  const measures = servers.map((each) => startCpuWindow(each.pid))
  const stalls = watchGeneratorStalls()
  const stopTyping = typeInRoom(
    clients.map((client, index) => ({ client, index })),
    options,
  )
  await sleep(options.durationMs)
  stopTyping()
  const windows = measures.map((measure) => measure())
  const window = {
    ...windows[0]!,
    serverCpuPct: windows.reduce((sum, each) => sum + each.serverCpuPct, 0),
    serverKernelCpuPct: windows.reduce((sum, each) => sum + each.serverKernelCpuPct, 0),
  }
  const drained = await waitUntil(() => tracker.outstanding === 0, 10_000)
  const generatorStalls = stalls()
  for (const client of clients) client.applyPending()
  const converged = drained && allEqual(clients.map((c) => c.text))
  const latency = percentiles(tracker.completions)
  const closed = clients.filter((c) => c.closedWith !== null).length
  for (const client of clients) client.close()
  return {
    scenario: options.scenario ?? (options.cursors ? 'S1a' : 'S1b'),
    converged,
    metrics: {
      clients: options.clients,
      updates: latency.n,
      p50Ms: round(latency.p50),
      p95Ms: round(latency.p95),
      p99Ms: round(latency.p99),
      maxMs: round(latency.max),
      deliveriesPerSec: Math.round(tracker.deliveries / window.seconds),
      serverCpuPct: round(window.serverCpuPct, 1),
      serverKernelCpuPct: round(window.serverKernelCpuPct, 1),
      generatorCpuPct: round(window.generatorCpuPct, 1),
      generatorStallMaxMs: round(generatorStalls.generatorStallMaxMs, 1),
      generatorGcMaxMs: round(generatorStalls.generatorGcMaxMs, 1),
      peakRssMiB: round(Math.max(...servers.map((each) => peakRssMiB(each.pid))), 1),
    },
    notes: [
      ...generatorNote(window.generatorCpuPct),
      ...(servers.length > 1 ? [`clients split over ${servers.length} instances`] : []),
      ...(drained ? [] : [`${tracker.outstanding} updates never reached every client`]),
      ...(closed > 0 ? [`${closed} clients were disconnected`] : []),
    ],
  }
}

/**
 * S2: many small rooms; memory per room and latency. With `content: 'dwa-1'` every room holds what a user
 * opens — a worksheet with its template's structure — on every server: Samverkstad writes it when a document
 * is first opened; for the references the first client of each room writes the same structure.
 */
export const manyRooms = async (
  server: BenchServer,
  { rooms, durationMs, content = 'text' }: { rooms: number; durationMs: number; content?: 'text' | 'dwa-1' },
): Promise<ScenarioResult> => {
  await server.prepare(Array.from({ length: rooms }, (_, r) => `room-${r}`))
  await sleep(300)
  const baseRss = rssMiB(server.pid)
  const tracker = new FanoutTracker()
  const clients: BenchClient[] = []
  for (let r = 0; r < rooms; r++) {
    for (let k = 0; k < 2; k++) {
      const docName = `room-${r}`
      const client = new BenchClient({
        url: server.urlFor(docName),
        docName,
        framing: server.framing,
        applyOnArrival: true,
        onRemoteUpdate: (_c, ranges) => tracker.received(ranges),
      })
      client.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== client) tracker.sent(update, 1)
      })
      clients.push(client)
    }
  }
  await connectAll(clients, 100)
  if (content === 'dwa-1' && server.kind !== 'samverkstad') {
    for (let i = 0; i < clients.length; i += 2) {
      writeDocument(clients[i]!.doc, dwa1, initialDocumentValue(dwa1))
      if (i % 100 === 98) await sleep(1)
    }
  }
  const structured = await waitUntil(
    () => content === 'text' || clients.every((client) => readMeta(client.doc) !== null),
    20_000,
  )
  await sleep(500)
  const connectedRss = rssMiB(server.pid)
  const measure = startCpuWindow(server.pid)
  // Each client edits every 2 s, phases spread evenly so the load is steady rather than bursty.
  const timers: NodeJS.Timeout[] = []
  clients.forEach((client, i) => {
    const text = client.doc.getText('t')
    const edit = () => text.insert(text.length, `${i % 10}`)
    timers.push(
      setTimeout(() => {
        edit()
        timers.push(setInterval(edit, 2_000))
      }, Math.random() * 2_000),
    )
  })
  await sleep(durationMs)
  for (const timer of timers) clearInterval(timer)
  const window = measure()
  const drained = await waitUntil(() => tracker.outstanding === 0, 10_000)
  await sleep(300)
  const editedRss = rssMiB(server.pid)
  let converged = drained
  for (let i = 0; i < clients.length; i += 2) {
    if (clients[i]!.text !== clients[i + 1]!.text) converged = false
  }
  const latency = percentiles(tracker.completions)
  for (const client of clients) client.close()
  return {
    scenario: content === 'text' ? 'S2' : 'S2-dwa1',
    converged: converged && structured,
    metrics: {
      rooms,
      updates: latency.n,
      p50Ms: round(latency.p50),
      p99Ms: round(latency.p99),
      rssPerRoomConnectedKiB: round(((connectedRss - baseRss) * 1024) / rooms, 1),
      rssPerRoomKiB: round(((editedRss - baseRss) * 1024) / rooms, 1),
      serverCpuPct: round(window.serverCpuPct, 1),
      generatorCpuPct: round(window.generatorCpuPct, 1),
    },
    notes: [
      ...generatorNote(window.generatorCpuPct),
      ...(structured ? [] : ['not every client received the worksheet structure']),
    ],
  }
}

/** Waits until a fresh client holds exactly `expected`; returns the time from connect, or null on timeout. */
const timeToFullContent = async (
  server: BenchServer,
  docName: string,
  expected: string,
  timeoutMs: number,
): Promise<{ ms: number | null; text: string }> => {
  const client = new BenchClient({
    url: server.urlFor(docName),
    docName,
    framing: server.framing,
    applyOnArrival: true,
  })
  const started = performance.now()
  let doneAt: number | null = null
  client.doc.on('update', () => {
    if (doneAt === null && client.doc.getText('t').length === expected.length && client.text === expected) {
      doneAt = performance.now()
    }
  })
  await client.connect()
  await waitUntil(() => doneAt !== null, timeoutMs)
  const text = client.text
  client.close()
  return { ms: doneAt === null ? null : doneAt - started, text }
}

/** Waits until the server has used (almost) no CPU for `quietMs`. */
const waitIdle = async (server: BenchServer, quietMs = 1_000, timeoutMs = 30_000): Promise<void> => {
  const deadline = performance.now() + timeoutMs
  while (performance.now() < deadline) {
    const window = startCpuWindow(server.pid)
    await sleep(quietMs)
    if (window().serverCpuPct < 3) return
  }
}

/** S3: a document of many small typing updates; restart the server; time until a fresh client has it all. */
export const coldLoad = async (
  server: BenchServer,
  { updates, charsPerUpdate = 10 }: { updates: number; charsPerUpdate?: number },
): Promise<{ result: ScenarioResult; server: BenchServer }> => {
  const docName = 'cold-load'
  await server.prepare([docName])
  const writer = new BenchClient({
    url: server.urlFor(docName),
    docName,
    framing: server.framing,
    applyOnArrival: true,
  })
  await connectAndSync(writer)
  const text = writer.doc.getText('t')
  for (let i = 0; i < updates; i++) {
    text.insert(text.length, `${String(i % 1e9).padStart(charsPerUpdate - 1, '0')} `.slice(-charsPerUpdate))
    if (i % 500 === 499) await sleep(1)
  }
  const expected = writer.text
  // The server has it all when a second client sees it all.
  const check = await timeToFullContent(server, docName, expected, 30_000)
  writer.close()
  const notes: string[] = []
  if (check.ms === null) notes.push('the server did not hold the whole document before the restart')
  // Let debounced stores (Hocuspocus: 2 s) and compactions finish, as an operator would before a restart.
  await sleep(2_500)
  await waitIdle(server)
  const stoppedCleanly = await server.stop()
  if (!stoppedCleanly) notes.push('did not exit within 15 s of SIGTERM (killed)')
  const restarted = await server.restart()
  const load = await timeToFullContent(restarted, docName, expected, 10_000)
  const lostChars = Math.max(0, expected.length - load.text.length)
  if (load.ms === null) {
    notes.push(`after restart a fresh client held ${load.text.length} of ${expected.length} characters`)
  }
  return {
    server: restarted,
    result: {
      scenario: 'S3',
      converged: load.ms !== null,
      metrics: {
        updates,
        documentChars: expected.length,
        coldLoadMs: load.ms === null ? Number.NaN : round(load.ms),
        lostChars,
        peakRssMiB: round(peakRssMiB(restarted.pid), 1),
      },
      notes,
    },
  }
}

/** S4: many clients join a populated room within one second. */
export const joinStorm = async (
  server: BenchServer,
  {
    joiners,
    residents,
    prefillUpdates,
    spreadMs = 1_000,
    processes = 0,
  }: {
    joiners: number
    residents: number
    prefillUpdates: number
    spreadMs?: number
    /** Generator processes the joiners are split over; 0 runs them all in this process. */
    processes?: number
  },
): Promise<ScenarioResult> => {
  const docName = 'join-storm'
  await server.prepare([docName])
  const make = () =>
    new BenchClient({ url: server.urlFor(docName), docName, framing: server.framing, applyOnArrival: true })
  const writer = make()
  await connectAndSync(writer)
  const text = writer.doc.getText('t')
  for (let i = 0; i < prefillUpdates; i++) {
    text.insert(text.length, 'idémöte ')
    if (i % 500 === 499) await sleep(1)
  }
  const expected = writer.text
  const residentClients = Array.from({ length: residents }, make)
  await connectAll(residentClients)
  await waitUntil(() => residentClients.every((c) => c.text === expected), 10_000)
  residentClients.forEach((c, i) => {
    c.setPresence({ user: { name: `Deltagare ${i}` } })
  })
  await sleep(300)

  const plans = splitJoins(joiners, processes, (i) => (i * spreadMs) / joiners)
  const workers = processes > 0 ? await Promise.all(plans.map(() => forkJoinWorker())) : []
  // Worker processes get their plans before the storm starts, so it starts at the same instant in each.
  const stormStart = epochNow() + (processes > 0 ? 100 : 0)
  const plan = (offsetsMs: number[]): JoinWavePlan => ({
    url: server.urlFor(docName),
    docName,
    framing: server.framing,
    expected,
    startAt: stormStart,
    offsetsMs,
  })
  const reports = workers.map((worker, w) => runJoinWorker(worker, plan(plans[w]!)))
  await sleep(Math.max(0, stormStart - epochNow()))
  const workerCpu = workers.map((worker) => cpuSeconds(worker.pid!))
  const measure = startCpuWindow(server.pid)
  let waves: JoinWaveReport[]
  let joined: BenchClient[] = []
  if (processes === 0) {
    const wave = await joinWave(plan(plans[0]!))
    waves = [wave.report]
    joined = wave.clients
  } else {
    waves = await Promise.all(reports)
  }
  const window = measure()
  const workersCpuPct =
    (workers.reduce((sum, worker, w) => sum + cpuSeconds(worker.pid!) - workerCpu[w]!, 0) / window.seconds) *
    100
  for (const worker of workers) worker.send({ type: 'close' })
  const joinTimes = waves.flatMap((wave) => wave.joinTimes)
  const done = waves.flatMap((wave) => wave.doneAt)
  const lastJoinAt = Math.max(...waves.map((wave) => wave.lastJoinAt))
  const generatorStalls = {
    generatorStallMaxMs: Math.max(...waves.map((wave) => wave.generatorStallMaxMs)),
    generatorGcMaxMs: Math.max(...waves.map((wave) => wave.generatorGcMaxMs)),
  }
  const completed = done.filter((t): t is number => t !== null)
  const allSyncedAt = Math.max(...completed)
  const perClient = percentiles(joinTimes)
  for (const client of [writer, ...residentClients, ...joined]) client.close()
  return {
    scenario: 'S4',
    converged: completed.length === joiners,
    metrics: {
      joiners,
      documentChars: expected.length,
      allSyncedMs: round(allSyncedAt - stormStart),
      allSyncedAfterLastJoinMs: round(allSyncedAt - lastJoinAt),
      joinP50Ms: round(perClient.p50),
      joinP99Ms: round(perClient.p99),
      serverCpuPct: round(window.serverCpuPct, 1),
      generatorCpuPct: round(window.generatorCpuPct + workersCpuPct, 1),
      generatorStallMaxMs: round(generatorStalls.generatorStallMaxMs, 1),
      generatorGcMaxMs: round(generatorStalls.generatorGcMaxMs, 1),
    },
    notes: [
      ...generatorNote(window.generatorCpuPct + workersCpuPct),
      ...(processes > 0 ? [`joiners split over ${processes} generator processes`] : []),
      ...(completed.length < joiners
        ? [`${joiners - completed.length} joiners never got the full document`]
        : []),
    ],
  }
}
