import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import type { VersionSummary } from '../../shared/schema/version'
import { templates } from '../../shared/templates'
import { readDocument, writeDocument } from '../../shared/ydoc/document-ydoc'
import { addListItem } from '../../shared/ydoc/field-actions'
import { connectProvider, destroyProvider, waitSynced } from '../helpers/clients'
import { filledDocument } from '../helpers/filled-document'
import { startTestServer, type TestServer } from '../helpers/test-server'
import { waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

describe('restoring a version', () => {
  let server: TestServer
  const providers: WebsocketProvider[] = []
  beforeEach(async () => {
    server = await startTestServer()
  })
  afterEach(async () => {
    for (const provider of providers.splice(0)) destroyProvider(provider)
    await server.close()
  })

  it('clients connected during the restore converge to exactly version n; the new version has version n’s hash', async () => {
    const template = templates['dwa-1']
    const workspace = await TestWorkspace.create(server.url)
    const aisha = await workspace.join('participant', 'Aisha', 1)
    const document = await workspace.createDocument('Syfte', 'dwa-1')
    const karinClient = connectProvider(server.wsUrl, document.id, workspace.token)
    const aishaClient = connectProvider(server.wsUrl, document.id, aisha.session.token)
    providers.push(karinClient, aishaClient)
    await Promise.all([waitSynced(karinClient), waitSynced(aishaClient)])
    const json = (doc: typeof karinClient.doc) => JSON.stringify(readDocument(doc, template))

    const first = filledDocument(
      template,
      workspace.created.parties.map((party) => party.id),
    )
    writeDocument(karinClient.doc, template, first)
    await waitFor(() => json(aishaClient.doc) === JSON.stringify(first), 'both to have the first content')
    const save = async (label: string) =>
      (await (
        await fetch(`${server.url}/api/documents/${document.id}/versions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${workspace.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ label }),
        })
      ).json()) as VersionSummary
    const one = await save('Före idémötet')

    // Both keep editing: new text, list items, a cleared field.
    karinClient.doc.getXmlFragment('f:challenge').delete(0, 1)
    addListItem(aishaClient.doc, template.sections[2]!.fields[0] as never, 'ny1', 'Ett nytt resultat')
    aishaClient.doc.getText('f:nothing')
    await waitFor(
      () =>
        json(karinClient.doc) === json(aishaClient.doc) && json(karinClient.doc) !== JSON.stringify(first),
      'the edits to converge',
    )
    const two = await save('Efter idémötet')
    expect(two.sha256).not.toBe(one.sha256)

    const restored = await fetch(`${server.url}/api/documents/${document.id}/versions/1/restore`, {
      method: 'POST',
      headers: { authorization: `Bearer ${aisha.session.token}` },
    })
    expect(restored.status).toBe(201)
    const three = (await restored.json()) as VersionSummary
    expect(three).toMatchObject({
      number: 3,
      label: 'Återställd från version 1',
      createdBy: { name: 'Aisha' },
    })
    expect(three.sha256).toBe(one.sha256)

    // Everyone connected sees it happen, and ends with exactly version 1.
    await waitFor(
      () =>
        json(karinClient.doc) === JSON.stringify(first) && json(aishaClient.doc) === JSON.stringify(first),
      'both clients to hold version 1',
    )
    // And the clients keep editing on top of it as usual.
    aishaClient.doc.getText('f:x').insert(0, 'fortsätter')
    await waitFor(
      () => karinClient.doc.getText('f:x').toString() === 'fortsätter',
      'editing after the restore',
    )
  })
})
