import { z } from 'zod'
import type { DocumentRecord } from '../../shared/schema/document-record'
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
import type { WorkspaceService } from '../workspaces/WorkspaceService'
import { type ApiRoute, defineRoute } from './api-route'
import { ExportQuery, fileResponse } from './document-routes'

const DocumentParams = z.object({ documentId: EntityId })
const VersionParams = DocumentParams.extend({ number: z.coerce.number().int().positive() })
const DiffQuery = z.object({ from: Revision, to: Revision.default('live') })

/** Saved versions of a document: save, list, fetch (JSON or any export format). */
export const versionRoutes = (workspaces: WorkspaceService, versions: VersionService): ApiRoute[] => {
  const documentOf = async (documentId: string): Promise<DocumentRecord> => {
    const document = await workspaces.findDocument(documentId)
    if (document === null) throw new ApiError('not-found', 'no such document')
    return document
  }
  return [
    defineRoute({
      method: 'post',
      path: '/api/documents/:documentId/versions',
      summary: 'Save the current state as a new, immutable, numbered version',
      access: 'version.save',
      params: DocumentParams,
      body: SaveVersionRequest,
      status: 201,
      response: VersionSummary,
      handle: async ({ member, params, body }) => {
        if (member === null) throw new ApiError('unauthorized', 'no session')
        return versions.save(member, await documentOf(params.documentId), body)
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
      handle: async ({ params }) => ({ versions: await versions.list(await documentOf(params.documentId)) }),
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
      handle: async ({ params, query }) => {
        const document = await documentOf(params.documentId)
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
      handle: async ({ params, query }) =>
        fileResponse(await versions.bundle(await documentOf(params.documentId), params.number, query.lang)),
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
      handle: async ({ member, params, body }) => {
        if (member === null) throw new ApiError('unauthorized', 'no session')
        return versions.approve(member, await documentOf(params.documentId), params.number, body.partyId)
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
      handle: async ({ member, params }) => {
        if (member === null) throw new ApiError('unauthorized', 'no session')
        return versions.restore(member, await documentOf(params.documentId), params.number)
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
      handle: async ({ params, query }) => {
        const document = await documentOf(params.documentId)
        return { from: query.from, to: query.to, fields: await versions.diff(document, query.from, query.to) }
      },
    }),
  ]
}
