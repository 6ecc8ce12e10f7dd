import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Framing } from './BenchClient'
import { readBuiltServerArgs } from './builtServerArgs'

export type ServerKind = 'samverkstad' | 'y-websocket-server' | 'hocuspocus' | 'floor'
export const SERVER_KINDS: readonly ServerKind[] = [
  'samverkstad',
  'y-websocket-server',
  'hocuspocus',
  'floor',
]
/**
 * `floor` (bench/floor-server.ts) is no server to compare with but the least work any could do: it runs only
 * the latency scenarios it bounds, and is never the "best reference".
 */
export const FLOOR_SCENARIOS: readonly string[] = ['S1a', 'S4']

export interface BenchServer {
  readonly kind: ServerKind
  readonly framing: Framing
  readonly pid: number
  readonly port: number
  /**
   * Makes the documents exist and be reachable: Samverkstad needs a workspace, a session and a registered
   * document (created through its HTTP API, as any client would); the reference servers take any name.
   */
  prepare(docNames: readonly string[]): Promise<void>
  /** The websocket URL for a prepared document. */
  urlFor(docName: string): string
  /**
   * Samverkstad only: the page of a prepared document (for a café, its shared screen) and the session cookie
   * that opens it, with the member the session is.
   */
  readonly pageFor?: (docName: string) => {
    url: string
    documentId: string
    cookie: string
    token: string
    memberId: string
  }
  /** Samverkstad only: the sync endpoint a y-websocket provider is given. */
  readonly wsBase?: string
  /** SIGTERM and wait for the exit (SIGKILL after `graceMs`); resolves with whether it exited by itself. */
  stop(graceMs?: number): Promise<boolean>
  /** Start the same server again on the same data. */
  restart(): Promise<BenchServer>
  /** Remove its data directory. */
  cleanUp(): void
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

const waitForPort = async (port: number, child: ChildProcess, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before listening`)
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket()
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
      socket.connect(port, '127.0.0.1')
    })
    if (open) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`server did not listen on ${port} within ${timeoutMs} ms`)
}

const command = (
  kind: ServerKind,
  port: number,
  dataDir: string,
  extraEnv: Record<string, string> = {},
): { args: string[]; env: NodeJS.ProcessEnv } => {
  const { DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env
  const base = { ...inherited, HOST: '127.0.0.1', PORT: String(port), ...extraEnv }
  switch (kind) {
    case 'samverkstad':
      return {
        // BENCH_CPU_PROF=dir writes a V8 CPU profile of the server on exit (see bench/top-functions.ts).
        args: [
          ...(process.env.BENCH_CPU_PROF
            ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
            : []),
          ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
          // `npm run bench` runs the bundle as `npm start` runs it, flags included; tests run the sources
          // through tsx.
          ...(process.env.BENCH_SAMVERKSTAD_BUNDLE === '1'
            ? readBuiltServerArgs()
            : ['--import', 'tsx', 'server/main.ts']),
        ],
        // One load generator on one address opens thousands of sockets: lift the per-address limits.
        env: {
          ...base,
          DATA_DIR: dataDir,
          STORAGE: 'sqlite',
          LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
          RATE_LIMIT_PER_MINUTE: '1000000',
          MAX_CONNECTIONS_PER_IP: '1000000',
        },
      }
    case 'y-websocket-server':
      // Its LevelDB persistence, as its README describes.
      return {
        args: ['node_modules/@y/websocket-server/src/server.js'],
        env: { ...base, YPERSISTENCE: dataDir },
      }
    case 'hocuspocus':
      return {
        args: ['--import', 'tsx', 'bench/hocuspocus-server.ts'],
        env: { ...base, DATABASE: join(dataDir, 'hocuspocus.sqlite') },
      }
    case 'floor':
      return { args: ['--import', 'tsx', 'bench/floor-server.ts'], env: base }
  }
}

/** Documents named `cafe…` are world cafés; the others Design for Wiser Action worksheets (dwa-1). */
const isCafe = (docName: string): boolean => docName.startsWith('cafe')

/** What a Samverkstad bench server has created through its API; kept across restarts on the same data. */
interface SamverkstadSession {
  workspace: { id: string; token: string; memberId: string } | null
  readonly ids: Map<string, string>
}

const post = async <T>(port: number, path: string, body: unknown, token?: string): Promise<T> => {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

const prepareSamverkstad = async (port: number, session: SamverkstadSession, names: readonly string[]) => {
  if (session.workspace === null) {
    const created = await post<{
      workspace: { id: string }
      session: { token: string }
      member: { id: string }
    }>(port, '/api/workspaces', {
      name: 'Benchmark',
      challenge: 'Mätning',
      parties: [
        { name: 'Kommunen', kind: 'public' },
        { name: 'Föreningen', kind: 'nonprofit' },
      ],
      creator: { name: 'Bench', party: 0 },
    })
    session.workspace = {
      id: created.workspace.id,
      token: created.session.token,
      memberId: created.member.id,
    }
  }
  const { id, token } = session.workspace
  for (const name of names) {
    if (session.ids.has(name)) continue
    const document = await post<{ id: string }>(
      port,
      `/api/workspaces/${id}/documents`,
      { template: isCafe(name) ? 'cafe' : 'dwa-1', title: name },
      token,
    )
    session.ids.set(name, document.id)
  }
}

const launch = async (
  kind: ServerKind,
  dataDir: string,
  session: SamverkstadSession = { workspace: null, ids: new Map() },
  extraEnv: Record<string, string> = {},
): Promise<BenchServer> => {
  const port = await freePort()
  const { args, env } = command(kind, port, dataDir, extraEnv)
  const child = spawn(process.execPath, args, {
    env,
    stdio: ['ignore', process.env.BENCH_SERVER_STDOUT ? 'inherit' : 'ignore', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await waitForPort(port, child)
  return {
    kind,
    framing: kind === 'hocuspocus' ? 'hocuspocus' : 'plain',
    pid: child.pid!,
    port,
    prepare: async (docNames) => {
      if (kind === 'samverkstad') await prepareSamverkstad(port, session, docNames)
    },
    ...(kind === 'samverkstad'
      ? {
          wsBase: `ws://127.0.0.1:${port}/sync`,
          pageFor: (docName: string) => {
            const documentId = session.ids.get(docName)
            if (documentId === undefined || session.workspace === null)
              throw new Error(`document ${docName} was not prepared`)
            const { id, token, memberId } = session.workspace
            const route = isCafe(docName) ? `cafe/${documentId}/skarm` : `d/${documentId}`
            return {
              url: `http://127.0.0.1:${port}/w/${id}/${route}`,
              documentId,
              cookie: `sv_${id}`,
              token,
              memberId,
            }
          },
        }
      : {}),
    urlFor: (docName) => {
      if (kind === 'hocuspocus') return `ws://127.0.0.1:${port}/`
      if (kind === 'y-websocket-server' || kind === 'floor') return `ws://127.0.0.1:${port}/${docName}`
      const id = session.ids.get(docName)
      if (id === undefined || session.workspace === null)
        throw new Error(`document ${docName} was not prepared`)
      return `ws://127.0.0.1:${port}/sync/${id}?token=${session.workspace.token}`
    },
    stop: async (graceMs = 15_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return true
      child.kill('SIGTERM')
      const timer = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), graceMs).unref())
      const clean = await Promise.race([exited.then(() => true), timer])
      if (!clean) {
        child.kill('SIGKILL')
        await exited
      }
      return clean
    },
    restart: () => launch(kind, dataDir, session, extraEnv),
    cleanUp: () => rmSync(dataDir, { recursive: true, force: true }),
  }
}

/** Starts a fresh server of a kind, with persistence on, in a new data directory. */
export const startBenchServer = (kind: ServerKind): Promise<BenchServer> =>
  launch(kind, mkdtempSync(join(tmpdir(), `bench-${kind}-`)))

/**
 * `count` Samverkstad instances on one Postgres database and one Redis (scale-out), sharing one workspace
 * and its documents. Each call uses a fresh schema, dropped by `cleanUp` of the first instance.
 */
export const startScaleOutServers = async (
  count: number,
  { databaseUrl, redisUrl, schema }: { databaseUrl: string; redisUrl: string; schema: string },
): Promise<BenchServer[]> => {
  const session: SamverkstadSession = { workspace: null, ids: new Map() }
  const url = `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
  const servers: BenchServer[] = []
  for (let i = 0; i < count; i++) {
    // Instances start one after the other: the first creates the schema's tables (under an advisory lock).
    servers.push(
      await launch('samverkstad', mkdtempSync(join(tmpdir(), 'bench-scale-')), session, {
        DATABASE_URL: url,
        REDIS_URL: redisUrl,
      }),
    )
  }
  return servers
}
