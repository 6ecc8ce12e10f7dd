import * as z from 'zod/mini'
import { AgreementCalendars } from '../agreement/partnership-calendar'
import { PartnershipStatus } from '../agreement/partnership-status'
import { IndicatorReport } from '../agreement/procurement-indicators'
import { ClientAuthors } from '../attribution/client-authors'
import { DocumentAttribution } from '../attribution/party-shares'
import { DocumentRecord, DocumentTitle } from '../schema/document-record'
import { lazySchema } from '../schema/lazy-schema'
import { defineContract } from './route-contract'
import { DocumentParams, WorkspaceParams } from './workspace-routes'

/* Equal voice and agreement aids: attribution by party, procurement indicators, drafts, the calendar. */

/** `?lang=sv|en` of the iCalendar downloads. */
const CalendarQuery = lazySchema(() => z.object({ lang: z._default(z.enum(['sv', 'en']), 'sv') }))

const CreateDraftRequest = lazySchema(() =>
  z.object({ title: z._default(DocumentTitle, 'Överenskommelse (utkast)') }),
)

export const getAttribution = defineContract({
  method: 'get',
  path: '/api/documents/:documentId/attribution',
  summary: "Equal voice: each party's share of the document's text, overall and per field",
  params: DocumentParams,
  status: 200,
  response: DocumentAttribution,
})

export const getAuthors = defineContract({
  method: 'get',
  path: '/api/documents/:documentId/authors',
  summary: 'Which party wrote with each Yjs client id of the document (for the colour-by-party view)',
  params: DocumentParams,
  status: 200,
  response: ClientAuthors,
})

export const getIndicators = defineContract({
  method: 'get',
  path: '/api/documents/:documentId/indicators',
  summary: 'Procurement indicators of an agreement: each met, not met or unknown, with its reason and text',
  params: DocumentParams,
  status: 200,
  response: IndicatorReport,
})

export const createAgreementDraft = defineContract({
  method: 'post',
  path: '/api/workspaces/:workspaceId/agreement-drafts',
  summary: "Create an agreement draft prefilled from the workspace's worksheets (marked as a starting point)",
  params: WorkspaceParams,
  body: CreateDraftRequest,
  status: 201,
  response: DocumentRecord,
})

export const getCalendars = defineContract({
  method: 'get',
  path: '/api/workspaces/:workspaceId/calendar',
  summary: 'The partnership calendar of every agreement with a start and end date',
  params: WorkspaceParams,
  status: 200,
  response: AgreementCalendars,
})

export const getStatus = defineContract({
  method: 'get',
  path: '/api/workspaces/:workspaceId/status',
  summary:
    'Where the partnership stands: its stage, and each step of the process with its date, done or overdue',
  params: WorkspaceParams,
  status: 200,
  response: PartnershipStatus,
})

export const getStatusCalendar = defineContract({
  method: 'get',
  path: '/api/workspaces/:workspaceId/status.ics',
  summary:
    "The partnership's steps with their dates (done or overdue) and its meetings, as an iCalendar feed",
  params: WorkspaceParams,
  query: CalendarQuery,
  status: 200,
  produces: ['text/calendar'],
})

export const getDocumentCalendar = defineContract({
  method: 'get',
  path: '/api/documents/:documentId/calendar.ics',
  summary: "An agreement's partnership calendar as an iCalendar file (imports into Outlook)",
  params: DocumentParams,
  query: CalendarQuery,
  status: 200,
  produces: ['text/calendar'],
})
