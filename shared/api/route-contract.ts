import type * as z from 'zod/mini'

/**
 * One HTTP API route as both sides see it: method, path, the schemas of what is sent and what comes back.
 * The server's route table adds who may call it and the handler (server/http/ApiRoute.ts); the client's
 * `call` builds the request from it and parses the answer with `response` — one description, so the two
 * cannot drift apart.
 */
export interface RouteContract<
  PS extends z.ZodMiniType = z.ZodMiniType,
  QS extends z.ZodMiniType = z.ZodMiniType,
  BS extends z.ZodMiniType = z.ZodMiniType,
  RS extends z.ZodMiniType = z.ZodMiniType,
> {
  readonly method: 'get' | 'post' | 'put' | 'delete'
  /** `:name` for parameters. `:workspaceId` and `:documentId` scope member routes. */
  readonly path: string
  readonly summary: string
  readonly params?: PS
  readonly query?: QS
  readonly body?: BS
  readonly status: 200 | 201 | 204
  /** The response body's schema (none for 204, or for file downloads). */
  readonly response?: RS
  /** Content types of a route that answers with a file or a stream. */
  readonly produces?: readonly string[]
}

/** Keeps a contract's schema types (for `call` and the server's handler) while tables hold contracts side by side. */
export const defineContract = <
  PS extends z.ZodMiniType = z.ZodMiniType,
  QS extends z.ZodMiniType = z.ZodMiniType,
  BS extends z.ZodMiniType = z.ZodMiniType,
  RS extends z.ZodMiniType = z.ZodMiniType,
>(
  contract: RouteContract<PS, QS, BS, RS>,
): RouteContract<PS, QS, BS, RS> => contract

/** What a caller sends: the path's parameters, the query and the body, as their schemas accept them. */
export type RouteRequest<C> =
  C extends RouteContract<infer PS, infer QS, infer BS>
    ? (z.ZodMiniType extends PS ? { readonly params?: undefined } : { readonly params: z.input<PS> }) &
        (z.ZodMiniType extends QS
          ? { readonly query?: undefined }
          : { readonly query?: Partial<z.input<QS>> }) &
        (z.ZodMiniType extends BS ? { readonly body?: undefined } : { readonly body: z.input<BS> })
    : never

/** What a caller gets back: the parsed response body (undefined for a route without one). */
export type RouteResponse<C> =
  C extends RouteContract<z.ZodMiniType, z.ZodMiniType, z.ZodMiniType, infer RS> ? z.output<RS> : never

/**
 * The path of a route for these parameters, each encoded: `pathOf(getWorkspace, { workspaceId })`.
 * Throws for a parameter the path names but `params` lacks (a programming error, never user input).
 */
export const pathOf = (contract: Pick<RouteContract, 'path'>, params: object = {}): string =>
  contract.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = (params as Record<string, unknown>)[name]
    if (value === undefined || value === null) throw new Error(`${contract.path}: missing parameter ${name}`)
    return encodeURIComponent(String(value))
  })

/** The path with a query string of the given values (undefined ones left out): for links and downloads. */
export const urlOf = (
  contract: Pick<RouteContract, 'path'>,
  params: object = {},
  query: Readonly<Record<string, string | number | boolean | undefined>> = {},
): string => {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, String(value))
  const text = search.toString()
  return text === '' ? pathOf(contract, params) : `${pathOf(contract, params)}?${text}`
}
