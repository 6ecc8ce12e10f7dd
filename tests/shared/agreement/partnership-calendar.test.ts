import fc from 'fast-check'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  partnershipCalendar,
  partnershipNotices,
  toIcs,
} from '../../../shared/agreement/partnership-calendar'

describe('the partnership calendar', () => {
  const events = partnershipCalendar('2027-01-01', '2029-12-31')
  const byId = (id: string) => events.find((event) => event.id === id)

  it('a 2027-01-01 → 2029-12-31 agreement: follow-ups in Q4 2027 and 2028, evaluation in Q1–Q2 2029, final report by 2029-09-30', () => {
    expect(
      events.filter((event) => event.id.startsWith('follow-up')).map(({ start, end }) => [start, end]),
    ).toEqual([
      ['2027-10-01', '2027-12-31'],
      ['2028-10-01', '2028-12-31'],
    ])
    expect(byId('evaluation-2029')).toMatchObject({ start: '2029-01-01', end: '2029-06-30' })
    expect(byId('final-report')).toMatchObject({ start: '2029-09-30', end: '2029-09-30' })
    expect(byId('steering-group')?.repeatEveryMonths).toBe(4)
    expect(byId('working-group')?.repeatEveryMonths).toBe(3)
  })

  it('three months before the end clamps to the month’s last day, and a month’s last day stays the last day', () => {
    expect(addMonths('2029-12-31', -3)).toBe('2029-09-30')
    expect(addMonths('2028-05-31', -3)).toBe('2028-02-29')
    expect(addMonths('2027-03-15', -3)).toBe('2026-12-15')
    expect(addMonths('2029-06-30', -3)).toBe('2029-03-31')
  })

  it('a 2027-07-01 → 2029-06-30 agreement: the evaluation ends before the final report it feeds', () => {
    const midYear = partnershipCalendar('2027-07-01', '2029-06-30')
    const evaluation = midYear.find((event) => event.id.startsWith('evaluation'))!
    const report = midYear.find((event) => event.id === 'final-report')!
    expect(report.start).toBe('2029-03-31')
    expect(evaluation).toMatchObject({ start: '2028-07-01', end: '2028-12-31' })
    expect(evaluation.end < report.start).toBe(true)
    expect(midYear.filter((event) => event.id.startsWith('follow-up')).map((event) => event.start)).toEqual([
      '2027-10-01',
      '2028-10-01',
    ])
    expect(partnershipNotices('2027-07-01', '2029-06-30')).toEqual([])
  })

  it('a three-month agreement: nothing before the start, the report at the end, and a notice saying so', () => {
    const short = partnershipCalendar('2027-01-01', '2027-03-31')
    expect(short.every((event) => event.start >= '2027-01-01')).toBe(true)
    expect(short.find((event) => event.id === 'final-report')?.start).toBe('2027-03-31')
    expect(partnershipNotices('2027-01-01', '2027-03-31')).toEqual([
      'no-yearly-follow-up',
      'final-report-at-end',
    ])
  })

  it('holds for any start and end: nothing outside the agreement, the evaluation before the report, the report at the latest three months before the end when there is room, follow-ups in quarter four before the report, notices when the shape needs them', () => {
    const day = fc.integer({ min: 0, max: 365 * 20 }).map((offset) => addDays('2020-01-01', offset))
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 365 * 8 }), (start, length) => {
        const end = addDays(start, length)
        const events = partnershipCalendar(start, end)
        const notices = partnershipNotices(start, end)
        for (const event of events) {
          expect(event.start >= start, `${event.id} starts before the agreement`).toBe(true)
          expect(event.end <= end, `${event.id} ends after the agreement`).toBe(true)
          expect(event.start <= event.end).toBe(true)
        }
        const report = events.find((event) => event.id === 'final-report')!
        const threeMonthsBefore = addMonths(end, -3)
        if (threeMonthsBefore > start) {
          expect(report.start <= threeMonthsBefore).toBe(true)
          expect(notices).not.toContain('final-report-at-end')
        } else {
          expect(report.start).toBe(end)
          expect(notices).toContain('final-report-at-end')
        }
        const evaluation = events.find((event) => event.id.startsWith('evaluation'))
        if (evaluation !== undefined) expect(evaluation.end < report.start).toBe(true)
        const followUps = events.filter((event) => event.id.startsWith('follow-up'))
        for (const followUp of followUps) {
          expect(Number(followUp.start.slice(5, 7))).toBeGreaterThanOrEqual(10)
          expect(followUp.end < report.start).toBe(true)
        }
        expect(notices.includes('no-yearly-follow-up')).toBe(followUps.length === 0)
        // A year or more that includes a whole quarter four before the report gets its follow-up.
        if (length >= 2 * 365) expect(followUps.length).toBeGreaterThan(0)
      }),
      { numRuns: 2_000, seed: 2027 },
    )
  })

  it('refuses an agreement that ends before it starts, and a date that is not a date', () => {
    expect(() => partnershipCalendar('2029-01-01', '2028-12-31')).toThrow(RangeError)
    expect(() => partnershipCalendar('2027-02-30', '2028-12-31')).toThrow()
  })

  it('exports valid iCalendar that a parser reads back with the same dates, names and repetition', () => {
    const ics = toIcs(events, {
      partnership: 'Mötesplats Järva; äldre, ensamhet',
      uidDomain: 'samverkstad.example.se',
      stamp: '2026-11-22T12:00:00.000Z',
      until: '2029-12-31',
    })
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    for (const line of ics.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    const calendar = new ICAL.Component(ICAL.parse(ics))
    const parsed = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component))
    expect(parsed).toHaveLength(events.length)
    const followUp = parsed.find((event) => event.uid.startsWith('follow-up-2027'))!
    expect(followUp.startDate.toString()).toBe('2027-10-01')
    expect(followUp.endDate.toString()).toBe('2028-01-01')
    expect(followUp.summary).toBe('Uppföljning 2027 – Mötesplats Järva; äldre, ensamhet')
    const report = parsed.find((event) => event.uid.startsWith('final-report'))!
    expect(report.startDate.toString()).toBe('2029-09-30')
    const working = parsed.find((event) => event.uid.startsWith('working-group'))!
    expect(working.isRecurring()).toBe(true)
    const iterator = working.iterator()
    const occurrences: string[] = []
    for (let next = iterator.next(); next !== null && next !== undefined; next = iterator.next())
      occurrences.push(next.toString())
    expect(occurrences.filter((date) => date.startsWith('2028'))).toHaveLength(4)
  })
})
