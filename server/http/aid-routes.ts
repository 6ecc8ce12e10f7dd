import { z } from 'zod'
import { DocumentAttribution } from '../../shared/attribution/party-shares'
import type { DocumentRecord } from '../../shared/schema/document-record'
import { EntityId } from '../../shared/schema/entity-id'
import type { AttributionService } from '../attribution/AttributionService'
import { ApiError } from '../errors/ApiError'
import type { WorkspaceService } from '../workspaces/WorkspaceService'
import { type ApiRoute, defineRoute } from './api-route'

const DocumentParams = z.object({ documentId: EntityId })

export interface AidRoutesOptions {
  readonly workspaces: WorkspaceService
  readonly attribution: AttributionService
}

/** Equal voice and agreement aids: attribution by party, procurement indicators, drafts, the calendar. */
export const aidRoutes = ({ workspaces, attribution }: AidRoutesOptions): ApiRoute[] => {
  const documentOf = async (documentId: string): Promise<DocumentRecord> => {
    const document = await workspaces.findDocument(documentId)
    if (document === null) throw new ApiError('not-found', 'no such document')
    return document
  }
  return [
    defineRoute({
      method: 'get',
      path: '/api/documents/:documentId/attribution',
      summary: "Equal voice: each party's share of the document's text, overall and per field",
      access: 'workspace.read',
      params: DocumentParams,
      status: 200,
      response: DocumentAttribution,
      handle: async ({ params }) => attribution.ofDocument(await documentOf(params.documentId)),
    }),
  ]
}
