import { z } from 'zod'
import { EntityId } from '../../shared/schema/entity-id'
import {
  ApproveVersionRequest,
  SaveVersionRequest,
  VersionList,
  VersionSummary,
  VersionView,
} from '../../shared/schema/version'
import { DiffResponse, Revision } from '../../shared/schema/version-diff'
import { ApiError } from '../errors/ApiError'
import type { VersionService } from '../versions/VersionService'
import { type ApiRoute, defineRoute, routeDocument } from './ApiRoute'
import { ExportQuery, fileResponse } from './documentRoutes'

const DocumentParams = z.object({ documentId: EntityId })
const VersionParams = DocumentParams.extend({ number: z.coerce.number().int().positive() })
const DiffQuery = z.object({ from: Revision, to: Revision.default('live') })

/** Saved versions of a document: save, list, fetch (JSON or any export format). */
export const versionRoutes = (versions: VersionService): ApiRoute[] => [
  defineRoute({
    method: 'post',
    path: '/api/documents/:documentId/versions',
    summary: 'Save the current state as a new, immutable, numbered version',
    access: 'version.save',
    params: DocumentParams,
    body: SaveVersionRequest,
    status: 201,
    response: VersionSummary,
    handle: async ({ document, member, body }) => {
      if (member === null) throw new ApiError('unauthorized', 'no session')
      return versions.save(member, routeDocument(document), body)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/documents/:documentId/versions',
    summary: 'The saved versions, oldest first',
    access: 'workspace.read',
    params: DocumentParams,
    status: 200,
    response: VersionList,
    handle: async ({ document }) => ({ versions: await versions.list(routeDocument(document)) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/documents/:documentId/versions/:number',
    summary: 'One version: JSON (summary and value) or an export carrying its number and SHA-256',
    access: 'workspace.read',
    params: VersionParams,
    query: ExportQuery.extend({ format: z.enum(['json', 'md', 'html', 'pdf', 'docx']).default('json') }),
    status: 200,
    produces: [
      'application/json',
      'text/markdown',
      'text/html',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
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
  defineRoute({
    method: 'get',
    path: '/api/documents/:documentId/versions/:number/bundle',
    summary:
      'The filing bundle: PDF, DOCX, JSON and a manifest.json with the SHA-256 of each (for diarieföring)',
    access: 'workspace.read',
    params: VersionParams,
    query: ExportQuery.pick({ lang: true }),
    status: 200,
    produces: ['application/zip'],
    handle: async ({ document, params, query }) =>
      fileResponse(await versions.bundle(routeDocument(document), params.number, query.lang)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/documents/:documentId/versions/:number/approvals',
    summary: "Approve a version on behalf of one's own party (ställningstagande)",
    access: 'version.approve',
    params: VersionParams,
    body: ApproveVersionRequest,
    status: 201,
    response: VersionView,
    handle: async ({ document, member, params, body }) => {
      if (member === null) throw new ApiError('unauthorized', 'no session')
      return versions.approve(member, routeDocument(document), params.number, body.partyId)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/documents/:documentId/versions/:number/restore',
    summary: 'Restore a version as a new version (a forward change everyone connected sees)',
    access: 'version.save',
    params: VersionParams,
    status: 201,
    response: VersionSummary,
    handle: async ({ document, member, params }) => {
      if (member === null) throw new ApiError('unauthorized', 'no session')
      return versions.restore(member, routeDocument(document), params.number)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/documents/:documentId/diff',
    summary: 'What changed between two versions (or a version and the live document), field by field',
    access: 'workspace.read',
    params: DocumentParams,
    query: DiffQuery,
    status: 200,
    response: DiffResponse,
    handle: async ({ document: found, query }) => {
      const document = routeDocument(found)
      return { from: query.from, to: query.to, fields: await versions.diff(document, query.from, query.to) }
    },
  }),
]
