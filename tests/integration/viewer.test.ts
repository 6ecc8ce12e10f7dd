import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MessageType, SyncMessageType } from '../../shared/protocol/message-type'
import { connectProvider, destroyProvider, waitSynced } from '../helpers/clients'
import { docFromStored } from '../helpers/docFromStored'
import { startTestServer, type TestServer } from '../helpers/test-server'
import { sleep, waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

const storedText = async (server: TestServer, docId: string): Promise<string> => {
  await server.registry.flush()
  const stored = await server.storage.documents.load(docId)
  const doc = docFromStored(stored)
  const text = doc.getText('t').toString()
  doc.destroy()
  return text
}

describe('a viewer (shared screen) is read-only on the server', () => {
  let server: TestServer
  let workspace: TestWorkspace
  let docId: string
  let viewerToken: string
  const providers: WebsocketProvider[] = []
  const connect = (token: string) => {
    const provider = connectProvider(server.wsUrl, docId, token)
    providers.push(provider)
    return provider
  }

  beforeEach(async () => {
    server = await startTestServer()
    workspace = await TestWorkspace.create(server.url)
    docId = (await workspace.createDocument('Idémöte 1')).id
    viewerToken = (await workspace.join('viewer', 'Storskärmen', 0)).session.token
  })
  afterEach(async () => {
    for (const provider of providers.splice(0)) destroyProvider(provider)
    await server.close()
  })

  it("a viewer's local edits reach no other client and no storage, while it still receives everyone's edits", async () => {
    const editor = connect(workspace.token)
    const screen = connect(viewerToken)
    await Promise.all([waitSynced(editor), waitSynced(screen)])

    screen.doc.getText('t').insert(0, 'SKRIVET PÅ STORSKÄRMEN ')
    screen.awareness.setLocalStateField('user', { name: 'Storskärmen' })
    editor.doc.getText('t').insert(0, 'Från kommunen.')
    await waitFor(
      () => screen.doc.getText('t').toString().includes('Från kommunen.'),
      'viewer to receive the edit',
    )
    // A round trip after the viewer's edit: had the server taken it, the editor would have it by now.
    editor.doc.getText('t').insert(editor.doc.getText('t').length, ' Mer.')
    await waitFor(
      () => screen.doc.getText('t').toString().includes('Mer.'),
      'second edit to reach the viewer',
    )
    await sleep(200)

    expect(editor.doc.getText('t').toString()).toBe('Från kommunen. Mer.')
    expect(await storedText(server, docId)).toBe('Från kommunen. Mer.')
    expect([...editor.awareness.getStates().keys()]).not.toContain(screen.awareness.clientID)

    const late = connect(workspace.token)
    await waitSynced(late)
    await waitFor(
      () => late.doc.getText('t').toString() === 'Från kommunen. Mer.',
      'a late client to get the stored text',
    )
  })

  it('frames are handled in order: an update followed by a query is dropped, not applied', async () => {
    // A raw socket whose frames are ordered, so the answer to the query proves the update was already handled.
    const ws = new WebSocket(`${server.wsUrl}/${docId}?token=${viewerToken}`)
    await new Promise((resolve) => ws.once('open', resolve))
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'olovligt')
    const update = encoding.createEncoder()
    encoding.writeVarUint(update, MessageType.Sync)
    encoding.writeVarUint(update, SyncMessageType.Update)
    encoding.writeVarUint8Array(update, Y.encodeStateAsUpdate(doc))
    ws.send(encoding.toUint8Array(update))
    const answered = new Promise<void>((resolve) =>
      ws.on('message', (data: Buffer) => {
        if (decoding.readVarUint(decoding.createDecoder(new Uint8Array(data))) === MessageType.Awareness)
          resolve()
      }),
    )
    ws.send(Uint8Array.of(MessageType.QueryAwareness))
    await answered
    expect(ws.readyState).toBe(WebSocket.OPEN)
    expect(server.registry.peek(docId)?.doc.getText('t').toString()).toBe('')
    expect(await storedText(server, docId)).toBe('')
    ws.close()
    doc.destroy()
  })
})
