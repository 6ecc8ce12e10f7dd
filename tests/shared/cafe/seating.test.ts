import { describe, expect, it } from 'vitest'
import {
  changedTables,
  type Guest,
  MAX_TABLE,
  MIN_TABLE,
  proposeSeating,
  type RoundSeating,
  randomSeating,
  repeatedPairs,
  seatLateArrival,
  seatLeaver,
  suggestedMode,
  unmixedTables,
} from '../../../shared/cafe/seating'

/** n guests, about 40 % from the public side (as in an idémöte with a municipality and several associations). */
const guestsOf = (n: number): Guest[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `g${String(i).padStart(2, '0')}`,
    kind: i % 5 < 2 ? 'public' : 'nonprofit',
  }))
const kindsOf = (guests: readonly Guest[]) => new Map(guests.map((guest) => [guest.id, guest.kind]))
const SIZES = [12, 20, 24, 37, 60]
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8]

const expectValidRound = (round: RoundSeating, guests: readonly Guest[]) => {
  expect(round.flat().sort()).toEqual(guests.map((guest) => guest.id).sort())
  for (const table of round) {
    expect(table.length).toBeGreaterThanOrEqual(MIN_TABLE)
    expect(table.length).toBeLessThanOrEqual(MAX_TABLE)
  }
}

describe('café seating', () => {
  it.each(SIZES)(
    '%i guests over 4 rounds: 3–5 per table, one host per table who never moves, everyone seated once',
    (n) => {
      const guests = guestsOf(n)
      for (const seed of SEEDS.slice(0, 3)) {
        const plan = proposeSeating({ guests, rounds: 4, seed })
        expect(plan.rounds).toHaveLength(4)
        const hostSet = new Set(plan.hosts)
        expect(hostSet.size).toBe(plan.hosts.length)
        for (const round of plan.rounds) {
          expectValidRound(round, guests)
          expect(round.map((table) => table[0])).toEqual(plan.hosts)
          for (const table of round) expect(table.slice(1).filter((id) => hostSet.has(id))).toEqual([])
        }
      }
    },
  )

  it.each(SIZES)(
    '%i guests: no more repeated pairs than the seeded greedy baseline, and at least 40 percent fewer than random on average',
    (n) => {
      const guests = guestsOf(n)
      let proposed = 0
      let random = 0
      for (const seed of SEEDS) {
        const plan = repeatedPairs(proposeSeating({ guests, rounds: 4, seed }).rounds)
        const greedy = repeatedPairs(proposeSeating({ guests, rounds: 4, seed, improve: false }).rounds)
        expect(plan, `seed ${seed}`).toBeLessThanOrEqual(greedy)
        proposed += plan
        random += repeatedPairs(randomSeating({ guests, rounds: 4, seed }).rounds)
      }
      expect(proposed).toBeLessThanOrEqual(0.6 * random)
    },
  )

  it.each(SIZES)('%i guests: every table mixes the public and the non-profit side in every round', (n) => {
    const guests = guestsOf(n)
    for (const seed of SEEDS.slice(0, 3)) {
      for (const round of proposeSeating({ guests, rounds: 4, seed }).rounds) {
        expect(unmixedTables(round, kindsOf(guests))).toBe(0)
      }
    }
  })

  it('mixes as many tables as the smaller side allows when it cannot reach every table', () => {
    const guests: Guest[] = guestsOf(20).map((guest, i) => ({
      ...guest,
      kind: i < 2 ? 'public' : 'nonprofit',
    }))
    for (const round of proposeSeating({ guests, rounds: 4, seed: 3 }).rounds) {
      expect(unmixedTables(round, kindsOf(guests))).toBe(0)
      expect(round.filter((table) => table.some((id) => id === 'g00' || id === 'g01'))).toHaveLength(2)
    }
  })

  it('is deterministic for a seed and differs between seeds', () => {
    const guests = guestsOf(24)
    expect(proposeSeating({ guests, rounds: 4, seed: 9 })).toEqual(
      proposeSeating({ guests, rounds: 4, seed: 9 }),
    )
    expect(proposeSeating({ guests, rounds: 4, seed: 9 })).not.toEqual(
      proposeSeating({ guests, rounds: 4, seed: 10 }),
    )
  })

  it.each(SIZES)(
    '%i guests: a leaver and a late arrival each change at most two tables and keep 3–5 per table',
    (n) => {
      const guests = guestsOf(n)
      const round = proposeSeating({ guests, rounds: 2, seed: 5 }).rounds[1]!
      for (const leaver of [round[0]![0]!, round.at(-1)!.at(-1)!, guests[7]!.id]) {
        const after = seatLeaver(round, leaver)
        expect(changedTables(round, after)).toBeLessThanOrEqual(2)
        expectValidRound(
          after,
          guests.filter((guest) => guest.id !== leaver),
        )
      }
      const arrival = seatLateArrival(round, 'late')
      expect(changedTables(round, arrival)).toBeLessThanOrEqual(2)
      expectValidRound(arrival, [...guests, { id: 'late', kind: 'nonprofit' }])
    },
  )

  it('a late arrival when every table is full opens a new table with two from the largest', () => {
    const full: RoundSeating = [
      ['a', 'b', 'c', 'd', 'e'],
      ['f', 'g', 'h', 'i', 'j'],
    ]
    const after = seatLateArrival(full, 'k')
    expect(after).toEqual([
      ['a', 'b', 'c'],
      ['f', 'g', 'h', 'i', 'j'],
      ['d', 'e', 'k'],
    ])
    expect(changedTables(full, after)).toBe(2)
  })

  it('proposes a circle for fewer than 10 people and has no tables for fewer than 3', () => {
    expect(suggestedMode(9)).toBe('circle')
    expect(suggestedMode(10)).toBe('tables')
    expect(proposeSeating({ guests: guestsOf(2), rounds: 4, seed: 1 })).toEqual({ hosts: [], rounds: [] })
  })
})
