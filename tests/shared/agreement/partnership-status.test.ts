import { describe, expect, it } from 'vitest'
import { partnershipCalendar } from '../../../shared/agreement/partnership-calendar'
import { partnershipStatus, type StatusDocument } from '../../../shared/agreement/partnership-status'

const agreement: StatusDocument = {
  id: 'a',
  template: 'agreement',
  createdAt: '2026-11-01T10:00:00Z',
  date: null,
  agreed: true,
  decided: true,
}
const calendar = partnershipCalendar('2027-01-01', '2029-12-31')

describe('the partnership status', () => {
  it('under an agreed agreement: the stage is genomföra, a past follow-up without its document is overdue, one with it is done, coming ones are neither', () => {
    const followUp2027: StatusDocument = {
      id: 'f',
      template: 'follow-up',
      createdAt: '2027-11-15T10:00:00Z',
      date: null,
    }
    const status = partnershipStatus({
      today: '2029-02-01',
      documents: [agreement, followUp2027],
      calendar,
      agreementEnd: '2029-12-31',
    })
    expect(status.stage).toBe('genomfora')
    const byId = Object.fromEntries(status.items.map((entry) => [entry.id, entry]))
    expect(byId['agreement']).toMatchObject({ done: true, documentId: 'a' })
    expect(byId['decisions']).toMatchObject({ done: true })
    expect(byId['follow-up-2027']).toMatchObject({ done: true, overdue: false, documentId: 'f' })
    expect(byId['follow-up-2028']).toMatchObject({ done: false, overdue: true, due: '2028-12-31' })
    expect(byId['evaluation-2029']).toMatchObject({ done: false, overdue: false, due: '2029-06-30' })
    expect(byId['final-report']).toMatchObject({ done: false, overdue: false, due: '2029-09-30' })
  })

  it('is in inleda before an agreement is agreed, and in avsluta once the final report is due', () => {
    expect(
      partnershipStatus({
        today: '2027-03-01',
        documents: [{ ...agreement, agreed: false }],
        calendar,
        agreementEnd: null,
      }).stage,
    ).toBe('inleda')
    expect(
      partnershipStatus({ today: '2029-10-01', documents: [agreement], calendar, agreementEnd: '2029-12-31' })
        .stage,
    ).toBe('avsluta')
  })
})
