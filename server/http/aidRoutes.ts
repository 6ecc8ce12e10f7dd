import { z } from 'zod'
import { AgreementCalendars } from '../../shared/agreement/partnership-calendar'
import { IndicatorReport } from '../../shared/agreement/procurement-indicators'
import { ClientAuthors } from '../../shared/attribution/client-authors'
import { DocumentAttribution } from '../../shared/attribution/party-shares'
import { DocumentRecord, DocumentTitle } from '../../shared/schema/document-record'
import { EntityId } from '../../shared/schema/entity-id'
import type { AgreementAidService } from '../agreement/AgreementAidService'
import type { AttributionService } from '../attribution/AttributionService'
import { ApiError } from '../errors/ApiError'
import { type ApiRoute, defineRoute, routeDocument } from './ApiRoute'
import { fileResponse } from './documentRoutes'

const DocumentParams = z.object({ documentId: EntityId })

export interface AidRoutesOptions {
  readonly attribution: AttributionService
  readonly agreements: AgreementAidService
}

const WorkspaceParams = z.object({ workspaceId: EntityId })
const CreateDraftRequest = z.object({ title: DocumentTitle.default('Överenskommelse (utkast)') })
/** Equal voice and agreement aids: attribution by party, procurement indicators, drafts, the calendar. */
export const aidRoutes = ({ attribution, agreements }: AidRoutesOptions): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: '/api/documents/:documentId/attribution',
    summary: "Equal voice: each party's share of the document's text, overall and per field",
    access: 'workspace.read',
    params: DocumentParams,
    status: 200,
    response: DocumentAttribution,
    handle: async ({ document }) => attribution.ofDocument(routeDocument(document)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/documents/:documentId/authors',
    summary: 'Which party wrote with each Yjs client id of the document (for the colour-by-party view)',
    access: 'workspace.read',
    params: DocumentParams,
    status: 200,
    response: ClientAuthors,
    handle: async ({ document }) => attribution.authors(routeDocument(document)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/documents/:documentId/indicators',
    summary: 'Procurement indicators of an agreement: each met, not met or unknown, with its reason and text',
    access: 'workspace.read',
    params: DocumentParams,
    status: 200,
    response: IndicatorReport,
    handle: async ({ document }) => ({
      indicators: await agreements.indicators(routeDocument(document)),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/workspaces/:workspaceId/agreement-drafts',
    summary:
      "Create an agreement draft prefilled from the workspace's worksheets (marked as a starting point)",
    access: 'document.create',
    params: WorkspaceParams,
    body: CreateDraftRequest,
    status: 201,
    response: DocumentRecord,
    handle: async ({ member, body }) => {
      if (member === null) throw new ApiError('unauthorized', 'no session')
      return agreements.createDraft(member, body.title)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/workspaces/:workspaceId/calendar',
    summary: 'The partnership calendar of every agreement with a start and end date',
    access: 'workspace.read',
    params: WorkspaceParams,
    status: 200,
    response: AgreementCalendars,
    handle: async ({ params }) => ({ agreements: await agreements.calendars(params.workspaceId) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/documents/:documentId/calendar.ics',
    summary: "An agreement's partnership calendar as an iCalendar file (imports into Outlook)",
    access: 'workspace.read',
    params: DocumentParams,
    query: z.object({ lang: z.enum(['sv', 'en']).default('sv') }),
    status: 200,
    produces: ['text/calendar'],
    handle: async ({ document, query, origin }) =>
      fileResponse(await agreements.ics(routeDocument(document), query.lang, new URL(origin).hostname)),
  }),
]
