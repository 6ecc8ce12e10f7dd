import type { PartyKind } from '../schema/party'
import { searchSeating } from './seating-search'

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

export interface SeatingInput {
  readonly guests: readonly Guest[]
  readonly rounds: number
  readonly seed: number
}

/**
 * A seating for every round (SKL 2.3): 3–5 at each table, one host per table who stays all rounds, every
 * other guest at a different table after every round (a hard rule), as few returns to an earlier table as
 * the table sizes allow, then as few repeated meetings as possible, then both sides at every table — found
 * by `searchSeating` (see docs/seating.md). Deterministic for a seed.
 *
 * @example
 * proposeSeating({ guests, rounds: 4, seed: 7 }).rounds[1] // [['host-1', 'a', 'b', 'c'], …]
 */
export const proposeSeating = ({ guests, rounds, seed }: SeatingInput): SeatingPlan => {
  const tables = tableCount(guests.length)
  if (tables === null) return { hosts: [], rounds: [] }
  const random = prng(seed)
  const hosts = chooseHosts(guests, tables, random)
  const hostSet = new Set(hosts)
  const movers = guests.filter((guest) => !hostSet.has(guest.id)).map((guest) => guest.id)
  const slots = sizes(guests.length, tables).map((size) => size - 1)
  const { rounds: found } = searchSeating({
    hosts,
    movers,
    slots,
    rounds,
    kinds: new Map(guests.map((guest) => [guest.id, guest.kind])),
    random,
    iterations: searchBudget(movers.length, rounds),
    restarts: SEARCH_RESTARTS,
  })
  return {
    hosts,
    rounds: found.map((round) => round.map((table, t) => [hosts[t]!, ...table.map((m) => movers[m]!)])),
  }
}

/** Restarts of the search from new shuffles; the best plan of them is kept. */
const SEARCH_RESTARTS = 3
/** Swaps tried per restart: enough for the plan to settle, growing with the plan's size. */
const searchBudget = (movers: number, rounds: number): number => Math.min(150_000, 600 * movers * rounds)

/** Random seating with the same hosts and table sizes (what the tests measure the proposal against). */
export const randomSeating = ({ guests, rounds, seed }: SeatingInput): SeatingPlan => {
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
