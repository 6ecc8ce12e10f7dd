import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/test-server'
import { TestWorkspace } from '../helpers/workspace'

/** The session cookie a join sets, as a browser would send it back. */
const cookieOf = (response: Response): string => (response.headers.get('set-cookie') ?? '').split(';')[0]!

describe('cross-site requests', () => {
  let server: TestServer
  let workspace: TestWorkspace
  let facilitatorCookie: string
  beforeAll(async () => {
    server = await startTestServer()
    workspace = await TestWorkspace.create(server.url)
    const joined = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        invite: workspace.created.invites.facilitator.token,
        name: 'Fia',
        partyId: workspace.partyId(0),
      }),
    })
    expect(joined.status).toBe(201)
    facilitatorCookie = cookieOf(joined)
  })
  afterAll(() => server.close())

  const createInvite = (headers: Record<string, string>, body = JSON.stringify({ role: 'facilitator' })) =>
    fetch(`${server.url}/api/workspaces/${workspace.id}/invites`, { method: 'POST', headers, body })

  it('refuses a cookie-authenticated write from another site with 403, even as text/plain', async () => {
    const response = await createInvite({
      cookie: facilitatorCookie,
      origin: 'https://evil.example',
      'content-type': 'text/plain',
    })
    expect(response.status).toBe(403)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden')
    const fetchSite = await createInvite({
      cookie: facilitatorCookie,
      'sec-fetch-site': 'cross-site',
      'content-type': 'application/json',
    })
    expect(fetchSite.status).toBe(403)
    const freeze = await fetch(
      `${server.url}/api/documents/${(await workspace.createDocument()).id}/freeze`,
      {
        method: 'DELETE',
        headers: { cookie: facilitatorCookie, origin: 'https://evil.example' },
      },
    )
    expect(freeze.status).toBe(403)
  })

  it('accepts the same write from the app’s own origin, and any write with a bearer token', async () => {
    const own = await createInvite({
      cookie: facilitatorCookie,
      origin: server.url,
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/json',
    })
    expect(own.status).toBe(201)
    const bearer = await createInvite({
      authorization: `Bearer ${workspace.token}`,
      origin: 'https://evil.example',
      'content-type': 'application/json',
    })
    expect(bearer.status).toBe(201)
  })

  it('marks the session cookie Secure whenever PUBLIC_URL is https, even on a plain-http request behind a proxy', async () => {
    const behindProxy = await startTestServer({ PUBLIC_URL: 'https://samverkstad.example.se' })
    try {
      const other = await TestWorkspace.create(behindProxy.url)
      const joined = await fetch(`${behindProxy.url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          invite: other.created.invites.participant.token,
          name: 'Per',
          partyId: other.partyId(1),
        }),
      })
      expect(joined.status).toBe(201)
      expect(joined.headers.get('set-cookie')).toContain('Secure')
    } finally {
      await behindProxy.close()
    }
  })
})
