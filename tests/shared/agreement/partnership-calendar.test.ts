import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { addMonths, partnershipCalendar, toIcs } from '../../../shared/agreement/partnership-calendar'

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

  it('three months before the end clamps to the month’s last day', () => {
    expect(addMonths('2029-12-31', -3)).toBe('2029-09-30')
    expect(addMonths('2028-05-31', -3)).toBe('2028-02-29')
    expect(addMonths('2027-03-15', -3)).toBe('2026-12-15')
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
