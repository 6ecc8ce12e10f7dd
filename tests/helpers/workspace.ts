import type {
  CreateWorkspaceRequest,
  CreateWorkspaceResponse,
  JoinResponse,
} from '../../shared/api/workspace-api'
import type { DocumentRecord } from '../../shared/schema/document-record'
import type { TemplateId } from '../../shared/schema/template-id'

/** A partnership as most tests need it: one municipality, one association. */
export const partnership = (overrides: Partial<CreateWorkspaceRequest> = {}): CreateWorkspaceRequest => ({
  name: 'Mötesplats Järva',
  challenge: 'Ensamhet bland äldre i Järva',
  parties: [
    { name: 'Spånga-Tensta stadsdelsförvaltning', kind: 'public' },
    { name: 'Föreningen Gemenskap', kind: 'nonprofit' },
  ],
  creator: { name: 'Karin Kommun', party: 0 },
  ...overrides,
})

const call = async <T>(url: string, init: RequestInit, expected: number): Promise<T> => {
  const response = await fetch(url, init)
  const text = await response.text()
  if (response.status !== expected) {
    throw new Error(
      `${init.method ?? 'GET'} ${url} answered ${response.status}, expected ${expected}: ${text}`,
    )
  }
  return (text === '' ? undefined : JSON.parse(text)) as T
}

const json = (method: string, body: unknown, token?: string): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
})

/**
 * A workspace created through the real HTTP API, with helpers to join it and create documents in it.
 * Integration tests use it to get sessions and document ids the way any client would.
 */
export class TestWorkspace {
  private readonly named = new Map<string, Promise<string>>()

  private constructor(
    readonly baseUrl: string,
    readonly created: CreateWorkspaceResponse,
  ) {}

  static async create(
    baseUrl: string,
    request: CreateWorkspaceRequest = partnership(),
    adminToken?: string,
  ): Promise<TestWorkspace> {
    const created = await call<CreateWorkspaceResponse>(
      `${baseUrl}/api/workspaces`,
      json('POST', request, adminToken),
      201,
    )
    return new TestWorkspace(baseUrl, created)
  }

  /** The same workspace reached through another server instance (scale-out tests). */
  via(baseUrl: string): TestWorkspace {
    return new TestWorkspace(baseUrl, this.created)
  }

  get id(): string {
    return this.created.workspace.id
  }

  /** The creator's (a facilitator's) session token. */
  get token(): string {
    return this.created.session.token
  }

  partyId(index: number): string {
    return this.created.parties[index]!.id
  }

  /** Joins through the invite of `role`, for a party given by its index at creation or by its id. */
  async join(
    role: 'facilitator' | 'participant' | 'viewer',
    name: string,
    party: number | string,
  ): Promise<JoinResponse> {
    const partyId = typeof party === 'number' ? this.partyId(party) : party
    return call<JoinResponse>(
      `${this.baseUrl}/api/join`,
      json('POST', { invite: this.created.invites[role].token, name, partyId }),
      201,
    )
  }

  /** The joined member's party marks them as its decision-maker (they mark themselves, as a party member may). */
  async markDecisionMaker(joined: JoinResponse, decisionMaker = true): Promise<void> {
    await call<unknown>(
      `${this.baseUrl}/api/workspaces/${this.id}/members/${joined.member.id}/decision-maker`,
      json('PUT', { decisionMaker }, joined.session.token),
      200,
    )
  }

  async createDocument(
    title = 'Arbetsblad 1',
    template: TemplateId = 'dwa-1',
    token = this.token,
  ): Promise<DocumentRecord> {
    return call<DocumentRecord>(
      `${this.baseUrl}/api/workspaces/${this.id}/documents`,
      json('POST', { template, title }, token),
      201,
    )
  }

  /** The id of a document created once per `name` (tests refer to documents by readable names). */
  document(name: string): Promise<string> {
    let id = this.named.get(name)
    if (id === undefined) {
      id = this.createDocument(name).then((document) => document.id)
      this.named.set(name, id)
    }
    return id
  }
}
