import * as versionApi from '../../shared/api/version-routes'
import { ApiError } from '../errors/ApiError'
import type { VersionService } from '../versions/VersionService'
import { type ApiRoute, defineRoute, routeDocument } from './ApiRoute'
import { fileResponse } from './documentRoutes'

/** Saved versions of a document: save, list, fetch (JSON or any export format). */
export const versionRoutes = (versions: VersionService): ApiRoute[] => [
  defineRoute(versionApi.saveVersion, {
    access: 'version.save',
    handle: async ({ document, member, body }) => {
      if (member === null) throw new ApiError('unauthorized', 'no session')
      return versions.save(member, routeDocument(document), body)
    },
  }),
  defineRoute(versionApi.listVersions, {
    access: 'workspace.read',
    handle: async ({ document }) => ({ versions: await versions.list(routeDocument(document)) }),
  }),
  defineRoute(versionApi.getVersion, {
    access: 'workspace.read',
    handle: async ({ document: found, params, query }) => {
      const document = routeDocument(found)
      if (query.format === 'json') {
        const { summary, value } = await versions.get(document, params.number)
        // Built explicitly: @hono/node-server's lightweight Response does not carry a Response.json body here.
        return new Response(JSON.stringify({ version: summary, value }), {
          headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
        })
      }
      return fileResponse(await versions.export(document, params.number, query.format, query.lang))
    },
  }),
  defineRoute(versionApi.getVersionBundle, {
    access: 'workspace.read',
    handle: async ({ document, params, query }) =>
      fileResponse(await versions.bundle(routeDocument(document), params.number, query.lang)),
  }),
  defineRoute(versionApi.approveVersion, {
    access: 'version.approve',
    handle: async ({ document, member, params, body }) => {
      if (member === null) throw new ApiError('unauthorized', 'no session')
      return versions.approve(member, routeDocument(document), params.number, body.partyId)
    },
  }),
  defineRoute(versionApi.recommendVersion, {
    access: 'version.approve',
    handle: async ({ document, member, params }) => {
      if (member === null) throw new ApiError('unauthorized', 'no session')
      return versions.recommend(member, routeDocument(document), params.number)
    },
  }),
  defineRoute(versionApi.recordDecision, {
    access: 'version.approve',
    handle: async ({ document, member, params, body }) => {
      if (member === null) throw new ApiError('unauthorized', 'no session')
      return versions.recordDecision(member, routeDocument(document), params.number, body)
    },
  }),
  defineRoute(versionApi.restoreVersion, {
    access: 'version.save',
    handle: async ({ document, member, params }) => {
      if (member === null) throw new ApiError('unauthorized', 'no session')
      return versions.restore(member, routeDocument(document), params.number)
    },
  }),
  defineRoute(versionApi.diffVersions, {
    access: 'workspace.read',
    handle: async ({ document: found, query }) => {
      const document = routeDocument(found)
      return { from: query.from, to: query.to, fields: await versions.diff(document, query.from, query.to) }
    },
  }),
]
