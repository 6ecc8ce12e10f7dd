import type { Context } from 'hono'
import type { z } from 'zod'
import type { Action } from '../../shared/access/permissions'
import type { DocumentRecord } from '../../shared/schema/document-record'
import { ApiError } from '../errors/ApiError'
import type { MemberRecord } from '../storage/port'

/**
 * Who may call a route:
 * - `public`: anyone (an invite token in the body or path is the capability);
 * - `creator`: anyone when no ADMIN_TOKEN is configured, otherwise only a bearer of it;
 * - an `Action`: a member of the route's workspace whose role allows it.
 */
export type RouteAccess = 'public' | 'creator' | Action

/** What a handler receives: everything already parsed and, for member routes, authorised. */
export interface RouteInput<P, Q, B> {
  readonly params: P
  readonly query: Q
  readonly body: B
  /** The authenticated member (member routes only; `null` on public and creator routes). */
  readonly member: MemberRecord | null
  /** The `:documentId` route's document, found while authorising (null on routes without one). */
  readonly document: DocumentRecord | null
  /** Where links the server hands out should point (PUBLIC_URL, or the request's own origin). */
  readonly origin: string
  readonly context: Context
}

/**
 * One API route, described as data: the handler, the schemas of its inputs and output, and who may call it.
 * The same table mounts the routes, generates `/api/openapi.json` and drives the authorisation tests.
 */
export interface ApiRoute<P = unknown, Q = unknown, B = unknown> {
  readonly method: 'get' | 'post' | 'put' | 'delete'
  /** Hono path, `:name` for parameters. `:workspaceId` and `:documentId` scope member routes. */
  readonly path: string
  readonly summary: string
  readonly access: RouteAccess
  readonly params?: z.ZodType<P>
  readonly query?: z.ZodType<Q>
  readonly body?: z.ZodType<B>
  readonly status: 200 | 201 | 204
  /** The response body's schema (none for 204, or for file downloads). */
  readonly response?: z.ZodType
  /** Content types of a route that answers with a file (its handler returns a `Response`). */
  readonly produces?: readonly string[]
  /** On success the session cookie for this workspace is set (join, create) or cleared (leave, delete). */
  readonly cookie?: 'set' | 'clear'
  handle(input: RouteInput<P, Q, B>): Promise<unknown>
}

/** Keeps each route's handler typed by its own schemas while the table holds them side by side. */
export const defineRoute = <P = undefined, Q = undefined, B = undefined>(
  route: ApiRoute<P, Q, B>,
): ApiRoute => route as unknown as ApiRoute

/** The document of a `:documentId` route (authorisation already found it; absent only on other routes). */
export const routeDocument = (document: DocumentRecord | null): DocumentRecord => {
  if (document === null) throw new ApiError('not-found', 'no such document')
  return document
}
