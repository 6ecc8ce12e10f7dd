import * as z from 'zod/mini'
import { EntityId } from '../schema/entity-id'
import { lazySchema } from '../schema/lazy-schema'

/** What a party contributes: money, or something in kind that is valued in money. */
export const ContributionKind = z.enum([
  'money',
  'volunteer-hours',
  'premises',
  'equipment',
  'expertise',
  'other',
])
export type ContributionKind = z.infer<typeof ContributionKind>

const amountLike = z
  .number({ error: 'must be a number' })
  .check(z.nonnegative('must be 0 or more'), z.maximum(1e12, 'must be at most 10^12'))

/** One line of a co-financing budget, as people enter it. Amounts are computed, never stored. */
export const BudgetRow = lazySchema(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    party: z.nullable(EntityId),
    kind: ContributionKind,
    description: z.string().check(z.maxLength(2_000)),
    /** Hours, square metres × months, pieces… or, for money, usually 1. */
    quantity: z.nullable(amountLike),
    /** SEK per unit. Empty on a volunteer-hours row means the document's hourly value. */
    unitValue: z.nullable(amountLike),
  }),
)
export type BudgetRow = z.infer<typeof BudgetRow>

export const BudgetValue = lazySchema(() =>
  z.object({
    /** SEK per volunteer hour, set by the partners for this document. */
    hourlyValue: z.nullable(amountLike),
    rows: z.array(BudgetRow),
  }),
)
export type BudgetValue = z.infer<typeof BudgetValue>

/** SEK a row is worth, or null while its quantity or unit value is missing. */
export const rowAmount = (row: BudgetRow, hourlyValue: number | null): number | null => {
  const unit = row.unitValue ?? (row.kind === 'volunteer-hours' ? hourlyValue : null)
  if (row.quantity === null || unit === null) return null
  return Math.round(row.quantity * unit * 100) / 100
}

export interface PartyTotal {
  /** null: rows no party has been chosen for yet. */
  readonly party: string | null
  readonly money: number
  readonly inKind: number
  readonly total: number
  /** This party's part of the whole budget, 0–1; null when the whole is 0. */
  readonly share: number | null
}

export interface BudgetTotals {
  readonly parties: readonly PartyTotal[]
  readonly money: number
  readonly inKind: number
  readonly total: number
  /** Rows that could not be valued (missing quantity or unit value): shown so they get filled in. */
  readonly incompleteRows: readonly string[]
}

/**
 * Totals per party and each party's share of the whole — the numbers that make it co-financing rather than
 * a purchase. Every party in `parties` gets a line (also with 0), in that order; unassigned rows come last.
 *
 * @example
 * budgetTotals({ hourlyValue: 300, rows: [{ id: 'r', party: 'p', kind: 'volunteer-hours', description: '', quantity: 10, unitValue: null }] }, ['p'])
 * // parties: [{ party: 'p', money: 0, inKind: 3000, total: 3000, share: 1 }]
 */
export const budgetTotals = (budget: BudgetValue, parties: readonly string[]): BudgetTotals => {
  const sums = new Map<string | null, { money: number; inKind: number }>(
    parties.map((party) => [party, { money: 0, inKind: 0 }]),
  )
  const incompleteRows: string[] = []
  for (const row of budget.rows) {
    const amount = rowAmount(row, budget.hourlyValue)
    if (amount === null) {
      incompleteRows.push(row.id)
      continue
    }
    const key = row.party !== null && sums.has(row.party) ? row.party : null
    const sum = sums.get(key) ?? { money: 0, inKind: 0 }
    if (row.kind === 'money') sum.money += amount
    else sum.inKind += amount
    sums.set(key, sum)
  }
  const round = (value: number) => Math.round(value * 100) / 100
  const total = round([...sums.values()].reduce((all, sum) => all + sum.money + sum.inKind, 0))
  const lines = [...sums.entries()].map(([party, sum]) => {
    const partyTotal = round(sum.money + sum.inKind)
    return {
      party,
      money: round(sum.money),
      inKind: round(sum.inKind),
      total: partyTotal,
      share: total === 0 ? null : partyTotal / total,
    }
  })
  return {
    parties: lines,
    money: round(lines.reduce((all, line) => all + line.money, 0)),
    inKind: round(lines.reduce((all, line) => all + line.inKind, 0)),
    total,
    incompleteRows,
  }
}
