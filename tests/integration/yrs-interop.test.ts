import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectProvider, destroyProvider, waitSynced } from '../helpers/clients'
import { freePort } from '../helpers/freePort'
import { type ServerProcess, spawnServer } from '../helpers/test-server'
import { waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'
import { YrsClient } from '../helpers/YrsClient'

/** The values declaration's "Organisation" field: a plain Y.Text both implementations can type into. */
const FIELD = 'f:organisation'

const RESTARTS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGKILL', 'SIGTERM']

describe('a yrs client (ywasm, no yjs code) beside the standard yjs provider', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkstad-yrs-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  // Issue 21 is not solved yet: in about one run in three, after a restart the yrs client's updates reach no
  // room on the server (no apply, no policy verdict, no pending update: instrumented), while its sync step 1
  // is answered — the reported silent divergence. Skipped so that CI stays meaningful; the next session
  // starts from this reproduction (run it with `it.only` in a loop).
  it('co-edits through three restarts (SIGTERM, SIGKILL, SIGTERM) with offline edits and presence; a fresh client gets every edit', async () => {
    const env = { DATA_DIR: dataDir, STORAGE: 'sqlite', PORT: String(await freePort()) }
    let server: ServerProcess = await spawnServer(env)
    const workspace = await TestWorkspace.create(server.url)
    const document = await workspace.createDocument('Intyg', 'values-declaration')
    const rust = await workspace.join('participant', 'Rut Rost', 1)
    const yrs = new YrsClient(() => server.wsUrl, rust.session.token, document.id)
    const js = connectProvider(server.wsUrl, document.id, workspace.token)
    const typed: string[] = []
    const typeYrs = (token: string) => {
      yrs.type(FIELD, token)
      typed.push(token)
    }
    const typeJs = (token: string) => {
      const text = js.doc.getText(FIELD)
      text.insert(text.length, token)
      typed.push(token)
    }
    const bothHaveAll = () =>
      typed.every(
        (token) => yrs.text(FIELD).includes(token) && js.doc.getText(FIELD).toString().includes(token),
      )
    try {
      yrs.connect()
      yrs.setPresence({ user: { name: 'Rut Rost', memberId: rust.member.id } })
      await waitSynced(js)
      await waitFor(() => yrs.isSynced, 'the yrs client to sync')
      for (let round = 0; round <= RESTARTS.length; round++) {
        for (let i = 0; i < 15; i++) {
          typeYrs(`[yrs ${round}.${i}]`)
          typeJs(`[js ${round}.${i}]`)
          await new Promise((resolve) => setTimeout(resolve, 3))
        }
        await waitFor(bothHaveAll, `both clients to hold every edit of round ${round}`, 10_000)
        // The yrs client's presence reached the standard client through the server.
        await waitFor(() => js.awareness.getStates().has(yrs.clientId), 'the yrs presence at the yjs client')
        const signal = RESTARTS[round]
        if (signal === undefined) break
        server.child.kill(signal)
        await server.exited
        await waitFor(() => !js.wsconnected && !yrs.isSynced, 'both clients to notice the restart')
        // Offline: both keep typing; the edits must merge when the server is back.
        typeYrs(`[yrs offline ${round}]`)
        typeJs(`[js offline ${round}]`)
        server = await spawnServer(env)
        await waitFor(() => js.synced && yrs.isSynced, `both clients to reconnect after ${signal}`, 15_000)
      }

      const fresh = connectProvider(server.wsUrl, document.id, workspace.token)
      try {
        await waitSynced(fresh)
        await waitFor(
          () => typed.every((token) => fresh.doc.getText(FIELD).toString().includes(token)),
          'a fresh standard client to hold every edit',
        )
        // The server holds everything the yrs client wrote: its clock there is the client's own.
        const serverVector = Y.decodeStateVector(Y.encodeStateVector(fresh.doc))
        expect(serverVector.get(yrs.clientId)).toBe(yrs.stateVector().get(yrs.clientId))
        expect(yrs.text(FIELD)).toBe(fresh.doc.getText(FIELD).toString())
      } finally {
        destroyProvider(fresh)
      }

      const exported = await fetch(`${server.url}/api/documents/${document.id}/export?format=json`, {
        headers: { authorization: `Bearer ${workspace.token}` },
      })
      const body = (await exported.json()) as { value: { fields: Record<string, unknown> } }
      expect(body.value.fields.organisation).toBe(yrs.text(FIELD))
      // Nothing was pending on the server: no update ever built on content it lacked.
      expect(server.logs.filter((line) => line.includes('builds on content the server lacks'))).toEqual([])
    } finally {
      yrs.destroy()
      destroyProvider(js)
      server.child.kill('SIGKILL')
      await server.exited
    }
  })
})
