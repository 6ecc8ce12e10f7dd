// `npm run bench [-- --quick] [--runs=N] [--servers=a,b] [--scenarios=S1a,S3] [--skip-max-room] [--scale-out] [--s4-processes=N] [--s5-processes=N] [--soak-seconds=N] [--hogs=N] [--client]`
// Drives Samverkstad and the reference servers with the same clients, in the same run, and writes one JSON
// line per (server, scenario, run) to bench/results/, then the medians to docs/PERFORMANCE.md.
import { execSync, spawn } from 'node:child_process'
import { appendFileSync, mkdirSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { z } from 'zod'
import { clientBench, renderClientTable } from './client/clientBench'
import { writeReport } from './report'
import {
  coldLoad,
  joinStorm,
  manyRooms,
  roomFanout,
  SCENARIOS,
  type ScenarioId,
  type ScenarioResult,
} from './scenarios'
import {
  type BenchServer,
  FLOOR_SCENARIOS,
  SERVER_KINDS,
  type ServerKind,
  startBenchServer,
  startScaleOutServers,
} from './servers'
import { splitFanout } from './splitFanout'

export interface BenchRecord extends ScenarioResult {
  readonly date: string
  readonly server: ServerKind
  readonly run: number
  readonly quick: boolean
  /** Busy-looping processes run beside the servers (a loaded machine); 0 on a quiet one. */
  readonly hogs: number
  readonly machine: { readonly cpus: number; readonly model: string; readonly node: string }
}

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    servers: { type: 'string' },
    scenarios: { type: 'string' },
    'skip-max-room': { type: 'boolean', default: false },
    'no-report': { type: 'boolean', default: false },
    'scale-out': { type: 'boolean', default: false },
    's4-processes': { type: 'string' },
    's5-processes': { type: 'string' },
    hogs: { type: 'string' },
    'soak-seconds': { type: 'string' },
    client: { type: 'boolean', default: false },
  },
})

const quick = values.quick ?? false
const parseRuns = (value: string): number => {
  const parsed = z.coerce.number().int().min(1).max(50).safeParse(value)
  if (!parsed.success) throw new Error(`--runs must be a whole number from 1 to 50, not "${value}"`)
  return parsed.data
}
const runsArg = values.runs === undefined ? undefined : parseRuns(values.runs)
const LATENCY_SCENARIOS: readonly ScenarioId[] = ['S1a', 'S4']
/**
 * Runs per scenario. The latency scenarios get five: this machine has slow spells of 20–60 s in which
 * whichever server is measured uses more CPU and its clients see longer stalls, and with three runs one such
 * spell can decide a median (docs/PERFORMANCE.md, "Since the floor writes once per turn").
 */
const runsOf = (scenario: ScenarioId): number => {
  if (runsArg !== undefined) return runsArg
  if (quick) return 1
  // A meeting-length soak: one run per server (about 13 minutes for the three) — its figures are its worst
  // moments over four minutes, not a median of short windows.
  if (scenario === 'S5') return 1
  return LATENCY_SCENARIOS.includes(scenario) ? 5 : 3
}
// The floor only bounds the full run's latency figures; a quick run checks that the servers work.
const servers = (values.servers?.split(',') ??
  SERVER_KINDS.filter((kind) => !quick || kind !== 'floor')) as ServerKind[]
const scenarios = (values.scenarios?.split(',') ?? SCENARIOS) as ScenarioId[]
const s4Processes = Number(values['s4-processes'] ?? 0)
/**
 * S5's clients are dealt over this many generator processes: in one process, fifty documents applying every
 * keystroke for four minutes stalled it for 0.7–1.3 s, the same for every server (PERFORMANCE.md, issue 28).
 * 0 runs S5 in this process as S1a runs.
 */
const s5Processes = z.coerce
  .number()
  .int()
  .min(0)
  .max(8)
  .parse(values['s5-processes'] ?? 2, {
    error: () => `--s5-processes must be a whole number from 0 to 8, not "${values['s5-processes']}"`,
  })
const hogs = z.coerce
  .number()
  .int()
  .min(0)
  .max(16)
  .parse(values.hogs ?? 0, {
    error: () => `--hogs must be a whole number from 0 to 16, not "${values.hogs}"`,
  })
const maxRoom = !quick && !(values['skip-max-room'] ?? false)
for (const s of servers) if (!SERVER_KINDS.includes(s)) throw new Error(`unknown server ${s}`)
for (const s of scenarios) if (!SCENARIOS.includes(s)) throw new Error(`unknown scenario ${s}`)

const size = quick
  ? {
      s1a: 10,
      s1b: 30,
      durationMs: 2_000,
      rooms: 30,
      coldUpdates: 1_000,
      joiners: 30,
      residents: 5,
      prefill: 200,
      soakMs: 20_000,
    }
  : {
      s1a: 50,
      s1b: 200,
      durationMs: 10_000,
      rooms: 500,
      coldUpdates: 20_000,
      joiners: 300,
      residents: 20,
      prefill: 2_000,
      soakMs: values['soak-seconds'] === undefined ? 250_000 : Number(values['soak-seconds']) * 1000,
    }

const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version }
const stamp = new Date().toISOString().replace(/[:.]/g, '-')
const resultsDir = join(import.meta.dirname, 'results')
mkdirSync(resultsDir, { recursive: true })
const resultsFile = join(
  resultsDir,
  `${quick ? 'quick-' : ''}${hogs > 0 ? `hogs${hogs}-` : ''}${stamp}.jsonl`,
)

// Measure what `npm start` runs: the bundled server, freshly built.
execSync('npm run build:server', { stdio: 'inherit' })
process.env.BENCH_SAMVERKSTAD_BUNDLE = '1'

if (values.client ?? false) {
  // The client on the devices people bring: the document page in Chromium beside a bare editor (the floor).
  execSync('npx vite build --config client/vite.config.ts --logLevel error', { stdio: 'inherit' })
  const server = await startBenchServer('samverkstad')
  try {
    await server.prepare(['client', 'cafe-harvest'])
    const result = await clientBench(server, 'client', 'cafe-harvest')
    const line = { date: new Date().toISOString(), scenario: 'client', machine, ...result }
    appendFileSync(join(resultsDir, `client-${stamp}.jsonl`), `${JSON.stringify(line)}\n`)
    console.log(renderClientTable(result.metrics))
  } finally {
    await server.stop()
    server.cleanUp()
  }
  process.exit(0)
}

const runScenario = async (kind: ServerKind, scenario: ScenarioId): Promise<ScenarioResult> => {
  let server: BenchServer = await startBenchServer(kind)
  try {
    switch (scenario) {
      case 'S1a':
        return await roomFanout(server, {
          clients: size.s1a,
          editsPerSecond: 2,
          durationMs: size.durationMs,
          cursors: true,
          applyOnArrival: true,
          docName: 's1a',
        })
      case 'S1b':
        return await roomFanout(server, {
          clients: size.s1b,
          editsPerSecond: 1,
          durationMs: size.durationMs,
          cursors: false,
          applyOnArrival: false,
          docName: 's1b',
        })
      case 'S5': {
        const soak = {
          clients: size.s1a,
          editsPerSecond: 2,
          durationMs: size.soakMs,
          cursors: true,
          // As people's editors do. Fifty documents applying every keystroke for four minutes load one
          // generator process heavily (hence the split); keeping the updates to apply at the end instead was
          // tried and takes the generator far longer than the soak itself.
          applyOnArrival: true,
          docName: 's5',
          scenario: 'S5',
        }
        return s5Processes > 0
          ? await splitFanout(server, { ...soak, processes: s5Processes })
          : await roomFanout(server, soak)
      }
      case 'S2':
        return await manyRooms(server, { rooms: size.rooms, durationMs: Math.min(size.durationMs, 6_000) })
      case 'S2-dwa1':
        return await manyRooms(server, {
          rooms: size.rooms,
          durationMs: Math.min(size.durationMs, 6_000),
          content: 'dwa-1',
        })
      case 'S3': {
        const { result, server: restarted } = await coldLoad(server, { updates: size.coldUpdates })
        server = restarted
        return result
      }
      case 'S4':
        return await joinStorm(server, {
          joiners: size.joiners,
          residents: size.residents,
          prefillUpdates: size.prefill,
          processes: s4Processes,
        })
    }
  } finally {
    await server.stop()
    server.cleanUp()
  }
}

const record = (kind: ServerKind, run: number, result: ScenarioResult): BenchRecord => {
  const entry: BenchRecord = {
    date: new Date().toISOString(),
    server: kind,
    run,
    quick,
    hogs,
    machine,
    ...result,
  }
  appendFileSync(resultsFile, `${JSON.stringify(entry)}\n`)
  const flags = [result.converged ? 'converged' : 'NOT CONVERGED', ...result.notes].join('; ')
  console.log(
    `${kind.padEnd(19)} ${result.scenario.padEnd(12)} run ${run}  ${JSON.stringify(result.metrics)}  ${flags}`,
  )
  return entry
}

// A loaded machine, for the relay's busy case: processes that keep a core each busy for the whole run.
const hogProcesses = Array.from({ length: hogs }, () =>
  spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
)
process.on('exit', () => {
  for (const hog of hogProcesses) hog.kill('SIGKILL')
})
if (hogs > 0) console.log(`${hogs} CPU hog process${hogs === 1 ? '' : 'es'} running beside the servers`)

const records: BenchRecord[] = []
const started = performance.now()
const runs = Math.max(...scenarios.map(runsOf))
for (let run = 1; run <= (values['scale-out'] ? 0 : runs); run++) {
  // The order of servers rotates from run to run: whichever runs right after another scenario meets the
  // generator with that scenario's garbage still to collect, and always the same server paying for it would
  // bias its figures (S4's p99 most).
  const order = servers.map((_, i) => servers[(i + run - 1) % servers.length]!)
  for (const scenario of scenarios.filter((each) => run <= runsOf(each))) {
    for (const kind of order) {
      if (kind === 'floor' && !FLOOR_SCENARIOS.includes(scenario)) continue
      // Each server meets a generator with a collected heap (`npm run bench` runs with --expose-gc).
      globalThis.gc?.()
      try {
        records.push(record(kind, run, await runScenario(kind, scenario)))
      } catch (error) {
        records.push(
          record(kind, run, { scenario, converged: false, metrics: {}, notes: [`failed: ${String(error)}`] }),
        )
      }
    }
  }
}

// S1 with clients split over instances (Postgres + Redis): one instance, then two, same clients.
const scaleOutOnly = values['scale-out'] ?? false
const databaseUrl = process.env.DATABASE_URL
const redisUrl = process.env.REDIS_URL
if ((scaleOutOnly || !quick) && (databaseUrl === undefined || redisUrl === undefined)) {
  console.log('S1 scale-out variant skipped: it needs DATABASE_URL and REDIS_URL')
} else if (scaleOutOnly || !quick) {
  const scaleOutRuns = runsArg ?? (quick ? 1 : 3)
  for (let run = 1; run <= scaleOutRuns; run++) {
    for (const scenario of ['S1a', 'S1b'] as const) {
      for (const count of [1, 2]) {
        const schema =
          `bench_${stamp.replace(/[^0-9a-z]/gi, '').toLowerCase()}_${run}${scenario}${count}`.toLowerCase()
        const admin = new pg.Client({ connectionString: databaseUrl })
        await admin.connect()
        await admin.query(`CREATE SCHEMA "${schema}"`)
        const instances = await startScaleOutServers(count, {
          databaseUrl: databaseUrl!,
          redisUrl: redisUrl!,
          schema,
        })
        try {
          const result = await roomFanout(instances, {
            clients: scenario === 'S1a' ? size.s1a : size.s1b,
            editsPerSecond: scenario === 'S1a' ? 2 : 1,
            durationMs: size.durationMs,
            cursors: scenario === 'S1a',
            applyOnArrival: scenario === 'S1a',
            docName: `scale-${scenario}`,
          })
          records.push(record('samverkstad', run, { ...result, scenario: `${scenario}-pg-redis-${count}x` }))
        } catch (error) {
          records.push(
            record('samverkstad', run, {
              scenario: `${scenario}-pg-redis-${count}x`,
              converged: false,
              metrics: {},
              notes: [`failed: ${String(error)}`],
            }),
          )
        } finally {
          for (const instance of instances) await instance.stop()
          for (const instance of instances) instance.cleanUp()
          await admin.query(`DROP SCHEMA "${schema}" CASCADE`)
          await admin.end()
        }
      }
    }
  }
}

if (maxRoom && !scaleOutOnly) {
  // The largest S1b room whose p99 stays under 100 ms, per server (one run per size, 5 s each).
  for (const kind of servers.filter((s) => s !== 'floor')) {
    for (const clients of [100, 200, 300, 400]) {
      const server = await startBenchServer(kind)
      try {
        const result = await roomFanout(server, {
          clients,
          editsPerSecond: 1,
          durationMs: 5_000,
          cursors: false,
          applyOnArrival: false,
          docName: 'max-room',
        })
        records.push(record(kind, 1, { ...result, scenario: `S1b-size-${clients}` }))
        if (!(result.metrics.p99Ms! < 100) || !result.converged) break
      } finally {
        await server.stop()
        server.cleanUp()
      }
    }
  }
}

console.log(
  `\n${records.length} results in ${Math.round((performance.now() - started) / 1000)} s → ${resultsFile}`,
)
for (const hog of hogProcesses) hog.kill('SIGKILL')
// A loaded run is reported on its own (docs/PERFORMANCE.md quotes it), never as the machine's figures.
if (!(values['no-report'] ?? false) && !scaleOutOnly) writeReport(records, { quick: quick || hogs > 0 })
const failed = records.filter((r) => !r.converged)
if (failed.length > 0) {
  console.log(`${failed.length} runs did not converge or failed (see notes above)`)
}
