import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { type Config, parseConfig } from '../../server/config'
import { createLogger } from '../../server/logger'
import { type RunningServer, type StartServerOptions, startServer } from '../../server/startServer'
import type { DocumentStore, Storage } from '../../server/storage/port'
import { openSqliteStorage } from '../../server/storage/sqlite/openSqliteStorage'

export interface TestServer extends RunningServer {
  readonly url: string
  readonly wsUrl: string
  readonly storage: Storage
}

/** Starts the real server in this process. Binding port 0 picks a free port, so test files can run in parallel. */
export const startTestServer = async (
  env: Record<string, string> = {},
  storage: Storage = openSqliteStorage({ file: ':memory:' }),
  content: Pick<StartServerOptions, 'templates' | 'migrations'> = {},
): Promise<TestServer> => {
  const config: Config = parseConfig({ PORT: '0', LOG_LEVEL: 'silent', ...env })
  const server = await startServer({ config, storage, logger: createLogger(config.logLevel), ...content })
  return {
    ...server,
    storage,
    url: `http://127.0.0.1:${server.port}`,
    wsUrl: `ws://127.0.0.1:${server.port}/sync`,
  }
}

export interface ServerProcess {
  readonly child: ChildProcess
  readonly port: number
  readonly wsUrl: string
  readonly url: string
  /** Lines the server wrote to stdout (JSON logs). */
  readonly logs: string[]
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/**
 * Starts `server/main.ts` as a child process (to kill it for real) and resolves once it listens.
 * LOG_LEVEL stays `info`: the "listening" line is how the port is learnt.
 */
export const spawnServer = async (
  env: Record<string, string>,
  startTimeoutMs = 20_000,
): Promise<ServerProcess> => {
  // CI exports DATABASE_URL and REDIS_URL for the scale-out tests; a server asked for SQLite must not pick
  // them up, so only an explicit `env` passes them on.
  const { DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...inherited, PORT: '0', ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const logs: string[] = []
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      logs.push(line)
      try {
        const entry = JSON.parse(line) as { msg?: string; port?: number }
        if (entry.msg === 'listening' && typeof entry.port === 'number') resolve(entry.port)
      } catch {
        // not a log line
      }
    })
    void exited.then(({ code }) =>
      reject(new Error(`server exited with ${code} before listening: ${stderr}`)),
    )
    setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not listen within ${startTimeoutMs} ms: ${stderr}`))
    }, startTimeoutMs).unref()
  })
  return { child, port, logs, exited, url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/sync` }
}

/**
 * A storage whose document content lives in `documents` (a store a test controls, e.g. one that fails on
 * demand) and whose workspaces live in a private in-memory SQLite database.
 */
export const storageWith = (documents: DocumentStore): Storage => {
  const base = openSqliteStorage({ file: ':memory:' })
  return {
    documents,
    workspaces: base.workspaces,
    versions: base.versions,
    ping: () => documents.ping(),
    probe: () => base.probe(),
    checkIntegrity: () => base.checkIntegrity(),
    close: async () => {
      await documents.close()
      await base.close()
    },
  }
}
