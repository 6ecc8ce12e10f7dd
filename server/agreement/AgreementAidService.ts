import { draftAgreement, partiesRows } from '../../shared/agreement/draft-from-worksheets'
import {
  type CalendarNotice,
  type PartnershipEvent,
  partnershipCalendar,
  partnershipNotices,
  toIcs,
} from '../../shared/agreement/partnership-calendar'
import { type Indicator, procurementIndicators } from '../../shared/agreement/procurement-indicators'
import { emptyDocumentValue } from '../../shared/document/field-value'
import type { DocumentRecord } from '../../shared/schema/document-record'
import type { TemplateId } from '../../shared/schema/template-id'
import { fieldsOf } from '../../shared/templates/template'
import type { DocumentService, ExportFile } from '../documents/DocumentService'
import { ApiError } from '../errors/ApiError'
import type { MemberRecord, WorkspaceStore } from '../storage/port'
import type { WorkspaceService } from '../workspaces/WorkspaceService'
import { swedishLexicon } from './swedishLexicon'

/** The calendar of one agreement: its events, or why there are none yet. */
export interface AgreementCalendar {
  readonly documentId: string
  readonly title: string
  readonly start: string | null
  readonly end: string | null
  readonly notices: readonly CalendarNotice[]
  readonly events: readonly PartnershipEvent[]
}

/**
 * The aids for writing an agreement that reads as a partnership: procurement indicators, a draft prefilled
 * from the worksheets, and the partnership calendar that follows from the agreement's dates.
 */
export class AgreementAidService {
  constructor(
    private readonly options: {
      readonly workspaces: WorkspaceService
      readonly store: WorkspaceStore
      readonly documents: DocumentService
      readonly now?: () => Date
    },
  ) {}

  async indicators(document: DocumentRecord): Promise<Indicator[]> {
    if (document.template !== 'agreement') {
      throw new ApiError(
        'conflict',
        'procurement indicators are computed for agreements (template "agreement")',
      )
    }
    const [value, parties, workspace, vocabulary] = await Promise.all([
      this.options.documents.value(document),
      this.options.store.listParties(document.workspaceId),
      this.options.store.getWorkspace(document.workspaceId),
      this.options.workspaces.vocabulary(document.workspaceId),
    ])
    return procurementIndicators({
      template: this.options.documents.templateOf(document),
      value,
      parties,
      initiativeParty: workspace?.initiativeParty ?? null,
      vocabulary: vocabulary.terms,
      lexicon: swedishLexicon(),
    })
  }

  /**
   * Creates an agreement whose sections start from the workspace's newest DWA worksheets (see
   * shared/agreement/draft-from-worksheets.ts). Refused when there is no filled worksheet to start from.
   */
  async createDraft(member: MemberRecord, title: string): Promise<DocumentRecord> {
    const documents = await this.options.store.listDocuments(member.workspaceId)
    const newest = (template: TemplateId) =>
      documents.filter((document) => document.template === template).at(-1)
    const sheets = await Promise.all(
      (['dwa-1', 'dwa-2'] as const).flatMap((template) => {
        const document = newest(template)
        if (document === undefined) return []
        return [
          this.options.documents
            .value(document)
            .then((value) => ({ template: this.options.documents.templateOf(document), value })),
        ]
      }),
    )
    // The newest café's harvest: its ideas with sign-ups become candidate commitments.
    const cafe = newest('cafe')
    const harvest = cafe === undefined ? [] : ((await this.options.documents.value(cafe)).cafe?.ideas ?? [])
    const agreementTemplate = this.options.documents.templateOf({ template: 'agreement' })
    const fields = draftAgreement(agreementTemplate, sheets, undefined, harvest)
    if (Object.keys(fields).length === 0) {
      throw new ApiError(
        'conflict',
        'the workspace has no filled worksheet (dwa-1 or dwa-2) or café harvest with sign-ups to start a draft from',
      )
    }
    const document = await this.options.workspaces.createDocument(member, { template: 'agreement', title })
    const value = await this.options.documents.value(document)
    const empty = emptyDocumentValue(agreementTemplate)
    // Parter: who the workspace says the parties are.
    const [parties, members] = await Promise.all([
      this.options.store.listParties(member.workspaceId),
      this.options.store.listMembers(member.workspaceId),
    ])
    const partyTable = fieldsOf(agreementTemplate).some(
      (field) => field.id === 'parties' && field.kind === 'table',
    )
      ? { parties: partiesRows(parties, members) }
      : {}
    await this.options.documents.replaceContent(document, {
      ...value,
      fields: { ...empty.fields, ...value.fields, ...fields, ...partyTable },
    })
    return document
  }

  /** The calendar of every agreement of the workspace that has a start and an end date. */
  async calendars(workspaceId: string): Promise<AgreementCalendar[]> {
    const documents = (await this.options.store.listDocuments(workspaceId)).filter(
      (document) => document.template === 'agreement',
    )
    return Promise.all(documents.map((document) => this.calendarOf(document)))
  }

  private async calendarOf(document: DocumentRecord): Promise<AgreementCalendar> {
    const value = await this.options.documents.value(document)
    const start = (value.fields['start-date'] as string | null | undefined) ?? null
    const end = (value.fields['end-date'] as string | null | undefined) ?? null
    const shaped = start !== null && end !== null && end >= start
    const events = shaped ? partnershipCalendar(start, end) : []
    const notices = shaped ? partnershipNotices(start, end) : []
    return { documentId: document.id, title: document.title, start, end, notices, events }
  }

  /** One agreement's calendar as an iCalendar file that Outlook imports. */
  async ics(document: DocumentRecord, locale: 'sv' | 'en', host: string): Promise<ExportFile> {
    if (document.template !== 'agreement') {
      throw new ApiError(
        'conflict',
        'a partnership calendar follows from an agreement (template "agreement")',
      )
    }
    const calendar = await this.calendarOf(document)
    if (calendar.events.length === 0) {
      throw new ApiError('conflict', 'the agreement needs a start and an end date for its calendar')
    }
    const workspace = await this.options.store.getWorkspace(document.workspaceId)
    const body = toIcs(calendar.events, {
      partnership: workspace?.name ?? document.title,
      uidDomain: `${document.id}.${host}`,
      stamp: (this.options.now?.() ?? new Date()).toISOString(),
      locale,
      ...(calendar.end === null ? {} : { until: calendar.end }),
    })
    return { body, contentType: 'text/calendar; charset=utf-8', filename: 'partnerskapskalender.ics' }
  }
}
