import * as z from 'zod/mini'
import { lazySchema } from '../schema/lazy-schema'
import { addDays, type PartnershipEvent } from './partnership-calendar'

/** Where the partnership is in Järva's process: before the agreement, under it, or at its end. */
export const PartnershipStage = z.enum(['inleda', 'genomfora', 'avsluta'])
export type PartnershipStage = z.infer<typeof PartnershipStage>

/** One step the process asks for: when it is due, whether it is done, and the document that is it. */
export const StatusItem = lazySchema(() =>
  z.object({
    id: z.string(),
    title: z.object({ sv: z.string(), en: z.string() }),
    /** The last day it is due (YYYY-MM-DD); null for a step without a date. */
    due: z.nullable(z.string()),
    done: z.boolean(),
    overdue: z.boolean(),
    documentId: z.nullable(z.string()),
  }),
)
export type StatusItem = z.infer<typeof StatusItem>

export const PartnershipStatus = lazySchema(() =>
  z.object({ stage: PartnershipStage, items: z.array(StatusItem) }),
)
export type PartnershipStatus = z.infer<typeof PartnershipStatus>

/** What the status needs to know of each document, read from its value by the server. */
export interface StatusDocument {
  readonly id: string
  readonly template: string
  readonly createdAt: string
  /** An initiative checklist's "received" date; a meeting's date (minutes), a café's creation day. */
  readonly date: string | null
  /** Minutes: the kind of meeting. */
  readonly meetingKind?: string | null
  /** A version agreed by every party exists (agreements). */
  readonly agreed?: boolean
  /** A party's recorded decision exists on an agreed version (agreements). */
  readonly decided?: boolean
}

export interface StatusInput {
  /** Today, in the partnership's time zone (YYYY-MM-DD). */
  readonly today: string
  readonly documents: readonly StatusDocument[]
  /** The agreement's calendar (empty until it has dates). */
  readonly calendar: readonly PartnershipEvent[]
  /** The agreement's end date, if known. */
  readonly agreementEnd: string | null
}

const t = (sv: string, en: string) => ({ sv, en })

/**
 * Where the partnership stands and what is due (Järva 2.1–2.3): the first meeting within four weeks of an
 * initiative, the idémöten held, the municipality's review, the agreement agreed by both parties and their
 * decisions, each yearly follow-up, the evaluation and the final report — each linked to its document when
 * there is one, and marked overdue once its day has passed undone. Pure: the server reads the documents.
 */
export const partnershipStatus = ({
  today,
  documents,
  calendar,
  agreementEnd,
}: StatusInput): PartnershipStatus => {
  const of = (template: string) =>
    documents
      .filter((document) => document.template === template)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  const item = (
    id: string,
    title: { sv: string; en: string },
    due: string | null,
    document: StatusDocument | undefined,
    done = document !== undefined,
  ): StatusItem => ({
    id,
    title,
    due,
    done,
    overdue: !done && due !== null && due < today,
    documentId: document?.id ?? null,
  })
  const items: StatusItem[] = []

  const initiative = of('initiative-checklist').find((document) => document.date !== null)
  const meetings = [
    ...of('minutes').filter((document) => document.date !== null),
    ...of('cafe').map((document) => ({
      ...document,
      date: document.date ?? document.createdAt.slice(0, 10),
    })),
  ].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
  if (initiative?.date != null) {
    const received = initiative.date
    const first = meetings.find((meeting) => (meeting.date ?? '') >= received)
    items.push(
      item(
        'initiative',
        t(`Initiativ mottaget ${received}`, `Initiative received ${received}`),
        null,
        initiative,
      ),
      item(
        'first-meeting',
        t(
          'Första mötet, inom fyra veckor från initiativet',
          'First meeting, within four weeks of the initiative',
        ),
        addDays(received, 28),
        first,
      ),
    )
  }
  const ideaMeetings = meetings.filter(
    (meeting) => meeting.template === 'cafe' || meeting.meetingKind === 'idea-meeting',
  )
  items.push(
    item(
      'idea-meetings',
      t(`Idémöten hållna: ${ideaMeetings.length}`, `Idea meetings held: ${ideaMeetings.length}`),
      null,
      ideaMeetings.at(-1),
    ),
    item('review', t('Kommunens granskning', "The municipality's review"), null, of('review').at(-1)),
  )
  const agreements = of('agreement')
  const agreed = agreements.find((document) => document.agreed === true)
  items.push(
    item(
      'agreement',
      t('Överenskommelsen godkänd av båda parter', 'The agreement approved by both parties'),
      null,
      agreed ?? agreements.at(-1),
      agreed !== undefined,
    ),
    item(
      'decisions',
      t('Parternas beslut om överenskommelsen', "The parties' decisions on the agreement"),
      null,
      agreements.find((document) => document.decided === true) ?? agreed,
      agreements.some((document) => document.decided === true),
    ),
  )
  const followUps = of('follow-up')
  for (const event of calendar) {
    if (event.repeatEveryMonths !== undefined) continue
    if (event.id.startsWith('follow-up')) {
      const year = event.id.slice('follow-up-'.length)
      const done = followUps.find((document) => document.createdAt.slice(0, 4) === year)
      items.push(item(event.id, event.title, event.end, done))
    } else if (event.id.startsWith('evaluation')) {
      items.push(item(event.id, event.title, event.end, of('evaluation').at(-1)))
    } else if (event.id === 'final-report') {
      items.push(item(event.id, event.title, event.end, of('final-report').at(-1)))
    }
  }
  const report = calendar.find((event) => event.id === 'final-report')
  const stage: PartnershipStage =
    agreed === undefined
      ? 'inleda'
      : (report !== undefined && today >= report.start) || (agreementEnd !== null && today > agreementEnd)
        ? 'avsluta'
        : 'genomfora'
  return { stage, items }
}
