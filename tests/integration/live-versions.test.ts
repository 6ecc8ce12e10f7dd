import { describe, expect, it } from 'vitest'
import { waitSynced } from '../helpers/clients'
import { serverWithClients } from '../helpers/serverWithClients'
import { statusWatcher } from '../helpers/statusWatcher'
import { waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

describe('versions and approvals announced live', () => {
  const clients = serverWithClients()

  it('tells every open client within a second when a version is saved, approved or restored, over its own connection', async () => {
    const running = await clients.start()
    const workspace = await TestWorkspace.create(running.url)
    const aisha = await workspace.join('participant', 'Aisha Förening', 1)
    const document = await workspace.createDocument('Överenskommelse', 'agreement')
    const karin = clients.open(document.id, workspace.token)
    const aishaClient = clients.open(document.id, aisha.session.token)
    const heard = [statusWatcher(karin).versionStamps, statusWatcher(aishaClient).versionStamps]
    await Promise.all([waitSynced(karin), waitSynced(aishaClient)])
    const post = (path: string, token: string, body?: unknown) =>
      fetch(`${running.url}/api/documents/${document.id}/versions${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    const everyoneHeard = (count: number, what: string) =>
      waitFor(() => heard.every((stamps) => stamps.length === count), what, 1_000)

    expect((await post('', aisha.session.token, { label: 'Utkast' })).status).toBe(201)
    await everyoneHeard(1, 'both clients to hear of the saved version')
    await workspace.markDecisionMaker(aisha)
    expect((await post('/1/approvals', aisha.session.token, {})).status).toBe(201)
    await everyoneHeard(2, 'both clients to hear of Aisha’s approval')
    expect((await post('/1/approvals', workspace.token, {})).status).toBe(201)
    await everyoneHeard(3, 'both clients to hear of Karin’s approval')
    expect((await post('/1/restore', workspace.token)).status).toBe(201)
    await everyoneHeard(4, 'both clients to hear of the restored version')
    // A refused approval changes nothing, and nobody is told anything.
    expect((await post('/1/approvals', workspace.token, {})).status).toBe(409)
    // Stamps only grow, so a client never takes an old announcement for a new one.
    for (const stamps of heard) expect([...stamps].sort((a, b) => a - b)).toEqual(stamps)

    // Someone who opens the document later hears the latest stamp with the rest of the presence.
    const late = clients.open(document.id, workspace.token)
    const lateHeard = statusWatcher(late).versionStamps
    await waitSynced(late)
    await waitFor(() => lateHeard.at(-1) === heard[0]?.at(-1), 'the late joiner to hear the latest stamp')
  })
})
