import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { openSqliteStorage } from '../../server/storage/sqlite/openSqliteStorage'
import { CloseCode } from '../../shared/protocol/sync-error'
import { connectProvider, destroyProvider, waitSynced } from '../helpers/clients'
import { startTestServer } from '../helpers/test-server'
import { waitFor } from '../helpers/wait'
import { partnership, TestWorkspace } from '../helpers/workspace'

/** Every table of the database and every value in it, as text, to search for traces. */
const everyValue = (file: string): string[] => {
  const db = new Database(file, { readonly: true })
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[]
  const values: string[] = []
  for (const { name } of tables) {
    for (const row of db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
      for (const value of Object.values(row)) {
        values.push(value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : String(value))
      }
    }
  }
  db.close()
  return values
}

const bytesOf = (file: string): string => (existsSync(file) ? readFileSync(file).toString('latin1') : '')

describe('deleting a workspace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkstad-delete-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('leaves no row, update log, state or byte of it in the SQLite files, and keeps other workspaces whole', async () => {
    const file = join(dir, 'samverkstad.db')
    const server = await startTestServer({ COMPACT_AFTER_UPDATES: '5' }, openSqliteStorage({ file }))
    const doomed = await TestWorkspace.create(
      server.url,
      partnership({ name: 'Raderas-Partnerskapet', challenge: 'Utmaning-som-ska-bort' }),
    )
    const kept = await TestWorkspace.create(server.url, partnership({ name: 'Behålls-Partnerskapet' }))
    const rut = await doomed.join('participant', 'Rut Raderasson', 1)
    const doomedDocs = [
      (await doomed.createDocument('Dokument-Ett')).id,
      (await doomed.createDocument('Dokument-Två')).id,
    ]
    const keptDoc = (await kept.createDocument('Behållet-Dokument')).id

    // Content in both the compacted state and the log (COMPACT_AFTER_UPDATES=5), in every document.
    const marker = 'HEMLIG-TEXT-SOM-SKA-BORT'
    for (const [docId, token] of [
      [doomedDocs[0]!, doomed.token],
      [doomedDocs[1]!, rut.session.token],
      [keptDoc, kept.token],
    ] as const) {
      const provider = connectProvider(server.wsUrl, docId, token)
      await waitSynced(provider)
      const text = provider.doc.getText('t')
      const words =
        docId === keptDoc
          ? ['Behållen ', 'text ', 'finns ', 'kvar ', 'här ', 'ändå. ', 'Slut.']
          : [`${marker} `, 'ett ', 'två ', 'tre ', 'fyra ', 'fem ', `${marker}-igen`]
      for (const word of words) text.insert(text.length, word)
      await waitFor(
        () => server.registry.peek(docId)?.doc.getText('t').toString() === text.toString(),
        'the server to have it',
      )
      await server.registry.flush()
      destroyProvider(provider)
    }
    // One member is still connected when the workspace goes: their socket is closed, nothing is written after.
    const stillHere = connectProvider(server.wsUrl, doomedDocs[0]!, rut.session.token)
    await waitSynced(stillHere)
    const codes: number[] = []
    stillHere.ws?.addEventListener('close', (event) => codes.push((event as CloseEvent).code))
    stillHere.doc.getText('t').insert(0, `${marker}-sist `)
    await server.registry.flush()
    expect(everyValue(file).some((value) => value.includes(marker))).toBe(true)

    const response = await fetch(`${server.url}/api/workspaces/${doomed.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${doomed.token}` },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^sv_${doomed.id}=;.*Max-Age=0`))
    await waitFor(() => codes.length > 0, 'the connected member to be disconnected')
    expect([CloseCode.Unauthorized, CloseCode.NotFound]).toContain(codes[0])
    destroyProvider(stillHere)

    // The API forgets it…
    expect(
      (
        await fetch(`${server.url}/api/workspaces/${doomed.id}`, {
          headers: { authorization: `Bearer ${doomed.token}` },
        })
      ).status,
    ).toBe(401)
    expect(
      (await fetch(`${server.url}/api/invites/${doomed.created.invites.participant.token}`)).status,
    ).toBe(404)
    // …while the other workspace is untouched.
    const keptView = await fetch(`${server.url}/api/workspaces/${kept.id}`, {
      headers: { authorization: `Bearer ${kept.token}` },
    })
    expect(keptView.status).toBe(200)
    await server.close()

    // The files hold nothing of it: no id, no name, no text, in any table, in the file, the WAL or the SHM.
    const traces = [
      doomed.id,
      ...doomedDocs,
      rut.member.id,
      'Rut Raderasson',
      'Raderas-Partnerskapet',
      'Utmaning-som-ska-bort',
      'Dokument-Ett',
      marker,
    ]
    const values = everyValue(file)
    for (const trace of traces)
      expect(
        values.filter((value) => value.includes(trace)),
        trace,
      ).toEqual([])
    const raw = bytesOf(file) + bytesOf(`${file}-wal`) + bytesOf(`${file}-shm`)
    for (const trace of traces) expect(raw.includes(trace), `${trace} in the file bytes`).toBe(false)
    expect(values.some((value) => value.includes('Behålls-Partnerskapet'))).toBe(true)

    // And the kept document still loads with all its text.
    const reopened = openSqliteStorage({ file })
    const stored = await reopened.documents.load(keptDoc)
    expect(stored.state !== null || stored.updates.length > 0).toBe(true)
    await reopened.close()
  })
})
