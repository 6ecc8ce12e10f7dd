import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ClientAuthors } from '../../shared/attribution/client-authors'
import type { DocumentAttribution } from '../../shared/attribution/party-shares'
import { waitSynced } from '../helpers/clients'
import { serverWithClients } from '../helpers/serverWithClients'
import { waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

describe('attribution by party', () => {
  const clients = serverWithClients()

  it('counts 300 and 100 characters written through real sockets as 75/25, and a client writing under another member’s client id is refused without changing it', async () => {
    const running = await clients.start()
    const workspace = await TestWorkspace.create(running.url)
    const aisha = await workspace.join('participant', 'Aisha Förening', 1)
    const document = await workspace.createDocument('Vårt syfte', 'dwa-1')
    const open = (token: string, doc = new Y.Doc()) => {
      return clients.open(document.id, token, doc)
    }
    const attribution = async () =>
      (await (
        await fetch(`${running.url}/api/documents/${document.id}/attribution`, {
          headers: { authorization: `Bearer ${aisha.session.token}` },
        })
      ).json()) as DocumentAttribution
    const [kommun, forening] = workspace.created.parties.map((party) => party.id)

    const karin = open(workspace.token)
    const aishaClient = open(aisha.session.token)
    await Promise.all([waitSynced(karin), waitSynced(aishaClient)])
    // One plain Y.Text field's worth: write in chunks, as typing would.
    for (let i = 0; i < 30; i++) karin.doc.getText('f:why-together').insert(0, 'Kommunen. ')
    for (let i = 0; i < 10; i++) aishaClient.doc.getText('f:why-together').insert(0, 'Förening. ')
    await waitFor(
      () => running.registry.peek(document.id)?.doc.getText('f:why-together').length === 400,
      'both parties’ text on the server',
    )
    await running.registry.flush()
    const before = await attribution()
    const field = before.fields.find((entry) => entry.fieldId === 'why-together')
    expect(field?.parties).toEqual([
      { partyId: kommun, characters: 300, share: 0.75 },
      { partyId: forening, characters: 100, share: 0.25 },
    ])
    expect(before.parties.map((party) => party.share)).toEqual([0.75, 0.25])
    // The colour-by-party view reads the same record: each client id with its writer's party.
    const { authors } = (await (
      await fetch(`${running.url}/api/documents/${document.id}/authors`, {
        headers: { authorization: `Bearer ${aisha.session.token}` },
      })
    ).json()) as ClientAuthors
    expect(authors).toEqual(
      expect.arrayContaining([
        { client: karin.doc.clientID, partyId: kommun },
        { client: aishaClient.doc.clientID, partyId: forening },
      ]),
    )

    // Aisha's second device forges Karin's client id and adds text under it: refused, nothing changes.
    const forger = open(aisha.session.token)
    const closes: number[] = []
    forger.on('connection-close', (event) => {
      if (event !== null) closes.push(event.code)
    })
    await waitSynced(forger)
    // (A Y.Doc changes its own client id when it meets it in others' updates, so it is set after syncing.)
    const ownId = forger.doc.clientID
    forger.doc.clientID = karin.doc.clientID
    forger.doc.getText('f:why-together').insert(0, 'Det här skrev Karin inte. ')
    forger.doc.clientID = ownId
    await waitFor(() => closes.includes(4409), 'the forger’s socket to be closed with 4409')
    forger.shouldConnect = false
    await running.registry.flush()
    expect(running.registry.peek(document.id)?.doc.getText('f:why-together').toString()).not.toContain(
      'Karin inte',
    )
    expect(karin.doc.getText('f:why-together').toString()).not.toContain('Karin inte')
    expect((await attribution()).fields.find((entry) => entry.fieldId === 'why-together')).toEqual(field)

    // The owners survive a restart: attribution is read from storage, not from memory.
    await running.registry.shutdown()
    const reloaded = await running.documents.clientOwners(document)
    expect(reloaded.get(karin.doc.clientID)?.partyId).toBe(kommun)
    expect(reloaded.get(aishaClient.doc.clientID)?.partyId).toBe(forening)
  })

  it('refuses (4409) a client writing under a client id the server wrote with — initial text or a restore — and counts that text for no party', async () => {
    const running = await clients.start()
    const workspace = await TestWorkspace.create(running.url)
    const aisha = await workspace.join('participant', 'Aisha Förening', 1)
    const document = await workspace.createDocument('Överenskommelse', 'agreement')
    const save = await fetch(`${running.url}/api/documents/${document.id}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${workspace.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Tom' }),
    })
    expect(save.status).toBe(201)
    const karin = clients.open(document.id, workspace.token)
    await waitSynced(karin)
    karin.doc.getText('f:invoice-address').insert(0, 'Kommunens text som återställs bort. ')
    await waitFor(
      () => (running.registry.peek(document.id)?.doc.getText('f:invoice-address').length ?? 0) > 0,
      'the text on the server',
    )
    // A restore is written by the server, under the room's own client id.
    const restore = await fetch(`${running.url}/api/documents/${document.id}/versions/1/restore`, {
      method: 'POST',
      headers: { authorization: `Bearer ${workspace.token}` },
    })
    expect(restore.status).toBe(201)
    const room = running.registry.peek(document.id)!
    const serverIds = [...Y.decodeStateVector(Y.encodeStateVector(room.doc)).keys()].filter(
      (client) => client !== karin.doc.clientID,
    )
    expect(serverIds.length).toBeGreaterThanOrEqual(2)
    expect(serverIds).toContain(room.doc.clientID)

    for (const serverId of serverIds) {
      // An attacker's doc that takes the server's client id and writes under it.
      const forged = new Y.Doc()
      Y.applyUpdate(forged, Y.encodeStateAsUpdate(room.doc))
      // Yjs itself would pick another id on seeing its own in a remote update: set it afterwards.
      forged.clientID = serverId
      const provider = clients.open(document.id, aisha.session.token, forged)
      const closed = new Promise<number>((resolve) =>
        provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
      )
      await waitSynced(provider)
      forged.getText('f:invoice-address').insert(0, 'Mitt! ')
      expect(await closed).toBe(4409)
      provider.shouldConnect = false
      expect(room.doc.getText('f:invoice-address').toString()).not.toContain('Mitt!')
    }
    const authors = (await (
      await fetch(`${running.url}/api/documents/${document.id}/authors`, {
        headers: { authorization: `Bearer ${workspace.token}` },
      })
    ).json()) as ClientAuthors
    // Text the server wrote is nobody's: no party is named for its client ids.
    for (const serverId of serverIds)
      expect(authors.authors.find((entry) => entry.client === serverId)).toBeUndefined()
    expect(ClientAuthors.safeParse(authors).success).toBe(true)
  })
})
