import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { connectProvider, destroyProvider, waitSynced } from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/test-server'
import { waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

describe('awareness (presence and cursors)', () => {
  let server: TestServer
  let workspace: TestWorkspace
  const providers: WebsocketProvider[] = []
  /** Connects a member (the facilitator unless another session is given) to the document called `name`. */
  const connect = async (name: string, token = workspace.token) => {
    const provider = connectProvider(server.wsUrl, await workspace.document(name), token)
    providers.push(provider)
    return provider
  }

  beforeEach(async () => {
    server = await startTestServer()
    workspace = await TestWorkspace.create(server.url)
  })
  afterEach(async () => {
    for (const provider of providers.splice(0)) destroyProvider(provider)
    await server.close()
  })

  it("client B sees client A's state, and sees A removed within a second of A's socket closing", async () => {
    const a = await connect('presence')
    const b = await connect('presence')
    await Promise.all([waitSynced(a), waitSynced(b)])
    a.awareness.setLocalStateField('user', { name: 'Aisha', party: 'Förening' })
    const aId = a.awareness.clientID
    await waitFor(
      () =>
        (b.awareness.getStates().get(aId) as { user?: { name: string } } | undefined)?.user?.name === 'Aisha',
      "B to see A's presence",
    )

    // Close A's socket without a goodbye message: the server must announce the removal itself.
    const closedAt = Date.now()
    a.shouldConnect = false
    a.ws?.close()
    await waitFor(() => !b.awareness.getStates().has(aId), "B to see A's presence removed", 1_000)
    expect(Date.now() - closedAt).toBeLessThan(1_000)
  })

  it('a client joining later receives the presence of everyone already in the room', async () => {
    const a = await connect('presence-late')
    await waitSynced(a)
    a.awareness.setLocalStateField('user', { name: 'Per', party: 'Kommun' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    const late = await connect('presence-late')
    await waitFor(() => late.awareness.getStates().has(a.awareness.clientID), 'late joiner to see presence')
  })

  it('the server itself announces no presence', async () => {
    const a = await connect('presence-server')
    await waitSynced(a)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect([...a.awareness.getStates().keys()]).toEqual([a.awareness.clientID])
  })

  it('relays no presence a participant forges: not under the facilitator’s client id, not in the facilitator’s name', async () => {
    const karin = await connect('forged presence')
    const pia = await workspace.join('participant', 'Pia', 1)
    const attacker = await connect('forged presence', pia.session.token)
    const observer = await connect('forged presence')
    await Promise.all([karin, attacker, observer].map((provider) => waitSynced(provider)))
    const facilitatorId = workspace.created.member.id
    karin.awareness.setLocalStateField('user', { name: 'Karin', memberId: facilitatorId })
    await waitFor(
      () =>
        (observer.awareness.getStates().get(karin.awareness.clientID) as { user?: { name?: string } })?.user
          ?.name === 'Karin',
      'Karin’s presence at the observer',
    )
    // Under Karin's client id, with a higher clock: as a hand-made awareness message.
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    const update = encoding.createEncoder()
    encoding.writeVarUint(update, 1)
    encoding.writeVarUint(update, karin.awareness.clientID)
    encoding.writeVarUint(update, 1_000)
    encoding.writeVarString(update, JSON.stringify({ user: { name: 'IMPOSTOR', memberId: facilitatorId } }))
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update))
    attacker.ws?.send(encoding.toUint8Array(encoder))
    // In the facilitator's name, under its own client id (a fake café attendance).
    attacker.awareness.setLocalStateField('user', { name: 'Karin', memberId: facilitatorId })
    // Give the server time to handle (and drop) both.
    await new Promise((resolve) => setTimeout(resolve, 200))
    const states = observer.awareness.getStates()
    expect((states.get(karin.awareness.clientID) as { user: { name: string } }).user.name).toBe('Karin')
    expect((states.get(attacker.awareness.clientID) as { user?: unknown } | undefined)?.user).toBeUndefined()
    expect(server.registry.counters.foreignPresence).toBeGreaterThanOrEqual(2)
  })
})
