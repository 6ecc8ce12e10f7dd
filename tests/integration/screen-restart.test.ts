import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ScreenFocus } from '../../shared/api/workspace-api'
import { freePort } from '../helpers/freePort'
import { type ServerProcess, spawnServer } from '../helpers/test-server'
import { TestWorkspace } from '../helpers/workspace'

/** The first focus event of a screen's event stream, as the shared screen's EventSource reads it. */
const firstFocus = async (url: string, token: string): Promise<ScreenFocus | null> => {
  const controller = new AbortController()
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  })
  const reader = response.body!.getReader()
  let text = ''
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) throw new Error('the stream ended before a focus event')
      text += new TextDecoder().decode(value)
      const match = /event: focus\ndata: (.*)\n/.exec(text)
      if (match !== null) return (JSON.parse(match[1]!) as { focus: ScreenFocus | null }).focus
    }
  } finally {
    controller.abort()
  }
}

describe('the shared screen across a restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkstad-screen-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('shows what a facilitator put on it before the server restarted, as soon as it reconnects', async () => {
    const env = { DATA_DIR: dataDir, STORAGE: 'sqlite', PORT: String(await freePort()) }
    let server: ServerProcess = await spawnServer(env)
    try {
      const workspace = await TestWorkspace.create(server.url)
      const viewer = await workspace.join('viewer', 'Storskärm', 0)
      const cafe = await workspace.createDocument('Idémöte', 'cafe')
      const shown = await fetch(`${server.url}/api/workspaces/${workspace.id}/screen`, {
        method: 'POST',
        headers: { authorization: `Bearer ${workspace.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'cafe', documentId: cafe.id }),
      })
      expect(shown.status).toBe(200)
      const events = `${server.url}/api/workspaces/${workspace.id}/screen/events`
      expect(await firstFocus(events, viewer.session.token)).toMatchObject({
        kind: 'cafe',
        documentId: cafe.id,
      })

      server.child.kill('SIGKILL')
      await server.exited
      server = await spawnServer(env)
      expect(await firstFocus(events, viewer.session.token)).toMatchObject({
        kind: 'cafe',
        documentId: cafe.id,
      })
    } finally {
      server.child.kill('SIGKILL')
      await server.exited
    }
  })
})
