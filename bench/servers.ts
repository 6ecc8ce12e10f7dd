import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Framing } from './BenchClient'

export type ServerKind = 'samverkstad' | 'y-websocket-server' | 'hocuspocus'
export const SERVER_KINDS: readonly ServerKind[] = ['samverkstad', 'y-websocket-server', 'hocuspocus']

export interface BenchServer {
  readonly kind: ServerKind
  readonly framing: Framing
  readonly pid: number
  readonly port: number
  /** The websocket URL for a document. */
  urlFor(docName: string): string
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
): { args: string[]; env: NodeJS.ProcessEnv } => {
  const base = { ...process.env, HOST: '127.0.0.1', PORT: String(port) }
  switch (kind) {
    case 'samverkstad':
      return {
        // BENCH_CPU_PROF=dir writes a V8 CPU profile of the server on exit (see bench/top-functions.ts).
        args: [
          ...(process.env.BENCH_CPU_PROF
            ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
            : []),
          // `npm run bench` runs the bundle that `npm start` runs; tests run the sources through tsx.
          ...(process.env.BENCH_SAMVERKSTAD_BUNDLE === '1'
            ? ['dist/server/main.mjs']
            : ['--import', 'tsx', 'server/main.ts']),
        ],
        env: { ...base, DATA_DIR: dataDir, STORAGE: 'sqlite', LOG_LEVEL: 'warn' },
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
  }
}

const launch = async (kind: ServerKind, dataDir: string): Promise<BenchServer> => {
  const port = await freePort()
  const { args, env } = command(kind, port, dataDir)
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'inherit'] })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await waitForPort(port, child)
  const path = kind === 'samverkstad' ? '/sync/' : '/'
  return {
    kind,
    framing: kind === 'hocuspocus' ? 'hocuspocus' : 'plain',
    pid: child.pid!,
    port,
    urlFor: (docName) => `ws://127.0.0.1:${port}${path}${kind === 'hocuspocus' ? '' : docName}`,
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
    restart: () => launch(kind, dataDir),
    cleanUp: () => rmSync(dataDir, { recursive: true, force: true }),
  }
}

/** Starts a fresh server of a kind, with persistence on, in a new data directory. */
export const startBenchServer = (kind: ServerKind): Promise<BenchServer> =>
  launch(kind, mkdtempSync(join(tmpdir(), `bench-${kind}-`)))
