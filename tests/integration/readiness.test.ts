import { execFileSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseConfig } from '../../server/config'
import { createLogger } from '../../server/logger'
import { type RunningServer, startServer } from '../../server/startServer'
import { openSqliteStorage } from '../../server/storage/sqlite/openSqliteStorage'
import { waitForAsync } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

const readiness = async (server: RunningServer) => {
  const response = await fetch(`http://127.0.0.1:${server.port}/readyz`)
  return { status: response.status, body: (await response.json()) as { status: string; reason?: string } }
}

const start = (dataDir: string, env: Record<string, string> = {}) => {
  const config = parseConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...env })
  return startServer({
    config,
    storage: openSqliteStorage({ file: join(dataDir, 'samverkstad.db') }),
    logger: createLogger('silent'),
  })
}

/** A small tmpfs to fill, where this machine lets the tests mount one (root on Linux); null elsewhere. */
const mountTmpfs = (bytes: number): string | null => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkstad-full-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: 'ignore' })
    return dir
  } catch {
    rmSync(dir, { recursive: true, force: true })
    return null
  }
}
const canMount = (() => {
  const dir = mountTmpfs(64 * 1024)
  if (dir === null) return false
  execFileSync('umount', [dir])
  rmSync(dir, { recursive: true, force: true })
  return true
})()

describe('readiness tells the truth about storage', () => {
  let server: RunningServer | null = null
  const cleanups: (() => void)[] = []
  afterEach(async () => {
    await server?.close()
    server = null
    for (const cleanup of cleanups.splice(0).reverse()) cleanup()
  })

  it('answers 503 with the reason when the database file is damaged', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samverkstad-damaged-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    server = await start(dataDir)
    const workspace = await TestWorkspace.create(`http://127.0.0.1:${server.port}`)
    for (let i = 0; i < 20; i++) await workspace.createDocument(`Dokument ${i}`)
    expect((await readiness(server)).status).toBe(200)
    await server.close()
    server = null
    // Garbage over the b-tree headers of pages 2–12 (page 1 holds the file header and the schema, which still
    // open): the tables there no longer read.
    const file = openSync(join(dataDir, 'samverkstad.db'), 'r+')
    for (let page = 1; page < 12; page++) writeSync(file, Buffer.alloc(12, 0xa5), 0, 12, page * 4096)
    closeSync(file)
    server = await start(dataDir)
    const { status, body } = await readiness(server)
    expect(status).toBe(503)
    expect(body.reason).toMatch(/integrity check failed/)
  })

  it.skipIf(!canMount)(
    'answers 503 with the reason while the disk is full, and 200 again once there is room',
    async () => {
      const dataDir = mountTmpfs(4 * 1024 * 1024)!
      cleanups.push(() => {
        execFileSync('umount', [dataDir])
        rmSync(dataDir, { recursive: true, force: true })
      })
      server = await start(dataDir, { READINESS_PROBE_MS: '100' })
      await TestWorkspace.create(`http://127.0.0.1:${server.port}`)
      expect((await readiness(server)).status).toBe(200)
      // Fill what is left of the disk.
      const filler = join(dataDir, 'filler')
      const file = openSync(filler, 'w')
      try {
        for (;;) writeSync(file, Buffer.alloc(64 * 1024))
      } catch {
        // ENOSPC: the disk is full.
      }
      closeSync(file)
      await waitForAsync(
        async () => (await readiness(server!)).status === 503,
        'readiness to report the full disk',
      )
      expect((await readiness(server)).body.reason).toMatch(/full|SQLITE/i)
      rmSync(filler)
      await waitForAsync(
        async () => (await readiness(server!)).status === 200,
        'readiness once there is room',
      )
    },
  )
})
