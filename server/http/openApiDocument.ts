import { z } from 'zod'
import { ApiErrorBody } from '../../shared/api/api-error'
import type { ApiRoute } from './ApiRoute'

const jsonSchema = (schema: z.core.$ZodType, io: 'input' | 'output'): unknown =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' })

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: jsonSchema(ApiErrorBody, 'output') } },
})

/** The schema a lazily built one stands for (shared/ builds most of its schemas on first use). */
const built = (schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined =>
  schema instanceof z.core.$ZodLazy ? built(schema._zod.def.getter()) : schema

const parameters = (route: ApiRoute) => {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]!)
  const path = names.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }))
  const query = built(route.query)
  const shape =
    query instanceof z.core.$ZodObject ? (query._zod.def.shape as Record<string, z.core.$ZodType>) : {}
  const queryParameters = Object.entries(shape).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema: jsonSchema(schema, 'input'),
  }))
  return [...path, ...queryParameters]
}

/**
 * The OpenAPI 3.1 document of a route table, generated from the same zod schemas the routes validate with,
 * so it cannot drift from what the server accepts.
 */
export const openApiDocument = (routes: readonly ApiRoute[], version: string): Record<string, unknown> => {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}')
    const member = route.access !== 'public' && route.access !== 'creator'
    const responses: Record<string, unknown> = {
      [route.status]:
        route.produces !== undefined
          ? { description: 'a file', content: Object.fromEntries(route.produces.map((type) => [type, {}])) }
          : route.response === undefined
            ? { description: 'done' }
            : {
                description: 'success',
                content: { 'application/json': { schema: jsonSchema(route.response, 'output') } },
              },
      400: errorResponse('invalid path, query or body; `issues` lists what is wrong'),
      429: errorResponse('too many requests from this address'),
    }
    if (member || route.access === 'creator') {
      responses[401] = errorResponse('no valid session (or admin token)')
      responses[403] = errorResponse('another workspace, or a role that may not do this')
    }
    if (member || route.access === 'public') responses[404] = errorResponse('not found')
    if (route.method !== 'get') responses[409] = errorResponse('conflicts with the current state')
    paths[path] ??= {}
    paths[path][route.method] = {
      summary: route.summary,
      ...(member ? { 'x-required-permission': route.access } : {}),
      security: member
        ? [{ bearer: [] }, { cookie: [] }]
        : route.access === 'creator'
          ? [{ bearer: [] }, {}]
          : [],
      parameters: parameters(route),
      ...(route.body === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
            },
          }),
      responses,
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Samverkstad API',
      version,
      description:
        'Workspaces for idéburna offentliga partnerskap. Documents sync over the y-websocket protocol at /sync/{documentId}.',
    },
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'a session token (or, to create a workspace, ADMIN_TOKEN)',
        },
        cookie: { type: 'apiKey', in: 'cookie', name: 'sv_{workspaceId}' },
      },
    },
    paths,
  }
}
