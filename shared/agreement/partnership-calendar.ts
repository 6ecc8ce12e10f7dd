import * as z from 'zod/mini'
import { lazySchema } from '../schema/lazy-schema'

/** A date as the agreement states it (YYYY-MM-DD). */
export const CalendarDate = z.iso.date()

export interface PartnershipEvent {
  readonly id: string
  readonly title: { readonly sv: string; readonly en: string }
  readonly description: { readonly sv: string; readonly en: string }
  /** First day (inclusive) and last day (inclusive) of the window, or the same day for a deadline. */
  readonly start: string
  readonly end: string
  /** A recurring meeting: every `months` months until the agreement ends. */
  readonly repeatEveryMonths?: number
}

const Localized = lazySchema(() => z.object({ sv: z.string(), en: z.string() }))

/** `GET /api/workspaces/:id/calendar`: each agreement of the workspace with its dates and their events. */
export const AgreementCalendars = lazySchema(() =>
  z.object({
    agreements: z.array(
      z.object({
        documentId: z.string(),
        title: z.string(),
        start: z.nullable(z.string()),
        end: z.nullable(z.string()),
        /** Where the agreement's shape departs from the usual one (too short for a yearly follow-up, …). */
        notices: z._default(z.array(z.enum(['no-yearly-follow-up', 'final-report-at-end'])), []),
        events: z.array(
          z.object({
            id: z.string(),
            title: Localized,
            description: Localized,
            start: z.string(),
            end: z.string(),
            repeatEveryMonths: z.optional(z.number().check(z.int(), z.positive())),
          }),
        ),
      }),
    ),
  }),
)
export type AgreementCalendars = z.infer<typeof AgreementCalendars>

const pad = (n: number) => String(n).padStart(2, '0')
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/**
 * `date` moved by `months`, on the same day of the month or the month's last day if it has fewer; a month's
 * last day moves to the other month's last day (three months before 30 June is 31 March).
 */
export const addMonths = (date: string, months: number): string => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const index = year * 12 + (month - 1) + months
  const y = Math.floor(index / 12)
  const m = (index % 12) + 1
  return iso(y, m, day === lastDayOf(year, month) ? lastDayOf(y, m) : Math.min(day, lastDayOf(y, m)))
}

/** A date `days` days later (earlier when negative). */
export const addDays = (date: string, days: number): string => {
  const moved = new Date(`${date}T00:00:00Z`)
  moved.setUTCDate(moved.getUTCDate() + days)
  return moved.toISOString().slice(0, 10)
}

/** Why a calendar differs from Järva's usual shape: said to the partners in words. */
export const CalendarNotice = z.enum(['no-yearly-follow-up', 'final-report-at-end'])
export type CalendarNotice = z.infer<typeof CalendarNotice>

/** The three dates everything else hangs on: the report deadline, and the evaluation window that feeds it. */
const milestones = (from: string, to: string) => {
  // At the latest three months before the end; an agreement shorter than that reports at its end.
  const threeMonthsBefore = addMonths(to, -3)
  const reportDue = threeMonthsBefore > from ? threeMonthsBefore : to
  // The evaluation takes the six months that end three months before the report (for an agreement that
  // runs calendar years: quarters one and two of the final year), within the agreement, and ends before
  // the report it feeds.
  const windowEnd = addMonths(reportDue, -3)
  const evaluationEnd = windowEnd >= from ? windowEnd : addDays(reportDue, -1)
  const sixMonthsBefore = addMonths(addDays(evaluationEnd, 1), -6)
  const evaluationStart = sixMonthsBefore > from ? sixMonthsBefore : from
  return { reportDue, evaluationStart, evaluationEnd, shortReport: reportDue === to }
}

/**
 * The dates Järva's process requires of a partnership running from `start` to `end` (inclusive), for any
 * shape of agreement — calendar years, mid-year, shorter than a year or longer than five: a follow-up in
 * quarter four of every year, as long as it ends before the final report is due; the evaluation in the six
 * months that end three months before the report (quarters one and two of the final year for calendar
 * years); the final report and the position on renegotiation at the latest three months before the end; and
 * the steering group (at least 3 a year: every 4 months) and working group (every 3 months). No date lies
 * before the start; `partnershipNotices` says where the shape departs from the usual one.
 */
export const partnershipCalendar = (start: string, end: string): PartnershipEvent[] => {
  const from = CalendarDate.parse(start)
  const to = CalendarDate.parse(end)
  if (to < from) throw new RangeError('the agreement ends before it starts')
  const { reportDue, evaluationStart, evaluationEnd } = milestones(from, to)
  const events: PartnershipEvent[] = []
  for (let year = Number(from.slice(0, 4)); iso(year, 10, 1) < reportDue; year++) {
    const windowStart = iso(year, 10, 1) < from ? from : iso(year, 10, 1)
    const windowEnd = iso(year, 12, 31)
    // The last year's follow-up is the final report itself.
    if (windowStart > windowEnd || windowEnd >= reportDue) continue
    events.push({
      id: `follow-up-${year}`,
      title: { sv: `Uppföljning ${year}`, en: `Follow-up ${year}` },
      description: {
        sv: 'Årlig uppföljning i dialog mellan parterna (kvartal fyra): verksamheten, statistik, ekonomi och hur IOP-medlen använts.',
        en: 'Yearly follow-up in dialogue between the parties (quarter four): the activity, statistics, finances and the use of IOP funds.',
      },
      start: windowStart,
      end: windowEnd,
    })
  }
  if (evaluationStart <= evaluationEnd) {
    const year = evaluationEnd.slice(0, 4)
    events.push({
      id: `evaluation-${year}`,
      title: { sv: `Utvärdering ${year}`, en: `Evaluation ${year}` },
      description: {
        sv: 'Utvärdering av hela perioden, klar i god tid före slutrapporten: genomförande, mål, båda parters bidrag, kostnadseffektivitet och lärande.',
        en: 'Evaluation of the whole period, done well before the final report: implementation, goals, both parties’ contributions, cost efficiency and learning.',
      },
      start: evaluationStart,
      end: evaluationEnd,
    })
  }
  events.push({
    id: 'final-report',
    title: { sv: 'Slutrapport och ställningstagande senast', en: 'Final report and position due' },
    description: {
      sv: 'Slutrapporten och båda parters ställningstagande om omförhandling ska lämnas senast tre månader före överenskommelsens slut.',
      en: 'The final report and both parties’ position on renegotiation are due at the latest three months before the agreement ends.',
    },
    start: reportDue,
    end: reportDue,
  })
  events.push({
    id: 'steering-group',
    title: { sv: 'Styrgruppsmöte', en: 'Steering group meeting' },
    description: {
      sv: 'Styrgruppen möts minst tre gånger per år.',
      en: 'The steering group meets at least three times a year.',
    },
    start: from,
    end: from,
    repeatEveryMonths: 4,
  })
  events.push({
    id: 'working-group',
    title: { sv: 'Arbetsgruppsmöte', en: 'Working group meeting' },
    description: {
      sv: 'Arbetsgruppen möts minst fyra gånger per år.',
      en: 'The working group meets at least four times a year.',
    },
    start: from,
    end: from,
    repeatEveryMonths: 3,
  })
  return events
}

/** Where an agreement's shape departs from Järva's usual one, for the partners to plan around. */
export const partnershipNotices = (start: string, end: string): CalendarNotice[] => {
  const events = partnershipCalendar(start, end)
  const { shortReport } = milestones(CalendarDate.parse(start), CalendarDate.parse(end))
  return [
    ...(events.some((event) => event.id.startsWith('follow-up')) ? [] : (['no-yearly-follow-up'] as const)),
    ...(shortReport ? (['final-report-at-end'] as const) : []),
  ]
}

const escapeText = (text: string) =>
  text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')

/** RFC 5545 line folding: at most 75 octets a line, continued with a space, never inside a UTF-8 character. */
const fold = (line: string): string => {
  const encoder = new TextEncoder()
  const parts: string[] = []
  let current = ''
  for (const char of line) {
    const limit = parts.length === 0 ? 75 : 74
    if (encoder.encode(current + char).length > limit) {
      parts.push(current)
      current = char
    } else current += char
  }
  parts.push(current)
  return parts.join('\r\n ')
}

const compact = (date: string) => date.replaceAll('-', '')

/**
 * The calendar as an iCalendar file (all-day events) that Outlook and other calendars import.
 *
 * @example
 * toIcs(partnershipCalendar('2027-01-01', '2029-12-31'), { partnership: 'Mötesplats Järva', uidDomain: 'samverkstad.example.se', stamp: '2026-11-22T12:00:00Z' })
 */
export const toIcs = (
  events: readonly PartnershipEvent[],
  {
    partnership,
    uidDomain,
    stamp,
    locale = 'sv',
    until,
  }: { partnership: string; uidDomain: string; stamp: string; locale?: 'sv' | 'en'; until?: string },
): string => {
  const dtstamp = `${stamp.replace(/[-:]/g, '').replace(/\.\d+/, '').slice(0, 15)}Z`
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Samverkstad//Partnerskapskalender//SV',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(partnership)}`,
  ]
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.id}-${compact(event.start)}@${uidDomain}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${compact(event.start)}`,
      // DTEND of an all-day event is exclusive: the day after the last day.
      `DTEND;VALUE=DATE:${compact(addDays(event.end, 1))}`,
      `SUMMARY:${escapeText(`${event.title[locale]} – ${partnership}`)}`,
      `DESCRIPTION:${escapeText(event.description[locale])}`,
    )
    if (event.repeatEveryMonths !== undefined) {
      lines.push(
        `RRULE:FREQ=MONTHLY;INTERVAL=${event.repeatEveryMonths}${until ? `;UNTIL=${compact(until)}` : ''}`,
      )
    }
    lines.push('END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return `${lines.map(fold).join('\r\n')}\r\n`
}
