import * as aidApi from '../../shared/api/aid-routes'
import type { AgreementAidService } from '../agreement/AgreementAidService'
import type { AttributionService } from '../attribution/AttributionService'
import { ApiError } from '../errors/ApiError'
import { type ApiRoute, defineRoute, routeDocument } from './ApiRoute'
import { fileResponse } from './documentRoutes'

export interface AidRoutesOptions {
  readonly attribution: AttributionService
  readonly agreements: AgreementAidService
}

/** Equal voice and agreement aids: attribution by party, procurement indicators, drafts, the calendar. */
export const aidRoutes = ({ attribution, agreements }: AidRoutesOptions): ApiRoute[] => [
  defineRoute(aidApi.getAttribution, {
    access: 'workspace.read',
    handle: async ({ document }) => attribution.ofDocument(routeDocument(document)),
  }),
  defineRoute(aidApi.getAuthors, {
    access: 'workspace.read',
    handle: async ({ document }) => attribution.authors(routeDocument(document)),
  }),
  defineRoute(aidApi.getIndicators, {
    access: 'workspace.read',
    handle: async ({ document }) => ({
      indicators: await agreements.indicators(routeDocument(document)),
    }),
  }),
  defineRoute(aidApi.createAgreementDraft, {
    access: 'document.create',
    handle: async ({ member, body }) => {
      if (member === null) throw new ApiError('unauthorized', 'no session')
      return agreements.createDraft(member, body.title)
    },
  }),
  defineRoute(aidApi.getCalendars, {
    access: 'workspace.read',
    handle: async ({ params }) => ({ agreements: await agreements.calendars(params.workspaceId) }),
  }),
  defineRoute(aidApi.getStatus, {
    access: 'workspace.read',
    handle: ({ params }) => agreements.status(params.workspaceId),
  }),
  defineRoute(aidApi.getStatusCalendar, {
    access: 'workspace.read',
    handle: async ({ params, query, origin }) =>
      fileResponse(await agreements.statusIcs(params.workspaceId, query.lang, new URL(origin).hostname)),
  }),
  defineRoute(aidApi.getDocumentCalendar, {
    access: 'workspace.read',
    handle: async ({ document, query, origin }) =>
      fileResponse(await agreements.ics(routeDocument(document), query.lang, new URL(origin).hostname)),
  }),
]
