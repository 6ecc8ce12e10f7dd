import type { Context } from 'hono'
import type * as z from 'zod/mini'
import type { Action } from '../../shared/access/permissions'
import type { RouteContract } from '../../shared/api/route-contract'
import type { DocumentRecord } from '../../shared/schema/document-record'
import type { VerifiedIdentity } from '../../shared/schema/verified-identity'
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
  /**
   * Who is signed in with an organisation account (public and creator routes; null: nobody, or sign-in is
   * off). Always null on member routes: there the member carries its identity while it is verified.
   */
  readonly account: VerifiedIdentity | null
  /** Where links the server hands out should point (PUBLIC_URL, or the request's own origin). */
  readonly origin: string
  readonly context: Context
}

/** What the server adds to a route's contract (shared/api/*-routes.ts): who may call it and what it does. */
export interface RouteBehaviour<P, Q, B> {
  readonly access: RouteAccess
  /** On success the session cookie for this workspace is set (join, create) or cleared (leave, delete). */
  readonly cookie?: 'set' | 'clear'
  handle(input: RouteInput<P, Q, B>): Promise<unknown>
}

/**
 * One API route, described as data: its contract (method, path, the schemas of its inputs and output, shared
 * with the client), who may call it and the handler. The same table mounts the routes, generates
 * `/api/openapi.json` and drives the authorisation tests.
 */
export interface ApiRoute extends RouteContract, RouteBehaviour<unknown, unknown, unknown> {}

/** A route from its contract, keeping the handler typed by the contract's schemas. */
export const defineRoute = <
  PS extends z.ZodMiniType,
  QS extends z.ZodMiniType,
  BS extends z.ZodMiniType,
  RS extends z.ZodMiniType,
>(
  contract: RouteContract<PS, QS, BS, RS>,
  behaviour: RouteBehaviour<z.output<PS>, z.output<QS>, z.output<BS>>,
): ApiRoute => ({ ...contract, ...behaviour }) as unknown as ApiRoute

/** The document of a `:documentId` route (authorisation already found it; absent only on other routes). */
export const routeDocument = (document: DocumentRecord | null): DocumentRecord => {
  if (document === null) throw new ApiError('not-found', 'no such document')
  return document
}
