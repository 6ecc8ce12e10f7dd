import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InvitePreview, WorkspaceView } from '../../shared/api/workspace-api'
import type { AuditEvent } from '../../shared/schema/audit-event'
import type { InviteLink } from '../../shared/schema/invite'
import { startTestServer, type TestServer } from '../helpers/test-server'
import { partnership, TestWorkspace } from '../helpers/workspace'

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const jsonBody = (body: unknown, token?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? bearer(token) : {}) },
  body: JSON.stringify(body),
})

describe('workspaces, parties, members and invites over the HTTP API', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  const view = async (workspace: TestWorkspace, token = workspace.token): Promise<WorkspaceView> => {
    const response = await fetch(`${server.url}/api/workspaces/${workspace.id}`, { headers: bearer(token) })
    expect(response.status).toBe(200)
    return (await response.json()) as WorkspaceView
  }
  const audit = async (workspace: TestWorkspace): Promise<AuditEvent[]> => {
    const response = await fetch(`${server.url}/api/workspaces/${workspace.id}/audit`, {
      headers: bearer(workspace.token),
    })
    return ((await response.json()) as { events: AuditEvent[] }).events
  }

  it('a workspace is created, two parties added, invites used by three people, and GET shows them with the right roles', async () => {
    const workspace = await TestWorkspace.create(server.url)
    const { created } = workspace
    expect(created.member.role).toBe('facilitator')
    expect(created.session.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    for (const role of ['facilitator', 'participant', 'viewer'] as const) {
      expect(created.invites[role].role).toBe(role)
      expect(created.invites[role].url).toBe(`${server.url}/join#${created.invites[role].token}`)
    }

    const addedIds: string[] = []
    for (const party of [
      { name: 'Region Stockholm', kind: 'public', orgNumber: '2321000016' },
      { name: 'Studieförbundet Vuxenskolan', kind: 'nonprofit' },
    ]) {
      const added = await fetch(
        `${server.url}/api/workspaces/${workspace.id}/parties`,
        jsonBody(party, workspace.token),
      )
      expect(added.status).toBe(201)
      addedIds.push(((await added.json()) as { id: string }).id)
    }

    const preview = (await (
      await fetch(`${server.url}/api/invites/${created.invites.participant.token}`)
    ).json()) as InvitePreview
    expect(preview.workspace.name).toBe('Mötesplats Järva')
    expect(preview.role).toBe('participant')
    expect(preview.parties.map((party) => party.name)).toEqual([
      'Spånga-Tensta stadsdelsförvaltning',
      'Föreningen Gemenskap',
      'Region Stockholm',
      'Studieförbundet Vuxenskolan',
    ])

    const aisha = await workspace.join('facilitator', 'Aisha Förening', 1)
    const per = await workspace.join('participant', 'Per Region', addedIds[0]!)
    const screen = await workspace.join('viewer', 'Storskärmen', 0)
    expect(aisha.workspaceId).toBe(workspace.id)

    const seen = await view(workspace, per.session.token)
    expect(seen.me.id).toBe(per.member.id)
    expect(seen.parties).toHaveLength(4)
    expect(seen.parties[2]).toMatchObject({
      name: 'Region Stockholm',
      kind: 'public',
      orgNumber: '232100-0016',
    })
    expect(seen.members.map(({ name, role, partyId }) => ({ name, role, partyId }))).toEqual([
      { name: 'Karin Kommun', role: 'facilitator', partyId: workspace.partyId(0) },
      { name: 'Aisha Förening', role: 'facilitator', partyId: workspace.partyId(1) },
      { name: 'Per Region', role: 'participant', partyId: seen.parties[2]!.id },
      { name: 'Storskärmen', role: 'viewer', partyId: workspace.partyId(0) },
    ])
    expect(screen.member.role).toBe('viewer')

    const document = await workspace.createDocument('Samarbetets syfte', 'dwa-1', aisha.session.token)
    expect((await view(workspace)).documents.map((d) => d.id)).toEqual([document.id])

    const types = (await audit(workspace)).map((event) => event.type).reverse()
    expect(types).toEqual([
      'workspace-created',
      'invite-created',
      'invite-created',
      'invite-created',
      'party-added',
      'party-added',
      'member-joined',
      'member-joined',
      'member-joined',
      'document-created',
    ])
    const joined = (await audit(workspace)).find((event) => event.subject?.id === per.member.id)
    expect(joined?.actor).toMatchObject({
      name: 'Per Region',
      partyName: 'Region Stockholm',
      role: 'participant',
    })
  })

  it('join and create set an HttpOnly, SameSite=Strict session cookie per workspace that the API accepts', async () => {
    const workspace = await TestWorkspace.create(server.url)
    const response = await fetch(
      `${server.url}/api/join`,
      jsonBody({
        invite: workspace.created.invites.participant.token,
        name: 'Kalle',
        partyId: workspace.partyId(1),
      }),
    )
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(new RegExp(`^sv_${workspace.id}=[A-Za-z0-9_-]{43};`))
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Strict')
    expect(cookie).not.toContain('Secure') // plain http on a meeting-room LAN; set when served over https
    const pair = cookie.split(';')[0]!
    const withCookie = await fetch(`${server.url}/api/workspaces/${workspace.id}`, {
      headers: { cookie: pair },
    })
    expect(withCookie.status).toBe(200)
    expect(((await withCookie.json()) as WorkspaceView).me.name).toBe('Kalle')
  })

  it('invalid bodies get 400 with zod issues and write nothing', async () => {
    const workspace = await TestWorkspace.create(server.url)
    const before = (await audit(workspace)).length
    const huge = 'x'.repeat(1_000_000)
    const cases: Array<[string, string, unknown]> = [
      ['/api/workspaces', 'name', { ...partnership(), name: 42 }],
      ['/api/workspaces', 'parties', { ...partnership(), parties: undefined }],
      ['/api/workspaces', 'name', { ...partnership(), name: huge }],
      [
        '/api/workspaces',
        'parties.0.kind',
        {
          ...partnership(),
          parties: [
            { name: 'A', kind: 'company' },
            { name: 'B', kind: 'public' },
          ],
        },
      ],
      [
        '/api/workspaces',
        'parties',
        {
          ...partnership(),
          parties: [
            { name: 'A', kind: 'public' },
            { name: 'B', kind: 'public' },
          ],
        },
      ],
      ['/api/workspaces', 'creator.party', { ...partnership(), creator: { name: 'X', party: 7 } }],
      ['/api/workspaces', 'name', { ...partnership(), name: 'rad\u0000brytning' }],
      [
        '/api/join',
        'name',
        { invite: workspace.created.invites.participant.token, name: huge, partyId: workspace.partyId(0) },
      ],
      ['/api/join', 'partyId', { invite: workspace.created.invites.participant.token, name: 'Ny' }],
      [`/api/workspaces/${workspace.id}/parties`, 'kind', { name: 'Bolaget AB', kind: 'company' }],
      [
        `/api/workspaces/${workspace.id}/parties`,
        'orgNumber',
        { name: 'Förening', kind: 'nonprofit', orgNumber: '12-34' },
      ],
      [`/api/workspaces/${workspace.id}/documents`, 'template', { template: 'kontrakt', title: 'Avtal' }],
      [`/api/workspaces/${workspace.id}/documents`, 'title', { template: 'dwa-1', title: huge }],
      [`/api/workspaces/${workspace.id}/invites`, 'role', { role: 'owner' }],
    ]
    for (const [path, field, body] of cases) {
      const response = await fetch(`${server.url}${path}`, jsonBody(body, workspace.token))
      expect(response.status, `${path} ${field}`).toBe(400)
      const error = ((await response.json()) as { error: { code: string; issues: { path: unknown[] }[] } })
        .error
      expect(error.code).toBe('invalid-request')
      expect(
        error.issues.map((issue) => issue.path.join('.')),
        `${path} ${field}`,
      ).toContain(field)
    }
    const notJson = await fetch(`${server.url}/api/workspaces/${workspace.id}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(workspace.token) },
      body: '{"template": "dwa-1",',
    })
    expect(notJson.status).toBe(400)
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe('invalid-json')

    // Nothing was written: no new audit entries, no documents, parties or members.
    expect((await audit(workspace)).length).toBe(before)
    const after = await view(workspace)
    expect(after.documents).toEqual([])
    expect(after.parties).toHaveLength(2)
    expect(after.members).toHaveLength(1)

    // Over MAX_BODY_BYTES: refused before it is read (the server then closes that connection).
    const tooBig = await fetch(`${server.url}/api/workspaces/${workspace.id}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close', ...bearer(workspace.token) },
      body: JSON.stringify({ template: 'dwa-1', title: 'x'.repeat(2 * 1024 * 1024) }),
    })
    expect(tooBig.status).toBe(413)
    expect(((await tooBig.json()) as { error: { code: string } }).error.code).toBe('payload-too-large')
    expect((await view(workspace)).documents).toEqual([])
  })

  it('a rotated invite link stops working while members who used it stay; withdrawing the invite later removes everyone who joined through either link', async () => {
    const workspace = await TestWorkspace.create(server.url)
    const old = workspace.created.invites.participant
    const early = await workspace.join('participant', 'Tidig', 1)
    const rotated = await fetch(`${server.url}/api/workspaces/${workspace.id}/invites/${old.id}/rotate`, {
      method: 'POST',
      headers: bearer(workspace.token),
    })
    expect(rotated.status).toBe(201)
    const fresh = (await rotated.json()) as InviteLink
    expect(fresh.role).toBe('participant')
    expect(fresh.token).not.toBe(old.token)
    const reuse = await fetch(
      `${server.url}/api/join`,
      jsonBody({ invite: old.token, name: 'Sen', partyId: workspace.partyId(1) }),
    )
    expect(reuse.status).toBe(404)
    expect((await view(workspace, early.session.token)).me.name).toBe('Tidig')

    const late = await fetch(
      `${server.url}/api/join`,
      jsonBody({ invite: fresh.token, name: 'Sen', partyId: workspace.partyId(1) }),
    )
    expect(late.status).toBe(201)
    const lateToken = ((await late.json()) as { session: { token: string } }).session.token
    const withdrawn = await fetch(`${server.url}/api/workspaces/${workspace.id}/invites/${fresh.id}`, {
      method: 'DELETE',
      headers: bearer(workspace.token),
    })
    expect(withdrawn.status).toBe(200)
    const removed = ((await withdrawn.json()) as { removedMembers: string[] }).removedMembers
    expect(removed).toHaveLength(2)
    expect(removed).toContain(early.member.id)
    for (const token of [lateToken, early.session.token]) {
      const refused = await fetch(`${server.url}/api/workspaces/${workspace.id}`, { headers: bearer(token) })
      expect(refused.status).toBe(401)
    }
    // The old link has nobody left to remove: withdrawing it again is a conflict, not a silent success.
    const again = await fetch(`${server.url}/api/workspaces/${workspace.id}/invites/${old.id}`, {
      method: 'DELETE',
      headers: bearer(workspace.token),
    })
    expect(again.status).toBe(409)
    const invites = (await (
      await fetch(`${server.url}/api/workspaces/${workspace.id}/invites`, {
        headers: bearer(workspace.token),
      })
    ).json()) as { invites: { id: string; revokedAt: string | null; token?: string }[] }
    expect(invites.invites.find((invite) => invite.id === fresh.id)?.revokedAt).not.toBeNull()
    expect(invites.invites.every((invite) => invite.token === undefined)).toBe(true)
  })

  it('a facilitator adds a member directly (a shared-screen device) whose session works at once', async () => {
    const workspace = await TestWorkspace.create(server.url)
    const response = await fetch(
      `${server.url}/api/workspaces/${workspace.id}/members`,
      jsonBody(
        { name: 'Projektorn i rum 3', partyId: workspace.partyId(0), role: 'viewer' },
        workspace.token,
      ),
    )
    expect(response.status).toBe(201)
    const added = (await response.json()) as {
      member: { id: string; role: string }
      session: { token: string }
    }
    expect(added.member.role).toBe('viewer')
    expect((await view(workspace, added.session.token)).me.name).toBe('Projektorn i rum 3')
    expect((await audit(workspace))[0]).toMatchObject({
      type: 'member-joined',
      actor: { name: 'Karin Kommun' },
      subject: { label: 'Projektorn i rum 3' },
    })
    const foreignParty = await fetch(
      `${server.url}/api/workspaces/${workspace.id}/members`,
      jsonBody({ name: 'X', partyId: 'f'.repeat(32), role: 'participant' }, workspace.token),
    )
    expect(foreignParty.status).toBe(400)
  })

  it('keeps the partnership whole: the last facilitator cannot leave, a represented party cannot be removed', async () => {
    const workspace = await TestWorkspace.create(server.url)
    const me = workspace.created.member.id
    const leave = await fetch(`${server.url}/api/workspaces/${workspace.id}/members/${me}`, {
      method: 'DELETE',
      headers: bearer(workspace.token),
    })
    expect(leave.status).toBe(409)
    const removeParty = await fetch(
      `${server.url}/api/workspaces/${workspace.id}/parties/${workspace.partyId(0)}`,
      {
        method: 'DELETE',
        headers: bearer(workspace.token),
      },
    )
    expect(removeParty.status).toBe(409)
    const lastNonprofit = await fetch(
      `${server.url}/api/workspaces/${workspace.id}/parties/${workspace.partyId(1)}`,
      {
        method: 'DELETE',
        headers: bearer(workspace.token),
      },
    )
    expect(lastNonprofit.status).toBe(409)
    expect(((await lastNonprofit.json()) as { error: { message: string } }).error.message).toContain(
      'nonprofit',
    )
    const participant = await workspace.join('participant', 'Går', 1)
    const selfLeave = await fetch(
      `${server.url}/api/workspaces/${workspace.id}/members/${participant.member.id}`,
      {
        method: 'DELETE',
        headers: bearer(participant.session.token),
      },
    )
    expect(selfLeave.status).toBe(204)
    expect((await audit(workspace))[0]).toMatchObject({ type: 'member-left', subject: { label: 'Går' } })
  })

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const response = await fetch(`${server.url}/api/openapi.json`)
    const document = (await response.json()) as {
      openapi: string
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content: Record<string, { schema: unknown }> }
            parameters?: Array<{ name: string; in: string }>
          }
        >
      >
    }
    expect(document.openapi).toBe('3.1.0')
    expect(Object.keys(document.paths)).toContain('/api/workspaces/{workspaceId}/documents')
    const create = document.paths['/api/workspaces']?.post?.requestBody?.content['application/json']?.schema
    expect(JSON.stringify(create)).toContain('"enum":["public","nonprofit"]')
    // Query schemas built on first use (z.lazy) still list their parameters.
    const audit = document.paths['/api/workspaces/{workspaceId}/audit']?.get?.parameters ?? []
    expect(audit.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name)).toEqual([
      'limit',
      'before',
    ])
    const diff = document.paths['/api/documents/{documentId}/diff']?.get?.parameters ?? []
    expect(diff.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name)).toEqual([
      'from',
      'to',
    ])
  })

  it('sends security headers: a CSP with no third-party origin, nosniff, no framing, no referrer', async () => {
    const response = await fetch(`${server.url}/healthz`)
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toMatch(/https?:/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    const error = await fetch(`${server.url}/api/nothing`)
    expect(error.headers.get('content-security-policy')).toContain("default-src 'self'")
  })
})

describe('instance policy and abuse limits', () => {
  it('with ADMIN_TOKEN set, creating a workspace needs it (401 without, 403 wrong); everything else is unchanged', async () => {
    const adminToken = 'en-lång-hemlig-nyckel-för-kommunen'
    const server = await startTestServer({ ADMIN_TOKEN: adminToken })
    try {
      expect((await fetch(`${server.url}/api/workspaces`, jsonBody(partnership()))).status).toBe(401)
      expect(
        (await fetch(`${server.url}/api/workspaces`, jsonBody(partnership(), 'fel-nyckel-som-är-lång-nog')))
          .status,
      ).toBe(403)
      const workspace = await TestWorkspace.create(server.url, partnership(), adminToken)
      const joined = await workspace.join('participant', 'Utan admin', 1)
      expect(joined.member.role).toBe('participant')
    } finally {
      await server.close()
    }
  })

  it('answers 429 with Retry-After once an address exceeds RATE_LIMIT_PER_MINUTE, and refuses extra sockets past MAX_CONNECTIONS_PER_IP', async () => {
    const server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '30', MAX_CONNECTIONS_PER_IP: '2' })
    try {
      const workspace = await TestWorkspace.create(server.url)
      const documentId = (await workspace.createDocument()).id
      const { socketOutcome } = await import('../helpers/socket-outcome')
      const WebSocket = (await import('ws')).default
      const open = [0, 1].map(() => new WebSocket(`${server.wsUrl}/${documentId}?token=${workspace.token}`))
      await Promise.all(open.map((ws) => new Promise((resolve) => ws.once('message', resolve))))
      expect(await socketOutcome(`${server.wsUrl}/${documentId}?token=${workspace.token}`)).toBe(4429)
      for (const ws of open) ws.close()

      const statuses: number[] = []
      for (let i = 0; i < 40; i++) {
        const response = await fetch(`${server.url}/api/workspaces/${workspace.id}`, {
          headers: bearer(workspace.token),
        })
        statuses.push(response.status)
        if (response.status === 429) {
          expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
          expect(((await response.json()) as { error: { code: string } }).error.code).toBe('rate-limited')
        }
      }
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(5)
      expect(statuses[0]).toBe(200)
    } finally {
      await server.close()
    }
  })
})
