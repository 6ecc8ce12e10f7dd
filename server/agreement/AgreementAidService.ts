import { draftAgreement, partiesRows } from '../../shared/agreement/draft-from-worksheets'
import {
  type CalendarNotice,
  type PartnershipEvent,
  partnershipCalendar,
  partnershipNotices,
  toIcs,
} from '../../shared/agreement/partnership-calendar'
import {
  type PartnershipStatus,
  partnershipStatus,
  type StatusDocument,
} from '../../shared/agreement/partnership-status'
import { type Indicator, procurementIndicators } from '../../shared/agreement/procurement-indicators'
import type { DocumentValue } from '../../shared/document/field-value'
import { emptyDocumentValue } from '../../shared/document/field-value'
import type { DocumentRecord } from '../../shared/schema/document-record'
import type { TemplateId } from '../../shared/schema/template-id'
import { fieldsOf } from '../../shared/templates/template'
import type { DocumentService, ExportFile } from '../documents/DocumentService'
import { ApiError } from '../errors/ApiError'
import type { MemberRecord, VersionStore, WorkspaceStore } from '../storage/port'
import type { WorkspaceService } from '../workspaces/WorkspaceService'
import { swedishLexicon } from './swedishLexicon'

/** The day it is in Sweden (the partnerships' deadlines are Swedish days), as YYYY-MM-DD. */
const stockholmDate = (now: Date): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now)

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
      /** For whether an agreement was agreed and decided (the partnership's status). */
      readonly versions: VersionStore
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

  /**
   * Where the partnership stands and what is due, from its documents: each step of Järva's process with its
   * date, done or not, overdue or not, and its document (see shared/agreement/partnership-status.ts).
   */
  async status(workspaceId: string): Promise<PartnershipStatus> {
    return (await this.statusAndCalendar(workspaceId)).status
  }

  /** The status with the dated agreement's calendar it was computed from (the feed needs both, read once). */
  private async statusAndCalendar(
    workspaceId: string,
  ): Promise<{ status: PartnershipStatus; dated: AgreementCalendar | undefined }> {
    const [documents, parties] = await Promise.all([
      this.options.store.listDocuments(workspaceId),
      this.options.store.listParties(workspaceId),
    ])
    const facts = await Promise.all(
      documents.map(async (document): Promise<StatusDocument> => {
        const base = {
          id: document.id,
          template: document.template,
          createdAt: document.createdAt,
          date: null,
        }
        const dateOf = (value: DocumentValue, field: string) => {
          const date = value.fields[field]
          return typeof date === 'string' && date !== '' ? date : null
        }
        switch (document.template) {
          case 'initiative-checklist':
            return { ...base, date: dateOf(await this.options.documents.value(document), 'received') }
          case 'minutes': {
            const value = await this.options.documents.value(document)
            const kind = value.fields['meeting-kind']
            return {
              ...base,
              date: dateOf(value, 'meeting-date'),
              meetingKind: typeof kind === 'string' ? kind : null,
            }
          }
          case 'cafe':
            return { ...base, date: document.createdAt.slice(0, 10) }
          case 'agreement': {
            const [versions, approvals, decisions] = await Promise.all([
              this.options.versions.listVersions(document.id),
              this.options.versions.listApprovals(document.id),
              this.options.versions.listDecisions(document.id),
            ])
            const agreedNumbers = versions
              .map((version) => version.number)
              .filter((number) =>
                parties.every((party) => (approvals.get(number) ?? []).some((a) => a.partyId === party.id)),
              )
            return {
              ...base,
              agreed: agreedNumbers.length > 0,
              decided: agreedNumbers.some((number) => (decisions.get(number) ?? []).length > 0),
            }
          }
          default:
            return base
        }
      }),
    )
    const calendars = await this.calendars(workspaceId)
    const dated = calendars.filter((calendar) => calendar.events.length > 0).at(-1)
    const status = partnershipStatus({
      today: stockholmDate(this.options.now?.() ?? new Date()),
      documents: facts,
      calendar: dated?.events ?? [],
      agreementEnd: dated?.end ?? null,
    })
    return { status, dated }
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
  /**
   * The whole partnership as one iCalendar feed: every step of its status that has a date (the first
   * meeting after an initiative, each follow-up, the evaluation, the final report), said to be done or
   * overdue in its title, and the agreement's recurring meetings.
   */
  async statusIcs(workspaceId: string, locale: 'sv' | 'en', host: string): Promise<ExportFile> {
    const [{ status, dated }, workspace] = await Promise.all([
      this.statusAndCalendar(workspaceId),
      this.options.store.getWorkspace(workspaceId),
    ])
    const state = (done: boolean, overdue: boolean) =>
      done
        ? { sv: 'Klart: ', en: 'Done: ' }
        : overdue
          ? { sv: 'FÖRSENAT: ', en: 'OVERDUE: ' }
          : { sv: '', en: '' }
    const steps: PartnershipEvent[] = status.items.flatMap((item) => {
      if (item.due === null) return []
      const prefix = state(item.done, item.overdue)
      return [
        {
          id: `status-${item.id}`,
          title: { sv: prefix.sv + item.title.sv, en: prefix.en + item.title.en },
          description: item.title,
          start: item.due,
          end: item.due,
        },
      ]
    })
    const meetings = (dated?.events ?? []).filter((event) => event.repeatEveryMonths !== undefined)
    const body = toIcs([...steps, ...meetings], {
      partnership: workspace?.name ?? '',
      uidDomain: `${workspaceId}.${host}`,
      stamp: (this.options.now?.() ?? new Date()).toISOString(),
      locale,
      ...(dated?.end == null ? {} : { until: dated.end }),
    })
    return { body, contentType: 'text/calendar; charset=utf-8', filename: 'partnerskapet.ics' }
  }

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
