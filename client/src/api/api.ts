import type * as z from 'zod/mini'
import { ApiErrorBody } from '../../../shared/api/api-error'
import {
  type RouteContract,
  type RouteRequest,
  type RouteResponse,
  urlOf,
} from '../../../shared/api/route-contract'

/** An error the API answered with: its code (to switch on) and message (to show). */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Calls the API with the browser's session cookie and parses the answer with the same zod schema the server
 * answers with, so a mismatch shows up as an error here rather than as a broken page.
 */
export const api = async <T>(
  path: string,
  schema: z.ZodMiniType<T>,
  init: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown } = {},
): Promise<T> => {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  })
  const text = await response.text()
  const json: unknown = text === '' ? undefined : JSON.parse(text)
  if (!response.ok) {
    const error = ApiErrorBody.safeParse(json)
    throw error.success
      ? new ApiRequestError(response.status, error.data.error.code, error.data.error.message)
      : new ApiRequestError(response.status, 'internal-error', `HTTP ${response.status}`)
  }
  return schema.parse(json)
}

/**
 * Calls an API route by its contract (shared/api/*-routes.ts): the path is built from `params`, the answer
 * parsed with the contract's response schema, so a mismatch shows up as an error here.
 *
 * @example
 * const view = await call(workspaceApi.getWorkspace, { params: { workspaceId } })
 */
export const call = <C extends RouteContract>(
  contract: C,
  request: RouteRequest<C>,
): Promise<RouteResponse<C>> => {
  const { params, query, body } = request as unknown as { params?: object; query?: object; body?: unknown }
  const url = urlOf(contract, params, query as Record<string, string | number | boolean | undefined>)
  const method = contract.method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'DELETE'
  return api(url, (contract.response ?? UNDEFINED) as z.ZodMiniType<RouteResponse<C>>, {
    method,
    ...(body === undefined ? {} : { body }),
  })
}

/** The response of a route without a body (204). */
const UNDEFINED = { parse: () => undefined } as unknown as z.ZodMiniType<undefined>

/** A link to a route that answers with a file (an export, a calendar): for `href`s and downloads. */
export const linkTo = <C extends RouteContract>(contract: C, request: RouteRequest<C>): string => {
  const { params, query } = request as unknown as { params?: object; query?: object }
  return urlOf(contract, params, query as Record<string, string | number | boolean | undefined>)
}

const WORKSPACES_KEY = 'samverkstad.workspaces'

export interface KnownWorkspace {
  readonly id: string
  readonly name: string
}

/** Workspaces this browser has a session for (the session itself is an HttpOnly cookie scripts cannot read). */
export const knownWorkspaces = (): KnownWorkspace[] => {
  try {
    const parsed = JSON.parse(localStorage.getItem(WORKSPACES_KEY) ?? '[]') as unknown
    return Array.isArray(parsed)
      ? parsed.filter((w): w is KnownWorkspace => typeof w?.id === 'string' && typeof w?.name === 'string')
      : []
  } catch {
    return []
  }
}

export const rememberWorkspace = (workspace: KnownWorkspace): void => {
  try {
    const others = knownWorkspaces().filter((w) => w.id !== workspace.id)
    localStorage.setItem(WORKSPACES_KEY, JSON.stringify([workspace, ...others].slice(0, 50)))
  } catch {
    // Without storage the list is simply not kept.
  }
}
