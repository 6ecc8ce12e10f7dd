import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { AccountState } from '../../shared/api/account-routes'
import type { CreateWorkspaceResponse, JoinResponse, WorkspaceView } from '../../shared/api/workspace-api'
import type { AuditEvent } from '../../shared/schema/audit-event'
import type { VersionView } from '../../shared/schema/version'
import {
  loginAtProvider,
  returnFromProvider,
  signInAs,
  startTestOidcProvider,
  TEST_CLIENT,
  type TestOidcProvider,
} from '../helpers/oidc-provider'
import { startTestServer, type TestServer } from '../helpers/test-server'
import { partnership } from '../helpers/workspace'

const account = (token: string) => ({ cookie: `sv_account=${token}` })

const get = async <T>(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> => {
  const response = await fetch(url, { headers })
  return { status: response.status, body: (await response.json()) as T }
}

const post = async <T>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T; response: Response }> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T, response }
}

/** Whether a socket opened with only these headers gets through (open) or is refused (its close code). */
const socketOutcome = (url: string, headers: Record<string, string>): Promise<'open' | number> =>
  new Promise((resolve) => {
    const socket = new WebSocket(url, { headers })
    socket.once('message', () => {
      resolve('open')
      socket.close()
    })
    socket.once('close', (code) => resolve(code))
    socket.once('error', () => {})
  })

describe('signing in with an organisation account (a real OpenID provider on loopback)', () => {
  let provider: TestOidcProvider
  let server: TestServer
  beforeAll(async () => {
    provider = await startTestOidcProvider()
    server = await startTestServer({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: TEST_CLIENT.id,
      OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
      REQUIRE_SIGN_IN_TO_CREATE: 'true',
    })
    provider.register(server.url)
  })
  afterAll(async () => {
    await server?.close()
    await provider?.close()
  })

  it('signs in through the provider (code flow with PKCE, state and nonce) into an HttpOnly, SameSite=Strict session cookie with the verified name', async () => {
    const login = await loginAtProvider(server.url, 'karin.ek', '/w/somewhere')
    const authorize = new URL(login.callbackUrl)
    expect(authorize.searchParams.get('code')).toBeTruthy()
    expect(authorize.searchParams.get('state')).toBeTruthy()
    const back = await returnFromProvider(login)
    expect(back.status).toBe(302)
    expect(back.headers.get('location')).toBe('/w/somewhere')
    const cookie = back.headers.getSetCookie().find((line) => line.startsWith('sv_account='))!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).toMatch(/Path=\//)
    // Plain http here; on an https PUBLIC_URL the cookie is Secure (see the https test below).
    expect(cookie).not.toMatch(/Secure/)
    // The sign-in attempt's own cookie is spent.
    expect(back.headers.getSetCookie().some((line) => /^sv_login=;/.test(line))).toBe(true)
    const token = /^sv_account=([^;]+)/.exec(cookie)![1]!
    const state = await get<AccountState>(`${server.url}/api/account`, account(token))
    expect(state.body).toEqual({
      signInAvailable: true,
      signInRequiredToCreate: true,
      account: {
        identity: { issuer: provider.issuer, subject: 'karin.ek', name: 'Karin Ek' },
        workspaces: [],
      },
    })
  })

  it('sends the person back only to a path on this site, never to another site', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const back = await returnFromProvider(await loginAtProvider(server.url, 'karin.ek', returnTo))
      expect(back.status).toBe(302)
      expect(back.headers.get('location')).toBe('/')
    }
  })

  it('refuses an anonymous workspace creation with a clear error when sign-in is required, and binds a signed-in creator', async () => {
    const anonymous = await post<{ error: { code: string; message: string } }>(
      `${server.url}/api/workspaces`,
      partnership(),
    )
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.error.message).toMatch(/signed in with an organisation account/)
    const token = await signInAs(server.url, 'karin.ek')
    const created = await post<CreateWorkspaceResponse>(
      `${server.url}/api/workspaces`,
      partnership(),
      account(token),
    )
    expect(created.status).toBe(201)
    const state = await get<AccountState>(`${server.url}/api/account`, account(token))
    expect(state.body.account?.workspaces).toContainEqual({
      id: created.body.workspace.id,
      name: 'Mötesplats Järva',
      memberName: 'Karin Kommun',
      role: 'facilitator',
    })
  })

  it('binds an invite accepted while signed in: on a new device, signing in opens the workspace and its rooms without the link', async () => {
    const karin = await signInAs(server.url, 'karin.ek')
    const { body: created } = await post<CreateWorkspaceResponse>(
      `${server.url}/api/workspaces`,
      partnership(),
      account(karin),
    )
    const omarLaptop = await signInAs(server.url, 'omar.said')
    const joined = await post<JoinResponse>(
      `${server.url}/api/join`,
      { invite: created.invites.participant.token, name: 'Omar', partyId: created.parties[1]!.id },
      account(omarLaptop),
    )
    expect(joined.status).toBe(201)
    // Joining again with the same account is a clear conflict, not a second membership.
    const again = await post<{ error: { message: string } }>(
      `${server.url}/api/join`,
      { invite: created.invites.participant.token, name: 'Omar igen', partyId: created.parties[1]!.id },
      account(omarLaptop),
    )
    expect(again.status).toBe(409)
    expect(again.body.error.message).toMatch(/already a member/)

    // The phone: no invite link, no workspace cookie — only a fresh sign-in.
    const omarPhone = await signInAs(server.url, 'omar.said')
    const view = await get<WorkspaceView>(
      `${server.url}/api/workspaces/${created.workspace.id}`,
      account(omarPhone),
    )
    expect(view.status).toBe(200)
    expect(view.body.me.name).toBe('Omar')
    expect(view.body.me.identity).toEqual({
      issuer: provider.issuer,
      subject: 'omar.said',
      name: 'Omar Said',
    })
    const document = await post<{ id: string }>(
      `${server.url}/api/workspaces/${created.workspace.id}/documents`,
      { template: 'dwa-1', title: 'Arbetsblad' },
      { authorization: `Bearer ${created.session.token}` },
    )
    expect(await socketOutcome(`${server.wsUrl}/${document.body.id}`, account(omarPhone))).toBe('open')
    // From another site the account cookie opens nothing.
    expect(
      await socketOutcome(`${server.wsUrl}/${document.body.id}`, {
        ...account(omarPhone),
        origin: 'https://evil.example',
      }),
    ).not.toBe('open')
    // Someone signed in who is not a member gets nothing.
    const stranger = await signInAs(server.url, 'eva.annan')
    expect(
      (await get(`${server.url}/api/workspaces/${created.workspace.id}`, account(stranger))).status,
    ).toBe(401)
    expect(await socketOutcome(`${server.wsUrl}/${document.body.id}`, account(stranger))).not.toBe('open')
  })

  it('records the verified identity (issuer, subject, name) with an approval and a decision, in the audit log and on exports; an invite session alone records none', async () => {
    const karin = await signInAs(server.url, 'karin.ek')
    const { body: created } = await post<CreateWorkspaceResponse>(
      `${server.url}/api/workspaces`,
      partnership(),
      account(karin),
    )
    const document = await post<{ id: string }>(
      `${server.url}/api/workspaces/${created.workspace.id}/documents`,
      { template: 'dwa-1', title: 'Avtalsutkast' },
      account(karin),
    )
    const versions = `${server.url}/api/documents/${document.body.id}/versions`
    expect((await post(versions, { label: 'Första utkastet' }, account(karin))).status).toBe(201)
    const approved = await post(`${versions}/1/approvals`, {}, account(karin))
    expect(approved.status).toBe(201)
    const decided = await post(
      `${versions}/1/decisions`,
      { partyId: created.parties[0]!.id, body: 'Stadsdelsnämnden', date: '2027-03-14', paragraph: '§ 12' },
      account(karin),
    )
    expect(decided.status).toBe(201)
    const verified = { issuer: provider.issuer, subject: 'karin.ek', name: 'Karin Ek' }
    const list = await get<{ versions: VersionView[] }>(versions, account(karin))
    expect(list.body.versions[0]!.approvals[0]!.identity).toEqual(verified)
    expect(list.body.versions[0]!.decisions[0]!.identity).toEqual(verified)
    const audit = await get<{ events: AuditEvent[] }>(
      `${server.url}/api/workspaces/${created.workspace.id}/audit`,
      account(karin),
    )
    for (const type of ['version-approved', 'decision-recorded'] as const) {
      expect(audit.body.events.find((event) => event.type === type)?.actor?.identity).toEqual(verified)
    }
    const markdown = await (await fetch(`${versions}/1?format=md`, { headers: account(karin) })).text()
    expect(markdown).toContain(`verifierad inloggning: Karin Ek, ${provider.issuer}, karin.ek`)

    // The association's member approves with the invite session only: no verified identity is claimed.
    const anna = await post<JoinResponse>(`${server.url}/api/join`, {
      invite: created.invites.facilitator.token,
      name: 'Anna Förening',
      partyId: created.parties[1]!.id,
    })
    const bearer = { authorization: `Bearer ${anna.body.session.token}` }
    await fetch(
      `${server.url}/api/workspaces/${created.workspace.id}/members/${anna.body.member.id}/decision-maker`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...bearer },
        body: JSON.stringify({ decisionMaker: true }),
      },
    )
    expect((await post(`${versions}/1/approvals`, {}, bearer)).status).toBe(201)
    const after = await get<{ versions: VersionView[] }>(versions, account(karin))
    const annas = after.body.versions[0]!.approvals.find((approval) => approval.name === 'Anna Förening')
    expect(annas).toBeDefined()
    expect(annas!.identity).toBeUndefined()
  })

  it('refuses a callback whose state is not the one the sign-in began with', async () => {
    const login = await loginAtProvider(server.url, 'karin.ek')
    const wrong = new URL(login.callbackUrl)
    wrong.searchParams.set('state', 'a-state-this-browser-never-sent-0123456789')
    const back = await returnFromProvider({ ...login, callbackUrl: wrong.href })
    expect(back.status).toBe(400)
    expect(await back.text()).toMatch(/Inloggningen misslyckades/)
    expect(back.headers.getSetCookie().some((line) => line.startsWith('sv_account='))).toBe(false)
  })

  it('refuses a replayed code: the provider answers invalid_grant and no session is opened', async () => {
    const login = await loginAtProvider(server.url, 'karin.ek')
    expect((await returnFromProvider(login)).status).toBe(302)
    const errorsBefore = provider.tokenErrors()
    const replay = await returnFromProvider(login)
    expect(replay.status).toBe(400)
    expect(provider.tokenErrors()).toBe(errorsBefore + 1)
    expect(replay.headers.getSetCookie().some((line) => line.startsWith('sv_account='))).toBe(false)
  })

  it('refuses an ID token altered on its way from the provider (its signature no longer holds)', async () => {
    provider.tamperIdTokens(true)
    try {
      const back = await returnFromProvider(await loginAtProvider(server.url, 'karin.ek'))
      expect(back.status).toBe(400)
      expect(back.headers.getSetCookie().some((line) => line.startsWith('sv_account='))).toBe(false)
    } finally {
      provider.tamperIdTokens(false)
    }
  })

  it('says plainly when the person cancelled at the provider, and opens no session', async () => {
    const login = await loginAtProvider(server.url, 'karin.ek')
    const state = new URL(login.callbackUrl).searchParams.get('state')!
    const cancelled = `${server.url}/auth/callback?error=access_denied&error_description=End-User+aborted&state=${state}`
    const back = await returnFromProvider({ ...login, callbackUrl: cancelled })
    expect(back.status).toBe(400)
    expect(await back.text()).toMatch(/avbröts eller nekades/)
    expect(back.headers.getSetCookie().some((line) => line.startsWith('sv_account='))).toBe(false)
  })

  it('refuses a callback without the sign-in cookie (begun in another browser, or forged)', async () => {
    const login = await loginAtProvider(server.url, 'karin.ek')
    const back = await fetch(login.callbackUrl, { redirect: 'manual' })
    expect(back.status).toBe(400)
    expect(await back.text()).toMatch(/annan webbläsare/)
  })

  it('ends access when the membership is removed, on every device of the account', async () => {
    const karin = await signInAs(server.url, 'karin.ek')
    const { body: created } = await post<CreateWorkspaceResponse>(
      `${server.url}/api/workspaces`,
      partnership(),
      account(karin),
    )
    const omar = await signInAs(server.url, 'omar.said')
    const joined = await post<JoinResponse>(
      `${server.url}/api/join`,
      { invite: created.invites.participant.token, name: 'Omar', partyId: created.parties[1]!.id },
      account(omar),
    )
    const workspaceUrl = `${server.url}/api/workspaces/${created.workspace.id}`
    expect((await get(workspaceUrl, account(omar))).status).toBe(200)
    const removed = await fetch(`${workspaceUrl}/members/${joined.body.member.id}`, {
      method: 'DELETE',
      headers: account(karin),
    })
    expect(removed.status).toBe(204)
    expect((await get(workspaceUrl, account(omar))).status).toBe(401)
    const state = await get<AccountState>(`${server.url}/api/account`, account(omar))
    expect(state.body.account?.workspaces.some((workspace) => workspace.id === created.workspace.id)).toBe(
      false,
    )
  })

  it("signs out: the session ends here and the answer is the provider's sign-out address (RP-initiated logout)", async () => {
    const token = await signInAs(server.url, 'karin.ek')
    const out = await post<{ providerLogoutUrl: string | null }>(
      `${server.url}/api/account/sign-out`,
      {},
      account(token),
    )
    expect(out.status).toBe(200)
    expect(out.response.headers.getSetCookie().some((line) => /^sv_account=;/.test(line))).toBe(true)
    const logout = new URL(out.body.providerLogoutUrl!)
    expect(logout.origin).toBe(provider.issuer)
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(`${server.url}/`)
    expect(logout.searchParams.get('id_token_hint')).toBeTruthy()
    const state = await get<AccountState>(`${server.url}/api/account`, account(token))
    expect(state.body.account).toBeNull()
  })
})

describe('sign-in settings', () => {
  it('sets the account cookie Secure when the public address is https', async () => {
    const provider = await startTestOidcProvider()
    const server = await startTestServer({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: TEST_CLIENT.id,
      OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
      PUBLIC_URL: 'https://samverkstad.example.se',
    })
    try {
      provider.register('https://samverkstad.example.se')
      const start = await fetch(`${server.url}/auth/login`, { redirect: 'manual' })
      expect(start.status).toBe(302)
      const authorize = new URL(start.headers.get('location')!)
      expect(authorize.searchParams.get('redirect_uri')).toBe('https://samverkstad.example.se/auth/callback')
      expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
      expect(authorize.searchParams.get('nonce')).toBeTruthy()
      const loginCookie = start.headers.getSetCookie().find((line) => line.startsWith('sv_login='))!
      expect(loginCookie).toMatch(/HttpOnly/)
      expect(loginCookie).toMatch(/Secure/)
      expect(loginCookie).toMatch(/SameSite=Lax/)
      expect(loginCookie).toMatch(/Path=\/auth\/callback/)
    } finally {
      await server.close()
      await provider.close()
    }
  })

  it('offers no sign-in and answers /auth/login with a clear 404 when it is not configured', async () => {
    const server = await startTestServer()
    try {
      const state = await get<AccountState>(`${server.url}/api/account`)
      expect(state.body).toEqual({ signInAvailable: false, signInRequiredToCreate: false, account: null })
      const login = await fetch(`${server.url}/auth/login`, { redirect: 'manual' })
      expect(login.status).toBe(404)
      expect(((await login.json()) as { error: { message: string } }).error.message).toMatch(/not configured/)
    } finally {
      await server.close()
    }
  })

  it('shows a page that says the provider does not answer when it is down, and keeps trying on the next sign-in', async () => {
    const provider = await startTestOidcProvider()
    const issuer = provider.issuer
    await provider.close()
    const server = await startTestServer({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: TEST_CLIENT.id,
      OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
    })
    try {
      const login = await fetch(`${server.url}/auth/login`, { redirect: 'manual' })
      expect(login.status).toBe(502)
      expect(await login.text()).toMatch(/Identitetstjänsten svarar inte/)
    } finally {
      await server.close()
    }
  })
})
