import { describe, expect, it } from 'vitest'
import { BudgetRow, type BudgetValue, budgetTotals, rowAmount } from '../../../shared/document/budget'

const kommun = 'a'.repeat(32)
const forening = 'b'.repeat(32)
const row = (fields: Partial<BudgetRow> & Pick<BudgetRow, 'id' | 'kind'>): BudgetRow => ({
  party: null,
  description: '',
  quantity: null,
  unitValue: null,
  ...fields,
})

describe('co-financing budget', () => {
  const budget: BudgetValue = {
    hourlyValue: 300,
    rows: [
      row({
        id: 'bidrag',
        party: kommun,
        kind: 'money',
        description: 'Verksamhetsbidrag',
        quantity: 1,
        unitValue: 400_000,
      }),
      row({
        id: 'lokal',
        party: kommun,
        kind: 'premises',
        description: 'Lokal på Tensta torg, 12 mån',
        quantity: 12,
        unitValue: 8_000,
      }),
      row({
        id: 'ideell',
        party: forening,
        kind: 'volunteer-hours',
        description: 'Läxhjälp',
        quantity: 1_200,
        unitValue: null,
      }),
      row({
        id: 'egna',
        party: forening,
        kind: 'money',
        description: 'Insamlade medel',
        quantity: 1,
        unitValue: 50_000,
      }),
      row({
        id: 'utrustning',
        party: forening,
        kind: 'equipment',
        description: 'Datorer',
        quantity: 0,
        unitValue: 9_000,
      }),
      row({
        id: 'okänt',
        party: forening,
        kind: 'expertise',
        description: 'Handledning',
        quantity: 10,
        unitValue: null,
      }),
    ],
  }

  it('values volunteer hours at the document hourly value and other rows at quantity × unit value', () => {
    expect(rowAmount(budget.rows[2]!, 300)).toBe(360_000)
    expect(rowAmount(budget.rows[1]!, 300)).toBe(96_000)
    expect(rowAmount(budget.rows[4]!, 300)).toBe(0)
    expect(rowAmount(budget.rows[5]!, 300)).toBeNull()
    expect(rowAmount({ ...budget.rows[2]!, unitValue: 250 }, 300)).toBe(300_000)
    expect(rowAmount(budget.rows[2]!, null)).toBeNull()
  })

  it('totals money and in-kind per party and gives each party its share of the whole', () => {
    const totals = budgetTotals(budget, [kommun, forening])
    expect(totals.parties).toEqual([
      { party: kommun, money: 400_000, inKind: 96_000, total: 496_000, share: 496_000 / 906_000 },
      { party: forening, money: 50_000, inKind: 360_000, total: 410_000, share: 410_000 / 906_000 },
    ])
    expect(totals.total).toBe(906_000)
    expect(totals.money).toBe(450_000)
    expect(totals.inKind).toBe(456_000)
    expect(totals.incompleteRows).toEqual(['okänt'])
    const shares = totals.parties.reduce((sum, line) => sum + (line.share ?? 0), 0)
    expect(shares).toBeCloseTo(1, 10)
  })

  it('gives every party a line even with nothing in it, and collects rows without a known party last', () => {
    const totals = budgetTotals(
      {
        hourlyValue: 300,
        rows: [
          row({ id: 'x', kind: 'money', quantity: 1, unitValue: 100 }),
          row({ id: 'y', party: 'c'.repeat(32), kind: 'other', quantity: 2, unitValue: 50 }),
        ],
      },
      [kommun, forening],
    )
    expect(totals.parties).toEqual([
      { party: kommun, money: 0, inKind: 0, total: 0, share: 0 },
      { party: forening, money: 0, inKind: 0, total: 0, share: 0 },
      { party: null, money: 100, inKind: 100, total: 200, share: 1 },
    ])
  })

  it('an empty or all-zero budget has no shares rather than dividing by zero', () => {
    expect(budgetTotals({ hourlyValue: null, rows: [] }, [kommun]).parties).toEqual([
      { party: kommun, money: 0, inKind: 0, total: 0, share: null },
    ])
    const zero = budgetTotals(
      { hourlyValue: 0, rows: [row({ id: 'z', party: kommun, kind: 'volunteer-hours', quantity: 10 })] },
      [kommun],
    )
    expect(zero.total).toBe(0)
    expect(zero.parties[0]?.share).toBeNull()
  })

  it('rejects invalid rows with a message naming the field', () => {
    const cases: Array<[unknown, string, string]> = [
      [{ ...budget.rows[0], quantity: -1 }, 'quantity', 'must be 0 or more'],
      [{ ...budget.rows[0], unitValue: 'tusen' }, 'unitValue', 'must be a number'],
      [{ ...budget.rows[0], unitValue: Number.NaN }, 'unitValue', 'must be a number'],
      [{ ...budget.rows[0], kind: 'gåva' }, 'kind', ''],
      [{ ...budget.rows[0], party: 'kommunen' }, 'party', ''],
      [{ ...budget.rows[0], quantity: 1e13 }, 'quantity', 'must be at most 10^12'],
    ]
    for (const [input, path, message] of cases) {
      const result = BudgetRow.safeParse(input)
      expect(result.success, path).toBe(false)
      const issue = result.error?.issues[0]
      expect(issue?.path).toEqual([path])
      expect(issue?.message).toContain(message)
    }
  })
})
