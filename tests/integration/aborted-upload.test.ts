import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../server/config'
import { createLogger } from '../../server/logger'
import { startServer } from '../../server/startServer'
import { openSqliteStorage } from '../../server/storage/sqlite/openSqliteStorage'
import { waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

describe('a client that aborts its own upload', () => {
  it('is logged at warn, without a stack, and the server goes on serving', async () => {
    const lines: string[] = []
    const server = await startServer({
      config: parseConfig({ PORT: '0' }),
      storage: openSqliteStorage({ file: ':memory:' }),
      logger: createLogger('info', { write: (line) => lines.push(line) }),
    })
    try {
      const workspace = await TestWorkspace.create(`http://127.0.0.1:${server.port}`)
      const socket = connect(server.port, '127.0.0.1')
      await new Promise((resolve) => socket.once('connect', resolve))
      socket.write(
        `POST /api/workspaces/${workspace.id}/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
          `Authorization: Bearer ${workspace.token}\r\nContent-Type: application/json\r\n` +
          'Content-Length: 1000\r\n\r\n{"template":',
      )
      await new Promise((resolve) => setTimeout(resolve, 50))
      socket.destroy()
      const entries = () =>
        lines.map((line) => JSON.parse(line) as { level: number; msg: string; err?: unknown })
      await waitFor(
        () => entries().some((entry) => entry.msg === 'the client aborted its request'),
        'the log line',
      )
      const logged = entries().find((entry) => entry.msg === 'the client aborted its request')!
      expect(logged.level).toBe(40)
      expect(logged.err).toBeUndefined()
      expect(entries().filter((entry) => entry.level >= 50)).toEqual([])
      expect((await fetch(`http://127.0.0.1:${server.port}/readyz`)).status).toBe(200)
    } finally {
      await server.close()
    }
  })
})
