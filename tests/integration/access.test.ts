import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiRoute } from '../../server/http/ApiRoute'
import { can } from '../../shared/access/permissions'
import { CloseCode } from '../../shared/protocol/sync-error'
import type { Role } from '../../shared/schema/role'
import { socketOutcome } from '../helpers/socket-outcome'
import { startTestServer, type TestServer } from '../helpers/test-server'
import { partnership, TestWorkspace } from '../helpers/workspace'

/**
 * Every member route of the API and the sync socket, asked with each kind of bad credential.
 * The routes come from the server's own route table, so a new route is covered the day it is added.
 */
describe('authorisation of every API route and of the sync socket', () => {
  let server: TestServer
  let home: TestWorkspace
  let other: TestWorkspace
  let routes: ApiRoute[]
  let documentId: string
  let revokedToken: string
  let viewerToken: string
  let participantToken: string
  let ids: Record<string, string>

  beforeAll(async () => {
    server = await startTestServer()
    home = await TestWorkspace.create(server.url)
    other = await TestWorkspace.create(server.url, partnership({ name: 'Ett annat partnerskap' }))
    routes = [...server.apiRoutes]
    documentId = (await home.createDocument('Överenskommelse', 'agreement')).id
    const leaver = await home.join('participant', 'Lena Lämnar', 1)
    revokedToken = leaver.session.token
    const removed = await fetch(`${server.url}/api/workspaces/${home.id}/members/${leaver.member.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${home.token}` },
    })
    expect(removed.status).toBe(204)
    viewerToken = (await home.join('viewer', 'Storskärm', 0)).session.token
    const participant = await home.join('participant', 'Pia Deltagare', 1)
    // Her party's decision-maker: approving is then a matter of her role alone, which is what is checked here.
    await home.markDecisionMaker(participant)
    participantToken = participant.session.token
    ids = {
      workspaceId: home.id,
      documentId,
      partyId: home.partyId(1),
      memberId: participant.member.id,
      inviteId: home.created.invites.viewer.id,
      number: '1',
    }
  })
  afterAll(async () => {
    await server.close()
  })

  const memberRoutes = () => routes.filter((route) => route.access !== 'public' && route.access !== 'creator')
  const pathOf = (route: ApiRoute) => route.path.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? 'x')
  const ask = (route: ApiRoute, authorization?: string) =>
    fetch(`${server.url}${pathOf(route)}`, {
      method: route.method.toUpperCase(),
      headers: {
        'content-type': 'application/json',
        ...(authorization === undefined ? {} : { authorization }),
      },
      ...(route.method === 'get' ? {} : { body: '{}' }),
    })

  it('the route table has the routes the issue names, each with a declared access level', () => {
    const names = routes.map((route) => `${route.method.toUpperCase()} ${route.path}`)
    for (const expected of [
      'POST /api/workspaces',
      'GET /api/workspaces/:workspaceId',
      'DELETE /api/workspaces/:workspaceId',
      'POST /api/join',
      'GET /api/workspaces/:workspaceId/parties',
      'POST /api/workspaces/:workspaceId/parties',
      'DELETE /api/workspaces/:workspaceId/parties/:partyId',
      'GET /api/workspaces/:workspaceId/members',
      'POST /api/workspaces/:workspaceId/members',
      'DELETE /api/workspaces/:workspaceId/members/:memberId',
      'GET /api/workspaces/:workspaceId/invites',
      'POST /api/workspaces/:workspaceId/invites',
      'DELETE /api/workspaces/:workspaceId/invites/:inviteId',
      'POST /api/workspaces/:workspaceId/documents',
      'GET /api/workspaces/:workspaceId/audit',
    ]) {
      expect(names).toContain(expected)
    }
    expect(memberRoutes().length).toBeGreaterThan(12)
  })

  const cases: Array<[string, number, () => string | undefined]> = [
    ['no credentials', 401, () => undefined],
    ['a malformed Authorization header', 401, () => 'Token abc'],
    ['a malformed bearer token', 401, () => 'Bearer not-a-token'],
    ['an unknown token', 401, () => `Bearer ${'A'.repeat(43)}`],
    ['the token of a removed member', 401, () => `Bearer ${revokedToken}`],
    ["another workspace's facilitator token", 403, () => `Bearer ${other.token}`],
  ]

  it.each(cases)(
    'every member route refuses %s with %i and the error body',
    async (_name, status, header) => {
      const answers = await Promise.all(
        memberRoutes().map(async (route) => {
          const response = await ask(route, header())
          const body = (await response.json()) as { error?: { code?: string } }
          return { route: `${route.method} ${route.path}`, status: response.status, code: body.error?.code }
        }),
      )
      const expectedCode = status === 401 ? 'unauthorized' : 'forbidden'
      expect(answers.filter((answer) => answer.status !== status || answer.code !== expectedCode)).toEqual([])
    },
  )

  it.each<[Role, () => string]>([
    ['viewer', () => viewerToken],
    ['participant', () => participantToken],
  ])('a %s is refused (403) exactly the routes its role does not allow', async (role, token) => {
    for (const route of memberRoutes()) {
      if (route.access === 'public' || route.access === 'creator') continue
      // Deleting the workspace or members would change the fixture; their refusals are all that is asked.
      if (can(role, route.access) && route.method === 'delete') continue
      const response = await ask(route, `Bearer ${token()}`)
      if (can(role, route.access))
        expect([200, 201, 204, 400, 404, 409], `${route.method} ${route.path}`).toContain(response.status)
      else expect(response.status, `${route.method} ${route.path}`).toBe(403)
    }
  })

  it('a viewer cannot create documents and a participant cannot manage invites or parties', async () => {
    const create = await fetch(`${server.url}/api/workspaces/${home.id}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${viewerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ template: 'dwa-1', title: 'Från storskärmen' }),
    })
    expect(create.status).toBe(403)
    for (const [path, body] of [
      ['invites', { role: 'facilitator' }],
      ['parties', { name: 'Ny förening', kind: 'nonprofit' }],
    ] as const) {
      const response = await fetch(`${server.url}/api/workspaces/${home.id}/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${participantToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      expect(response.status).toBe(403)
    }
  })

  it.each<[string, number, () => string]>([
    ['no token', CloseCode.Unauthorized, () => ''],
    ['a malformed token', CloseCode.Unauthorized, () => '?token=%%%'],
    ['an unknown token', CloseCode.Unauthorized, () => `?token=${'A'.repeat(43)}`],
    ['the token of a removed member', CloseCode.Unauthorized, () => `?token=${revokedToken}`],
    ["another workspace's token", CloseCode.Forbidden, () => `?token=${other.token}`],
  ])('the sync socket is closed for %s with %i', async (_name, code, query) => {
    expect(await socketOutcome(`${server.wsUrl}/${documentId}${query()}`)).toBe(code)
  })

  it('the sync socket is closed with 4404 for an unknown document, and opens for a member', async () => {
    expect(await socketOutcome(`${server.wsUrl}/${'0'.repeat(32)}?token=${home.token}`)).toBe(
      CloseCode.NotFound,
    )
    expect(await socketOutcome(`${server.wsUrl}/${documentId}?token=${participantToken}`)).toBe('open')
    expect(
      await socketOutcome(`${server.wsUrl}/${documentId}`, { authorization: `Bearer ${viewerToken}` }),
    ).toBe('open')
  })

  it('a session cookie opens the socket from the same origin only', async () => {
    const cookie = `sv_${home.id}=${participantToken}`
    const host = new URL(server.url).host
    expect(await socketOutcome(`${server.wsUrl}/${documentId}`, { cookie, origin: `http://${host}` })).toBe(
      'open',
    )
    expect(
      await socketOutcome(`${server.wsUrl}/${documentId}`, { cookie, origin: 'https://evil.example' }),
    ).toBe(CloseCode.Unauthorized)
  })
})
