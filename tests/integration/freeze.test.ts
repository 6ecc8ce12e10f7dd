import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { AuditEvent } from '../../shared/schema/audit-event'
import type { DocumentRecord } from '../../shared/schema/document-record'
import { waitSynced } from '../helpers/clients'
import { serverWithClients } from '../helpers/serverWithClients'
import { statusWatcher } from '../helpers/statusWatcher'
import { sleep, waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

const FIELD = 'f:invoice-address'

describe('freezing a document for signing', () => {
  const clients = serverWithClients()

  it('drops every client edit while frozen, stores none of it, tells every client, and lets edits through again once unfrozen', async () => {
    const running = await clients.start()
    const workspace = await TestWorkspace.create(running.url)
    const aisha = await workspace.join('participant', 'Aisha Förening', 1)
    const document = await workspace.createDocument('Överenskommelse', 'agreement')
    const freeze = (method: 'PUT' | 'DELETE', token: string) =>
      fetch(`${running.url}/api/documents/${document.id}/freeze`, {
        method,
        headers: { authorization: `Bearer ${token}` },
      })
    const open = (token: string) => {
      const provider = clients.open(document.id, token)
      return { provider, text: provider.doc.getText(FIELD), status: statusWatcher(provider) }
    }
    const serverText = () => running.registry.peek(document.id)?.doc.getText(FIELD).toString()

    const karin = open(workspace.token)
    const aishaClient = open(aisha.session.token)
    await Promise.all([waitSynced(karin.provider), waitSynced(aishaClient.provider)])
    karin.text.insert(0, 'Storgatan 1')
    await waitFor(() => aishaClient.text.toString() === 'Storgatan 1', 'the first edit to reach Aisha')

    // Only a facilitator may freeze.
    expect((await freeze('PUT', aisha.session.token)).status).toBe(403)
    const frozenResponse = await freeze('PUT', workspace.token)
    expect(frozenResponse.status).toBe(200)
    const frozen = (await frozenResponse.json()) as DocumentRecord
    expect(frozen.frozen?.by).toBe('Karin Kommun')
    await waitFor(
      () => karin.status.last()?.by === 'Karin Kommun' && aishaClient.status.last()?.by === 'Karin Kommun',
      'both clients to hear of the freeze',
    )
    // Freezing what is frozen changes nothing and writes no second audit entry.
    expect((await freeze('PUT', workspace.token)).status).toBe(200)

    // A client that ignores the banner and writes to its Y.Doc anyway: nothing reaches the server or others.
    aishaClient.text.insert(aishaClient.text.length, ', 1 tr')
    karin.text.insert(0, 'Adress: ')
    await sleep(300)
    await running.registry.flush()
    expect(serverText()).toBe('Storgatan 1')
    expect(aishaClient.text.toString()).toBe('Storgatan 1, 1 tr')
    expect(karin.text.toString()).toBe('Adress: Storgatan 1')
    const stored = new Y.Doc()
    const { state, updates } = await running.storage.documents.load(document.id)
    if (state !== null) Y.applyUpdate(stored, state)
    for (const update of updates) Y.applyUpdate(stored, update)
    expect(stored.getText(FIELD).toString()).toBe('Storgatan 1')

    // Someone who opens it now is told at once; the document record says so too.
    const late = open(aisha.session.token)
    await waitSynced(late.provider)
    await waitFor(() => late.status.last() != null, 'the late joiner to hear of the freeze')
    const record = (await (
      await fetch(`${running.url}/api/documents/${document.id}`, {
        headers: { authorization: `Bearer ${aisha.session.token}` },
      })
    ).json()) as DocumentRecord
    expect(record.frozen).toEqual(frozen.frozen)

    // A restore would change it too: refused while frozen.
    const saved = await fetch(`${running.url}/api/documents/${document.id}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${workspace.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Att underteckna' }),
    })
    expect(saved.status).toBe(201)
    const restore = await fetch(`${running.url}/api/documents/${document.id}/versions/1/restore`, {
      method: 'POST',
      headers: { authorization: `Bearer ${workspace.token}` },
    })
    expect(restore.status).toBe(409)

    // Unfrozen: everyone is told, the server catches up with what the clients kept, and edits flow again.
    expect((await freeze('DELETE', aisha.session.token)).status).toBe(403)
    expect((await freeze('DELETE', workspace.token)).status).toBe(200)
    await waitFor(
      () => karin.status.last() === null && aishaClient.status.last() === null,
      'both clients to hear of the unfreeze',
    )
    aishaClient.text.insert(aishaClient.text.length, ' (efter)')
    // Both edits the server dropped while frozen arrive now, with the new one.
    const expected = 'Adress: Storgatan 1, 1 tr (efter)'
    await waitFor(
      () =>
        [karin, aishaClient, late].every((client) => client.text.toString() === expected) &&
        serverText() === expected,
      'every client and the server to converge after unfreezing',
    )

    const audit = (await (
      await fetch(`${running.url}/api/workspaces/${workspace.id}/audit`, {
        headers: { authorization: `Bearer ${workspace.token}` },
      })
    ).json()) as { events: AuditEvent[] }
    const freezes = audit.events.filter((event) => event.type.startsWith('document-'))
    expect(freezes.map((event) => [event.type, event.actor?.name])).toEqual([
      ['document-unfrozen', 'Karin Kommun'],
      ['document-frozen', 'Karin Kommun'],
      ['document-created', 'Karin Kommun'],
    ])
  })

  it('reaches an unmodified y-websocket provider as ordinary presence: it logs nothing, and a late joiner hears the freeze too', async () => {
    const running = await clients.start()
    const workspace = await TestWorkspace.create(running.url)
    const document = await workspace.createDocument('Överenskommelse', 'agreement')
    const freeze = (method: 'PUT' | 'DELETE') =>
      fetch(`${running.url}/api/documents/${document.id}/freeze`, {
        method,
        headers: { authorization: `Bearer ${workspace.token}` },
      })
    const logged: unknown[][] = []
    const spies = (['error', 'warn', 'log'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args)),
    )
    try {
      const early = clients.open(document.id, workspace.token)
      const earlyStatus = statusWatcher(early)
      await waitSynced(early)
      expect((await freeze('PUT')).status).toBe(200)
      await waitFor(() => earlyStatus.last()?.by !== undefined, 'the connected client to hear of the freeze')
      const late = clients.open(document.id, workspace.token)
      const lateStatus = statusWatcher(late)
      await waitSynced(late)
      expect(lateStatus.last()?.by).toBe(earlyStatus.last()?.by)
      expect((await freeze('DELETE')).status).toBe(200)
      await waitFor(
        () => earlyStatus.last() === null && lateStatus.last() === null,
        'both clients to hear of the unfreezing',
      )
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
    expect(logged).toEqual([])
  })
})
