import { createHash, timingSafeEqual } from 'node:crypto'
import type { Context, Hono } from 'hono'
import type { ZodMiniType } from 'zod/mini'
import type { DocumentRecord } from '../../shared/schema/document-record'
import type { VerifiedIdentity } from '../../shared/schema/verified-identity'
import type { AccountSessions } from '../auth/AccountSessions'
import { ApiError } from '../errors/ApiError'
import { linkOrigin } from '../network/roomAddresses'
import type { MemberRecord } from '../storage/port'
import type { WorkspaceService } from '../workspaces/WorkspaceService'
import type { ApiRoute } from './ApiRoute'
import { accountTokenOf, clearSessionCookie, sessionTokenOf, setSessionCookie } from './sessionCookie'

export interface MountApiRoutesOptions {
  readonly workspaces: WorkspaceService
  /** When set, creating a workspace requires `Authorization: Bearer <adminToken>`. */
  readonly adminToken: string | null
  /** The public origin links point to; null uses the request's own origin. */
  readonly publicUrl: string | null
  /** The interface the server listens on (HOST): links handed out on loopback point to the room's network. */
  readonly host: string
  /** Sessions of people signed in with an organisation account; null when sign-in is not configured. */
  readonly accounts?: Pick<AccountSessions, 'find'> | null
  /** Creating a workspace needs a signed-in account (instead of the admin token). */
  readonly requireSignInToCreate?: boolean
}

const parse = <T>(schema: ZodMiniType<T> | undefined, value: unknown, where: string): T => {
  if (schema === undefined) return undefined as T
  const result = schema.safeParse(value)
  if (!result.success) {
    throw new ApiError(
      'invalid-request',
      `invalid ${where}: ${result.error.issues[0]?.message ?? ''}`,
      result.error.issues,
    )
  }
  return result.data
}

const readJson = async (c: Context): Promise<unknown> => {
  const text = await c.req.text()
  try {
    return JSON.parse(text)
  } catch {
    throw new ApiError('invalid-json', 'the request body is not valid JSON')
  }
}

const sameSecret = (given: string, expected: string): boolean => {
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

/**
 * Mounts a route table: for each request, parses the path parameters, authenticates and authorises the caller
 * (401 without a valid session, 403 for another workspace or a role that may not), then parses query and body
 * (400 with zod's issues), calls the handler, and answers with its declared status.
 */
export const mountApiRoutes = (
  app: Hono,
  routes: readonly ApiRoute[],
  {
    workspaces,
    adminToken,
    publicUrl,
    host,
    accounts = null,
    requireSignInToCreate = false,
  }: MountApiRoutesOptions,
): void => {
  /** Who is signed in with an organisation account on this request, if anyone. */
  const accountOf = async (c: Context): Promise<VerifiedIdentity | null> =>
    accounts === null ? null : ((await accounts.find(accountTokenOf(c)))?.identity ?? null)

  const authenticateMember = async (
    c: Context,
    route: ApiRoute,
    params: Record<string, unknown>,
  ): Promise<{ member: MemberRecord; document: DocumentRecord | null }> => {
    if (route.access === 'public' || route.access === 'creator') throw new Error('not a member route')
    let workspaceId = typeof params.workspaceId === 'string' ? params.workspaceId : null
    const documentId = typeof params.documentId === 'string' ? params.documentId : null
    const document = documentId === null ? null : await workspaces.findDocument(documentId)
    workspaceId ??= document?.workspaceId ?? null
    const token = sessionTokenOf(c, workspaceId)
    let member = token === null ? null : await workspaces.authenticate(token)
    // The account session is looked up only where it decides something: an invite session of a membership
    // no account is bound to (most requests) needs no second lookup.
    const needsAccount =
      member === null
        ? workspaceId !== null && c.req.header('authorization') === undefined
        : member.identity !== undefined
    const account = needsAccount ? await accountOf(c) : null
    // Signed in with an organisation account: the membership bound to it opens the workspace on any device.
    if (member === null && account !== null && workspaceId !== null)
      member = await workspaces.authenticateAccount(account, workspaceId)
    if (member === null) {
      throw token === null
        ? new ApiError('unauthorized', 'sign in through an invite link first (no session)')
        : new ApiError('unauthorized', 'this session is not valid (unknown or withdrawn)')
    }
    if (documentId !== null && document === null) throw new ApiError('not-found', 'no such document')
    workspaces.authorize(member, workspaceId ?? member.workspaceId, route.access)
    return { member: verifiedNow(member, account), document }
  }

  for (const route of routes) {
    app.on(route.method.toUpperCase(), route.path, async function apiRoute(c) {
      const params = parse(route.params, c.req.param(), 'path') as Record<string, unknown>
      let member: MemberRecord | null = null
      let document: DocumentRecord | null = null
      // Public and creator routes are told who is signed in; a member route's member carries it already.
      const account = route.access === 'public' || route.access === 'creator' ? await accountOf(c) : null
      if (route.access === 'creator') {
        if (requireSignInToCreate) {
          if (account === null) {
            throw new ApiError(
              'unauthorized',
              'this server lets only people signed in with an organisation account create a workspace: sign in first',
            )
          }
        } else if (adminToken !== null) {
          const token = sessionTokenOf(c, null)
          if (token === null || token === '') {
            throw new ApiError('unauthorized', 'this server requires its admin token to create a workspace')
          }
          if (!sameSecret(token, adminToken)) throw new ApiError('forbidden', 'wrong admin token')
        }
      } else if (route.access !== 'public') {
        ;({ member, document } = await authenticateMember(c, route, params))
      }
      const query = parse(route.query, c.req.query(), 'query')
      const body = route.body === undefined ? undefined : parse(route.body, await readJson(c), 'body')
      const origin = linkOrigin(c.req.url, publicUrl, host)
      const result = await route.handle({
        params,
        query,
        body,
        member,
        document,
        account,
        origin,
        context: c,
      })
      if (result instanceof Response) return result
      const secure = origin.startsWith('https:')
      if (route.cookie === 'set') {
        const { workspaceId, token } = sessionOf(result)
        setSessionCookie(c, workspaceId, token, secure)
      } else if (route.cookie === 'clear' && member !== null) {
        clearSessionCookie(c, member.workspaceId, secure)
      }
      if (route.status === 204) return c.body(null, 204)
      return c.json(result as object, route.status)
    })
  }
}

/**
 * A membership bound to an organisation account counts as verified only while that account is signed in on
 * the request: an approval made through the invite session alone records no verified identity.
 */
const verifiedNow = (member: MemberRecord, account: VerifiedIdentity | null): MemberRecord => {
  if (member.identity === undefined) return member
  if (
    account !== null &&
    account.issuer === member.identity.issuer &&
    account.subject === member.identity.subject
  )
    return member
  const { identity: _unverified, ...rest } = member
  return rest
}

/** Routes that set the cookie answer with a session and the workspace it belongs to. */
const sessionOf = (result: unknown): { workspaceId: string; token: string } => {
  const value = result as {
    session?: { token?: unknown }
    workspaceId?: unknown
    workspace?: { id?: unknown }
  }
  const token = value.session?.token
  const workspaceId = value.workspaceId ?? value.workspace?.id
  if (typeof token !== 'string' || typeof workspaceId !== 'string') {
    throw new Error(
      'a route that sets the session cookie must answer with session.token and the workspace id',
    )
  }
  return { workspaceId, token }
}
