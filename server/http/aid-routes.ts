import { z } from 'zod'
import { IndicatorReport } from '../../shared/agreement/procurement-indicators'
import { DocumentAttribution } from '../../shared/attribution/party-shares'
import { DocumentRecord, DocumentTitle } from '../../shared/schema/document-record'
import { EntityId } from '../../shared/schema/entity-id'
import type { AgreementAidService } from '../agreement/AgreementAidService'
import type { AttributionService } from '../attribution/AttributionService'
import { ApiError } from '../errors/ApiError'
import type { WorkspaceService } from '../workspaces/WorkspaceService'
import { type ApiRoute, defineRoute } from './api-route'
import { fileResponse } from './document-routes'

const DocumentParams = z.object({ documentId: EntityId })

export interface AidRoutesOptions {
  readonly workspaces: WorkspaceService
  readonly attribution: AttributionService
  readonly agreements: AgreementAidService
}

const WorkspaceParams = z.object({ workspaceId: EntityId })
const CreateDraftRequest = z.object({ title: DocumentTitle.default('Överenskommelse (utkast)') })
const CalendarEvent = z.object({
  id: z.string(),
  title: z.object({ sv: z.string(), en: z.string() }),
  description: z.object({ sv: z.string(), en: z.string() }),
  start: z.string(),
  end: z.string(),
  repeatEveryMonths: z.number().int().positive().optional(),
})
const CalendarsResponse = z.object({
  agreements: z.array(
    z.object({
      documentId: EntityId,
      title: z.string(),
      start: z.string().nullable(),
      end: z.string().nullable(),
      events: z.array(CalendarEvent),
    }),
  ),
})

/** Equal voice and agreement aids: attribution by party, procurement indicators, drafts, the calendar. */
export const aidRoutes = ({ workspaces, attribution, agreements }: AidRoutesOptions): ApiRoute[] => {
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
    defineRoute({
      method: 'get',
      path: '/api/documents/:documentId/indicators',
      summary:
        'Procurement indicators of an agreement: each met, not met or unknown, with its reason and text',
      access: 'workspace.read',
      params: DocumentParams,
      status: 200,
      response: IndicatorReport,
      handle: async ({ params }) => ({
        indicators: await agreements.indicators(await documentOf(params.documentId)),
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
      response: CalendarsResponse,
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
      handle: async ({ params, query, origin }) =>
        fileResponse(
          await agreements.ics(await documentOf(params.documentId), query.lang, new URL(origin).hostname),
        ),
    }),
  ]
}
