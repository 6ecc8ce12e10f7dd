import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { CloseCode } from '../../shared/protocol/sync-error'
import { startTestServer, type TestServer } from '../helpers/test-server'
import { TestWorkspace } from '../helpers/workspace'

/** Opens a member's socket to a document and resolves once it is in the room (the server's first frame). */
const openSocket = async (server: TestServer, docId: string, token: string): Promise<WebSocket> => {
  const ws = new WebSocket(`${server.wsUrl}/${docId}?token=${token}`)
  await new Promise((resolve, reject) => {
    ws.once('message', resolve)
    ws.once('close', (code) => reject(new Error(`closed with ${code}`)))
  })
  return ws
}

const closedWithin = (ws: WebSocket): Promise<{ code: number; ms: number }> => {
  const started = performance.now()
  return new Promise((resolve) =>
    ws.once('close', (code) => resolve({ code, ms: performance.now() - started })),
  )
}

describe('withdrawing access closes open sockets at once', () => {
  let server: TestServer
  let workspace: TestWorkspace
  let docs: string[]
  beforeEach(async () => {
    server = await startTestServer()
    workspace = await TestWorkspace.create(server.url)
    docs = [
      (await workspace.createDocument('Blad 1')).id,
      (await workspace.createDocument('Blad 2', 'dwa-2')).id,
    ]
  })
  afterEach(async () => {
    await server.close()
  })

  it('revoking an invite closes the sockets of everyone who joined through it within 1 s, with 4401', async () => {
    const joined = await workspace.join('participant', 'Olle', 1)
    const other = await workspace.join('viewer', 'Skärm', 0)
    const sockets = await Promise.all(docs.map((id) => openSocket(server, id, joined.session.token)))
    const bystander = await openSocket(server, docs[0]!, other.session.token)
    const closes = sockets.map(closedWithin)
    const response = await fetch(
      `${server.url}/api/workspaces/${workspace.id}/invites/${workspace.created.invites.participant.id}`,
      { method: 'DELETE', headers: { authorization: `Bearer ${workspace.token}` } },
    )
    expect(response.status).toBe(200)
    for (const { code, ms } of await Promise.all(closes)) {
      expect(code).toBe(CloseCode.Unauthorized)
      expect(ms).toBeLessThan(1_000)
    }
    expect(bystander.readyState).toBe(WebSocket.OPEN)
    bystander.close()
    // And the session cannot open a new one.
    const again = new WebSocket(`${server.wsUrl}/${docs[0]}?token=${joined.session.token}`)
    expect(await new Promise((resolve) => again.once('close', resolve))).toBe(CloseCode.Unauthorized)
  })

  it('removing a member closes their sockets within 1 s, with 4401', async () => {
    const joined = await workspace.join('participant', 'Stina', 1)
    const sockets = await Promise.all(docs.map((id) => openSocket(server, id, joined.session.token)))
    expect(server.memberSockets.count(joined.member.id)).toBe(2)
    const closes = sockets.map(closedWithin)
    const response = await fetch(`${server.url}/api/workspaces/${workspace.id}/members/${joined.member.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${workspace.token}` },
    })
    expect(response.status).toBe(204)
    for (const { code, ms } of await Promise.all(closes)) {
      expect(code).toBe(CloseCode.Unauthorized)
      expect(ms).toBeLessThan(1_000)
    }
    expect(server.memberSockets.count(joined.member.id)).toBe(0)
  })

  it('deleting a document closes its sockets with 4404 and it cannot be opened again', async () => {
    const socket = await openSocket(server, docs[0]!, workspace.token)
    const closed = closedWithin(socket)
    const response = await fetch(`${server.url}/api/workspaces/${workspace.id}/documents/${docs[0]}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${workspace.token}` },
    })
    expect(response.status).toBe(204)
    expect((await closed).code).toBe(CloseCode.NotFound)
    const again = new WebSocket(`${server.wsUrl}/${docs[0]}?token=${workspace.token}`)
    expect(await new Promise((resolve) => again.once('close', resolve))).toBe(CloseCode.NotFound)
  })
})
