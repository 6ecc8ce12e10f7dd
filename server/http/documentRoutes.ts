import * as documentApi from '../../shared/api/document-routes'
import type { DocumentService, ExportFile } from '../documents/DocumentService'
import { type ApiRoute, defineRoute, routeDocument } from './ApiRoute'

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
  defineRoute(documentApi.exportDocument, {
    access: 'workspace.read',
    handle: async ({ document, query }) =>
      fileResponse(
        await documents.export(routeDocument(document), query.format, query.lang, {
          vocabularyAppendix: query.appendix === 'vocabulary',
        }),
      ),
  }),
]
