import { z } from 'zod'
import { EntityId } from '../../shared/schema/entity-id'
import type { DocumentService } from '../documents/DocumentService'
import { EXPORT_FORMATS, type ExportFile } from '../documents/DocumentService'
import { type ApiRoute, defineRoute, routeDocument } from './ApiRoute'

const DocumentParams = z.object({ documentId: EntityId })
export const ExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS).default('md'),
  lang: z.enum(['sv', 'en']).default('sv'),
})

/** A file download: the name twice, ASCII for old clients and UTF-8 for the rest; never cached. */
export const fileResponse = (file: ExportFile): Response =>
  new Response(typeof file.body === 'string' ? file.body : Buffer.from(file.body), {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'cache-control': 'no-store',
    },
  })

/** Document content routes: exports of the current state. */
export const documentRoutes = (documents: DocumentService): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: '/api/documents/:documentId/export',
    summary:
      'The current state as Markdown, printable HTML, PDF, DOCX or JSON, with a header for the records',
    access: 'workspace.read',
    params: DocumentParams,
    query: ExportQuery.extend({ appendix: z.enum(['vocabulary']).optional() }),
    status: 200,
    produces: [
      'text/markdown',
      'text/html',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/json',
    ],
    handle: async ({ document, query }) =>
      fileResponse(
        await documents.export(routeDocument(document), query.format, query.lang, {
          vocabularyAppendix: query.appendix === 'vocabulary',
        }),
      ),
  }),
]
