import type { PartyKind } from '../schema/party'

/** Someone present at the café: who, and which side of the partnership they come from. */
export interface Guest {
  readonly id: string
  readonly kind: PartyKind
}

/** One round's tables: each the ids seated there, the table's host first. */
export type RoundSeating = readonly (readonly string[])[]

/** The seating for every round: the hosts (one per table, never moving) and each round's tables. */
export interface SeatingPlan {
  readonly hosts: readonly string[]
  readonly rounds: readonly RoundSeating[]
}

export const MIN_TABLE = 3
export const MAX_TABLE = 5

/** Fewer than 10 people sit in one circle, the word going round (DOMAIN.md). */
export const suggestedMode = (guests: number): 'circle' | 'tables' => (guests < 10 ? 'circle' : 'tables')

/** Tables of about four (3–5 each); null when there are too few for even one table. */
export const tableCount = (guests: number): number | null => {
  if (guests < MIN_TABLE) return null
  const fewest = Math.ceil(guests / MAX_TABLE)
  const most = Math.floor(guests / MIN_TABLE)
  return Math.min(most, Math.max(fewest, Math.round(guests / 4)))
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same seating on every device. */
export const prng = (seed: number): (() => number) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const shuffled = <T>(items: readonly T[], random: () => number): T[] => {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy
}

const pairKey = (a: string, b: string): string => (a < b ? `${a} ${b}` : `${b} ${a}`)

/** How many times each pair has sat at one table in these rounds. */
export const pairCounts = (rounds: readonly RoundSeating[]): Map<string, number> => {
  const counts = new Map<string, number>()
  for (const round of rounds) {
    for (const table of round) {
      for (let i = 0; i < table.length; i++) {
        for (let j = i + 1; j < table.length; j++) {
          const key = pairKey(table[i]!, table[j]!)
          counts.set(key, (counts.get(key) ?? 0) + 1)
        }
      }
    }
  }
  return counts
}

/** Meetings beyond the first: a pair that sat together three times counts 2. */
export const repeatedPairs = (rounds: readonly RoundSeating[]): number => {
  let repeats = 0
  for (const count of pairCounts(rounds).values()) repeats += count - 1
  return repeats
}

/** Tables that could mix both sides but do not (given how many of each side are present). */
export const unmixedTables = (round: RoundSeating, kinds: ReadonlyMap<string, PartyKind>): number => {
  const counts = { public: 0, nonprofit: 0 }
  for (const table of round) for (const id of table) counts[kinds.get(id) ?? 'public']++
  const mixable = Math.min(round.length, counts.public, counts.nonprofit)
  const mixed = round.filter((table) => new Set(table.map((id) => kinds.get(id))).size > 1).length
  return Math.max(0, mixable - mixed)
}

/** Table sizes as even as possible: n people over t tables. */
const sizes = (guests: number, tables: number): number[] =>
  Array.from({ length: tables }, (_, i) => Math.floor(guests / tables) + (i < guests % tables ? 1 : 0))

/** Hosts alternate between the sides where they can, so hosts themselves are a mixed group. */
const chooseHosts = (guests: readonly Guest[], tables: number, random: () => number): string[] => {
  const bySide = {
    public: shuffled(
      guests.filter((guest) => guest.kind === 'public'),
      random,
    ),
    nonprofit: shuffled(
      guests.filter((guest) => guest.kind === 'nonprofit'),
      random,
    ),
  }
  const hosts: string[] = []
  let side: PartyKind = bySide.nonprofit.length >= bySide.public.length ? 'nonprofit' : 'public'
  while (hosts.length < tables) {
    const other: PartyKind = side === 'public' ? 'nonprofit' : 'public'
    const next = bySide[side].shift() ?? bySide[other].shift()
    if (next === undefined) break
    hosts.push(next.id)
    side = other
  }
  return hosts
}

interface RoundInput {
  readonly hosts: readonly string[]
  readonly movers: readonly Guest[]
  readonly capacity: readonly number[]
  readonly met: ReadonlyMap<string, number>
  readonly kinds: ReadonlyMap<string, PartyKind>
  readonly random: () => number
}

/** A one-sided table that could have been mixed weighs more than any number of repeated meetings. */
const MIX_PENALTY = 1_000

/** One round by greedy placement: each mover (in seeded order) to the open table where they met fewest. */
const greedyRound = (input: RoundInput): string[][] => {
  const tables = input.hosts.map((host) => [host])
  const sides = input.hosts.map((host) => new Set([input.kinds.get(host)]))
  // The minority side first, so it is spread before the tables fill up.
  const order = shuffled(input.movers, input.random).sort((a, b) => {
    const count = (kind: PartyKind) => input.movers.filter((guest) => guest.kind === kind).length
    return count(a.kind) - count(b.kind)
  })
  for (const mover of order) {
    let best = -1
    let bestScore = Number.POSITIVE_INFINITY
    for (let t = 0; t < tables.length; t++) {
      if (tables[t]!.length >= input.capacity[t]!) continue
      let score = 0
      for (const seated of tables[t]!) score += input.met.get(pairKey(seated, mover.id)) ?? 0
      if (!sides[t]!.has(mover.kind)) score -= 0.5
      score += input.random() * 0.01
      if (score < bestScore) {
        bestScore = score
        best = t
      }
    }
    tables[best]!.push(mover.id)
    sides[best]!.add(mover.kind)
  }
  return tables
}

/**
 * Improves a whole plan by swapping two movers of one round between tables, across all rounds at once:
 * a swap is kept when it does not add repeated meetings or one-sided tables (sideways moves let the search
 * leave plateaus); the best plan seen is returned. Deterministic for the given random source.
 */
const improvePlan = (
  rounds: string[][][],
  kinds: ReadonlyMap<string, PartyKind>,
  random: () => number,
  iterations: number,
): string[][][] => {
  const counts = pairCounts(rounds)
  const count = (a: string, b: string) => counts.get(pairKey(a, b)) ?? 0
  const bump = (a: string, b: string, by: number) => counts.set(pairKey(a, b), count(a, b) + by)
  const isMixed = (table: readonly string[]) => new Set(table.map((id) => kinds.get(id))).size > 1
  const mixable = rounds.map((round) => {
    const sides = { public: 0, nonprofit: 0 }
    for (const table of round) for (const id of table) sides[kinds.get(id) ?? 'public']++
    return Math.min(round.length, sides.public, sides.nonprofit)
  })
  const mixedCount = rounds.map((round) => round.filter(isMixed).length)
  const unmixedOf = (r: number, mixed: number) => Math.max(0, mixable[r]! - mixed)
  let cost =
    repeatedPairs(rounds) + MIX_PENALTY * rounds.reduce((sum, _, r) => sum + unmixedOf(r, mixedCount[r]!), 0)
  let best = { cost, rounds: rounds.map((round) => round.map((table) => [...table])) }
  for (let step = 0; step < iterations; step++) {
    const r = Math.floor(random() * rounds.length)
    const round = rounds[r]!
    if (round.length < 2) break
    const ta = Math.floor(random() * round.length)
    let tb = Math.floor(random() * (round.length - 1))
    if (tb >= ta) tb++
    const A = round[ta]!
    const B = round[tb]!
    if (A.length < 2 || B.length < 2) continue
    const i = 1 + Math.floor(random() * (A.length - 1))
    const j = 1 + Math.floor(random() * (B.length - 1))
    const x = A[i]!
    const y = B[j]!
    let delta = 0
    for (const m of A) {
      if (m === x) continue
      if (count(x, m) >= 2) delta--
      if (count(y, m) >= 1) delta++
    }
    for (const m of B) {
      if (m === y) continue
      if (count(y, m) >= 2) delta--
      if (count(x, m) >= 1) delta++
    }
    const mixedBefore = Number(isMixed(A)) + Number(isMixed(B))
    A[i] = y
    B[j] = x
    const mixedAfter = Number(isMixed(A)) + Number(isMixed(B))
    const nextMixed = mixedCount[r]! - mixedBefore + mixedAfter
    delta += MIX_PENALTY * (unmixedOf(r, nextMixed) - unmixedOf(r, mixedCount[r]!))
    if (delta > 0) {
      A[i] = x
      B[j] = y
      continue
    }
    for (const m of A) {
      if (m === y) continue
      bump(x, m, -1)
      bump(y, m, 1)
    }
    for (const m of B) {
      if (m === x) continue
      bump(y, m, -1)
      bump(x, m, 1)
    }
    mixedCount[r] = nextMixed
    cost += delta
    if (cost < best.cost) best = { cost, rounds: rounds.map((each) => each.map((table) => [...table])) }
  }
  return best.rounds
}

export interface SeatingInput {
  readonly guests: readonly Guest[]
  readonly rounds: number
  readonly seed: number
  /** `false` gives the plain greedy placement (the baseline the tests compare with). */
  readonly improve?: boolean
}

/**
 * A seating for every round: 3–5 at each table, one host per table who stays all rounds, everyone else
 * moved so that pairs who already sat together meet again as rarely as possible, and each table mixing
 * public and non-profit people whenever both are present. Deterministic for a seed.
 *
 * @example
 * proposeSeating({ guests, rounds: 4, seed: 7 }).rounds[1] // [['host-1', 'a', 'b', 'c'], …]
 */
export const proposeSeating = ({ guests, rounds, seed, improve = true }: SeatingInput): SeatingPlan => {
  if (!improve) return planRounds(guests, rounds, seed, false)
  // Each round is improved on its own, which can cost a later round: keep the best of the plain greedy plan
  // and a few improved restarts, by one-sided tables first and repeated meetings second.
  const candidates = [
    planRounds(guests, rounds, seed, false),
    ...[0, 1, 2, 3].map((restart) => planRounds(guests, rounds, seed + restart * 7_919, true)),
  ]
  const kinds = new Map(guests.map((guest) => [guest.id, guest.kind]))
  const score = (plan: SeatingPlan) => ({
    unmixed: plan.rounds.reduce((sum, round) => sum + unmixedTables(round, kinds), 0),
    repeats: repeatedPairs(plan.rounds),
  })
  let best = candidates[0]!
  let bestScore = score(best)
  for (const candidate of candidates.slice(1)) {
    const next = score(candidate)
    if (
      next.unmixed < bestScore.unmixed ||
      (next.unmixed === bestScore.unmixed && next.repeats < bestScore.repeats)
    ) {
      best = candidate
      bestScore = next
    }
  }
  return best
}

const planRounds = (
  guests: readonly Guest[],
  rounds: number,
  seed: number,
  improve: boolean,
): SeatingPlan => {
  const tables = tableCount(guests.length)
  if (tables === null) return { hosts: [], rounds: [] }
  const random = prng(seed)
  const hosts = chooseHosts(guests, tables, random)
  const hostSet = new Set(hosts)
  const movers = guests.filter((guest) => !hostSet.has(guest.id))
  const capacity = sizes(guests.length, tables)
  const kinds = new Map(guests.map((guest) => [guest.id, guest.kind]))
  const planned: string[][][] = []
  for (let r = 0; r < rounds; r++) {
    planned.push(greedyRound({ hosts, movers, capacity, met: pairCounts(planned), kinds, random }))
  }
  return { hosts, rounds: improve ? improvePlan(planned, kinds, random, 6_000 * rounds) : planned }
}

/** Random seating with the same hosts and table sizes (what the tests measure the proposal against). */
export const randomSeating = ({ guests, rounds, seed }: Omit<SeatingInput, 'improve'>): SeatingPlan => {
  const tables = tableCount(guests.length)
  if (tables === null) return { hosts: [], rounds: [] }
  const random = prng(seed)
  const hosts = chooseHosts(guests, tables, random)
  const hostSet = new Set(hosts)
  const capacity = sizes(guests.length, tables)
  const planned: RoundSeating[] = []
  for (let r = 0; r < rounds; r++) {
    const order = shuffled(
      guests.filter((guest) => !hostSet.has(guest.id)),
      random,
    )
    planned.push(
      hosts.map((host, t) => [host, ...order.splice(0, capacity[t]! - 1).map((guest) => guest.id)]),
    )
  }
  return { hosts, rounds: planned }
}

/**
 * Someone leaves during a round: they leave their table; a host who leaves hands the table to the person
 * who has sat there longest (the next in the list). A table left with fewer than three takes one person from
 * the largest table. At most two tables change.
 */
export const seatLeaver = (round: RoundSeating, leaver: string): string[][] => {
  const tables = round.map((table) => table.filter((id) => id !== leaver))
  const short = tables.findIndex((table) => table.length > 0 && table.length < MIN_TABLE)
  if (short === -1) return tables.filter((table) => table.length > 0)
  let largest = -1
  for (let t = 0; t < tables.length; t++) {
    if (
      t !== short &&
      tables[t]!.length > MIN_TABLE &&
      (largest === -1 || tables[t]!.length > tables[largest]!.length)
    ) {
      largest = t
    }
  }
  if (largest === -1) return tables
  // The last-seated mover of the largest table moves; its host stays.
  const mover = tables[largest]!.pop()!
  tables[short]!.push(mover)
  return tables
}

/**
 * Someone arrives late: they sit at the smallest table that has room. When every table is full, they and two
 * people from the largest table open a new table, the first of those two as its host. At most two tables change.
 */
export const seatLateArrival = (round: RoundSeating, arrival: string): string[][] => {
  const tables = round.map((table) => [...table])
  let smallest = -1
  for (let t = 0; t < tables.length; t++) {
    if (tables[t]!.length < MAX_TABLE && (smallest === -1 || tables[t]!.length < tables[smallest]!.length))
      smallest = t
  }
  if (smallest !== -1) {
    tables[smallest]!.push(arrival)
    return tables
  }
  const from = tables.reduce((best, table, t) => (table.length > tables[best]!.length ? t : best), 0)
  const moved = tables[from]!.splice(-2, 2)
  tables.push([...moved, arrival])
  return tables
}

/** Which tables differ between two seatings of one round (by who sits there). */
export const changedTables = (before: RoundSeating, after: RoundSeating): number => {
  const key = (table: readonly string[]) => [...table].sort().join(' ')
  const old = new Set(before.map(key))
  return after.filter((table) => !old.has(key(table))).length
}

/**
 * The facilitator moves someone to another table in one round. A host never moves (their table would lose
 * its host); moving to the table they sit at changes nothing.
 */
export const movePerson = (round: RoundSeating, person: string, toTable: number): string[][] => {
  const tables = round.map((table) => [...table])
  const from = tables.findIndex((table) => table.includes(person))
  if (from === -1 || from === toTable || tables[from]![0] === person || tables[toTable] === undefined) {
    return tables
  }
  tables[from] = tables[from]!.filter((id) => id !== person)
  tables[toTable]!.push(person)
  return tables
}
