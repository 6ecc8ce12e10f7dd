import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { spawnServer } from '../helpers/test-server'
import { TestWorkspace } from '../helpers/workspace'

/** Runs `server/main.ts` to its end and reports how it ended. */
const runToExit = (env: Record<string, string>) =>
  new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const { DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...inherited, PORT: '0', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stderr })
    })
  })

describe('one server per data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkstad-lock-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('refuses a second server on the same DATA_DIR with exit code 2 and one line naming the folder and the first process, which keeps serving', async () => {
    const first = await spawnServer({ DATA_DIR: dataDir, STORAGE: 'sqlite' })
    try {
      const second = await runToExit({ DATA_DIR: dataDir, STORAGE: 'sqlite' })
      expect(second.code).toBe(2)
      expect(second.stderr.trim().split('\n')).toEqual([
        `DATA_DIR ${dataDir} is in use by another Samverkstad server (process ${first.child.pid}); stop it or choose another DATA_DIR`,
      ])
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200)
      await TestWorkspace.create(first.url)
      // A crash releases the folder: the next server starts.
      first.child.kill('SIGKILL')
      await first.exited
      const next = await spawnServer({ DATA_DIR: dataDir, STORAGE: 'sqlite' })
      expect((await fetch(`${next.url}/readyz`)).status).toBe(200)
      next.child.kill('SIGTERM')
      await next.exited
    } finally {
      first.child.kill('SIGKILL')
    }
  })
})
