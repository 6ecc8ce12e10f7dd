import type { PartyKind } from '../schema/party'

/** What the search is given: who hosts each table, who moves, how many movers each table seats. */
export interface SearchInput {
  /** Host of table t (index t), never moving. */
  readonly hosts: readonly string[]
  readonly movers: readonly string[]
  /** Movers per table (the table's size less its host). */
  readonly slots: readonly number[]
  readonly rounds: number
  readonly kinds: ReadonlyMap<string, PartyKind>
  readonly random: () => number
  /** Attempted swaps per restart. */
  readonly iterations: number
  readonly restarts: number
}

/** The search's measures of a plan, in the order they matter (SKL 2.3 first). */
export interface PlanScore {
  /** A mover at the same table two rounds running: the method forbids it (the search always ends at 0). */
  readonly stays: number
  /** A mover back at a table they sat at in an earlier, not adjacent, round. */
  readonly returns: number
  /** Meetings beyond a pair's first. */
  readonly repeats: number
  /** Tables that could mix both sides but do not. */
  readonly unmixed: number
}

/**
 * Lexicographic weights: one stay outweighs every possible return, one return every possible repeated
 * meeting (at most 5 rounds × 16 tables × 10 pairs = 800 < 1,000), and a repeated meeting every one-sided table.
 */
const STAY = 1e9
const RETURN = 1e5
const REPEAT = 100
const UNMIXED = 1

const weigh = (score: PlanScore): number =>
  STAY * score.stays + RETURN * score.returns + REPEAT * score.repeats + UNMIXED * score.unmixed

/**
 * A café's seating as a social-golfer-style search (Dotú & Van Hentenryck; Harvey's problem family): simulated
 * annealing over swaps of two movers between tables within one round, with a few seeded restarts, the best
 * plan kept. Every cost is updated incrementally per swap, so a swap costs about one table's size of work —
 * 80 people over 5 rounds take well under 200 ms in a browser. A final pass removes any stay left, so the
 * hard rule holds whatever the seed. Returns, per round, each table's movers.
 */
export const searchSeating = (input: SearchInput): { rounds: number[][][]; score: PlanScore } => {
  let best: { rounds: number[][][]; score: PlanScore } | null = null
  // A plan that reaches the lower bounds cannot be bettered: the search stops there.
  const floor = weigh(seatingLowerBound(input))
  // A short first attempt: a large café usually reaches the bounds in it; the full ones follow if not.
  const attempts = [
    Math.ceil(input.iterations / 4),
    ...Array.from({ length: input.restarts }, () => input.iterations),
  ]
  for (const iterations of attempts) {
    const state = new SearchState(input)
    state.anneal(iterations, floor)
    state.removeStays()
    const found = { rounds: state.tables(), score: state.score() }
    if (best === null || weigh(found.score) < weigh(best.score)) best = found
    if (weigh(best.score) <= floor) break
  }
  return best ?? { rounds: [], score: { stays: 0, returns: 0, repeats: 0, unmixed: 0 } }
}

/**
 * What no plan can beat, from counting alone. Returns: a table seating s movers in each of R rounds sees
 * R·s mover-visits but only M different movers; and a mover in more rounds than there are tables must come
 * back somewhere. Repeated meetings: each return meets that table's host again; and someone who meets more
 * people over the rounds than there are others present meets some of them twice.
 */
export const seatingLowerBound = (input: {
  readonly hosts: readonly unknown[]
  readonly movers: readonly unknown[]
  readonly slots: readonly number[]
  readonly rounds: number
}): PlanScore => {
  const T = input.hosts.length
  const M = input.movers.length
  const R = input.rounds
  const N = T + M
  const crowded = input.slots.reduce((sum, slots) => sum + Math.max(0, R * slots - M), 0)
  const returns = Math.max(crowded, M * Math.max(0, R - T))
  // Over the rounds a host meets R·s others and a mover about R times the average table less one.
  let excess = 0
  for (const slots of input.slots) excess += Math.max(0, R * slots - (N - 1))
  const meetingsPerMover = (R * input.slots.reduce((sum, slots) => sum + slots * slots, 0)) / Math.max(1, M)
  excess += M * Math.max(0, meetingsPerMover - (N - 1))
  return { stays: 0, returns, repeats: Math.max(returns, Math.ceil(excess / 2)), unmixed: 0 }
}

/** One plan under search, with every count the cost needs kept up to date. */
class SearchState {
  private readonly R: number
  private readonly T: number
  private readonly M: number
  /** People: movers 0..M-1, then host of table t at M + t. */
  private readonly N: number
  private readonly side: Uint8Array
  /** Per round, per table: its movers (fixed length = slots). */
  private readonly seats: Int32Array[][]
  /** tableOf[r * M + m] */
  private readonly tableOf: Int32Array
  /** visits[m * T + t]: rounds mover m sits at table t. */
  private readonly visits: Uint8Array
  /** pairs[a * N + b] (a < b): rounds a and b share a table. */
  private readonly pairs: Uint8Array
  /** sides[(r * T + t) * 2 + side]: people of each side at a table in a round. */
  private readonly sides: Int32Array
  /** Per round: how many tables could be mixed, given each side's count. */
  private readonly mixable: Int32Array
  private readonly mixed: Int32Array
  private stays = 0
  private returns = 0
  private repeats = 0
  private readonly random: () => number

  constructor(private readonly input: SearchInput) {
    this.R = input.rounds
    this.T = input.hosts.length
    this.M = input.movers.length
    this.N = this.M + this.T
    this.random = input.random
    this.side = new Uint8Array(this.N)
    input.movers.forEach((id, m) => {
      this.side[m] = input.kinds.get(id) === 'nonprofit' ? 1 : 0
    })
    input.hosts.forEach((id, t) => {
      this.side[this.M + t] = input.kinds.get(id) === 'nonprofit' ? 1 : 0
    })
    this.tableOf = new Int32Array(this.R * this.M)
    this.visits = new Uint8Array(this.M * this.T)
    this.pairs = new Uint8Array(this.N * this.N)
    this.sides = new Int32Array(this.R * this.T * 2)
    this.mixable = new Int32Array(this.R)
    this.mixed = new Int32Array(this.R)
    this.seats = []
    const nonprofit = this.side.reduce((sum, s) => sum + s, 0)
    let previous: Int32Array | null = null
    for (let r = 0; r < this.R; r++) {
      const tableOf = this.startRound(previous)
      const round: Int32Array[] = input.slots.map((slots) => new Int32Array(slots))
      const filled = new Int32Array(this.T)
      for (let m = 0; m < this.M; m++) {
        const t = tableOf[m]!
        round[t]![filled[t]!++] = m
      }
      this.seats.push(round)
      this.mixable[r] = Math.min(this.T, nonprofit, this.N - nonprofit)
      previous = tableOf
    }
    this.recount()
  }

  /**
   * A round's start in which no mover sits where they sat the round before: movers in shuffled order, each
   * to a table with room, by augmenting paths when all their tables are full (bipartite matching with table
   * capacities). It exists whenever no table seats more than half the movers — always with three or more
   * tables of 3–5, which every group of ten or more has.
   */
  private startRound(previous: Int32Array | null): Int32Array {
    const { M, T } = this
    const slots = this.input.slots
    const tableOf = new Int32Array(M).fill(-1)
    const filled = new Int32Array(T)
    const seated: number[][] = Array.from({ length: T }, () => [])
    const order = Array.from({ length: M }, (_, m) => m)
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    const tablesInOrder = () => {
      const tables = Array.from({ length: T }, (_, t) => t)
      for (let i = tables.length - 1; i > 0; i--) {
        const j = Math.floor(this.random() * (i + 1))
        ;[tables[i], tables[j]] = [tables[j]!, tables[i]!]
      }
      return tables
    }
    const place = (m: number, visited: Uint8Array): boolean => {
      const tables = tablesInOrder()
      for (const t of tables) {
        // A table on the augmenting path (visited) is the one being made room at: not a free seat.
        if (previous?.[m] === t || visited[t] || filled[t]! >= slots[t]!) continue
        tableOf[m] = t
        filled[t]!++
        seated[t]!.push(m)
        return true
      }
      for (const t of tables) {
        if (previous?.[m] === t || visited[t]) continue
        visited[t] = 1
        for (const other of [...seated[t]!]) {
          // `other` makes way for m if it can sit elsewhere.
          seated[t]!.splice(seated[t]!.indexOf(other), 1)
          filled[t]!--
          if (place(other, visited)) {
            tableOf[m] = t
            filled[t]!++
            seated[t]!.push(m)
            return true
          }
          seated[t]!.push(other)
          filled[t]!++
        }
      }
      return false
    }
    for (const m of order) {
      if (!place(m, new Uint8Array(T))) {
        // Cannot happen with three or more tables; with two unequal ones, the search's cost takes over.
        const t =
          previous?.[m] === 0 && slots[1]! > filled[1]! ? 1 : filled.findIndex((n, k) => n < slots[k]!)
        tableOf[m] = t
        filled[t]!++
        seated[t]!.push(m)
      }
    }
    return tableOf
  }

  private recount(): void {
    const { R, T, M, N } = this
    this.visits.fill(0)
    this.pairs.fill(0)
    this.sides.fill(0)
    for (let r = 0; r < R; r++) {
      let mixed = 0
      for (let t = 0; t < T; t++) {
        const table = this.seats[r]![t]!
        const people = [M + t, ...table]
        for (const m of table) {
          this.tableOf[r * M + m] = t
          this.visits[m * T + t]!++
        }
        for (let i = 0; i < people.length; i++) {
          this.sides[(r * T + t) * 2 + this.side[people[i]!]!]!++
          for (let j = i + 1; j < people.length; j++) {
            const a = Math.min(people[i]!, people[j]!)
            const b = Math.max(people[i]!, people[j]!)
            this.pairs[a * N + b]!++
          }
        }
        if (this.sides[(r * T + t) * 2]! > 0 && this.sides[(r * T + t) * 2 + 1]! > 0) mixed++
      }
      this.mixed[r] = mixed
    }
    this.stays = 0
    this.returns = 0
    for (let m = 0; m < M; m++) {
      for (let r = 1; r < R; r++) if (this.tableOf[r * M + m] === this.tableOf[(r - 1) * M + m]) this.stays++
      for (let t = 0; t < T; t++) this.returns += Math.max(0, this.visits[m * T + t]! - 1)
    }
    // A stay is also a return to a table; counted once, as the stay.
    this.returns -= this.stays
    this.repeats = 0
    for (let a = 0; a < N; a++)
      for (let b = a + 1; b < N; b++) this.repeats += Math.max(0, this.pairs[a * N + b]! - 1)
  }

  score(): PlanScore {
    let unmixed = 0
    for (let r = 0; r < this.R; r++) unmixed += Math.max(0, this.mixable[r]! - this.mixed[r]!)
    return { stays: this.stays, returns: this.returns, repeats: this.repeats, unmixed }
  }

  tables(): number[][][] {
    return this.seats.map((round) => round.map((table) => [...table]))
  }

  private pairCount(a: number, b: number): number {
    return a < b ? this.pairs[a * this.N + b]! : this.pairs[b * this.N + a]!
  }

  private bumpPair(a: number, b: number, by: number): void {
    if (a < b) this.pairs[a * this.N + b]! += by
    else this.pairs[b * this.N + a]! += by
  }

  /** Whether mover m at table t in round r would sit where it sits in the round before or after. */
  private staysAfter(m: number, r: number, t: number): boolean {
    const { M, R } = this
    return (
      (r > 0 && this.tableOf[(r - 1) * M + m] === t) || (r < R - 1 && this.tableOf[(r + 1) * M + m] === t)
    )
  }

  /** Stays and returns of mover m if it sat at table `to` instead of `from` in round r. */
  private moveCost(m: number, r: number, from: number, to: number): { stays: number; returns: number } {
    const { M, T, R } = this
    const before = r > 0 ? this.tableOf[(r - 1) * M + m]! : -1
    const after = r < R - 1 ? this.tableOf[(r + 1) * M + m]! : -1
    const stays =
      Number(to === before) + Number(to === after) - Number(from === before) - Number(from === after)
    // Visits beyond the first, less the stays (counted apart).
    const revisits = Number(this.visits[m * T + to]! >= 1) - Number(this.visits[m * T + from]! >= 2)
    return { stays, returns: revisits - stays }
  }

  /** Whether table t of round r seats both sides, with `out` replaced by `into` when given. */
  private isMixed(r: number, t: number, out = -1, into = -1): boolean {
    const at = (r * this.T + t) * 2
    let publicSide = this.sides[at]!
    let nonprofit = this.sides[at + 1]!
    if (out >= 0) {
      if (this.side[out] === 1) nonprofit--
      else publicSide--
      if (this.side[into] === 1) nonprofit++
      else publicSide++
    }
    return publicSide > 0 && nonprofit > 0
  }

  /** The change in weighted cost if x (table A) and y (table B) traded places in round r. */
  private swapDelta(r: number, A: number, B: number, x: number, y: number): number {
    const { M } = this
    const mx = this.moveCost(x, r, A, B)
    const my = this.moveCost(y, r, B, A)
    const tableA = this.seats[r]![A]!
    const tableB = this.seats[r]![B]!
    // x leaves A's host and movers and meets B's; y the other way round.
    let repeats =
      Number(this.pairCount(x, M + B) >= 1) -
      Number(this.pairCount(x, M + A) >= 2) +
      Number(this.pairCount(y, M + A) >= 1) -
      Number(this.pairCount(y, M + B) >= 2)
    for (let k = 0; k < tableA.length; k++) {
      const p = tableA[k]!
      if (p === x) continue
      if (this.pairCount(x, p) >= 2) repeats--
      if (this.pairCount(y, p) >= 1) repeats++
    }
    for (let k = 0; k < tableB.length; k++) {
      const p = tableB[k]!
      if (p === y) continue
      if (this.pairCount(y, p) >= 2) repeats--
      if (this.pairCount(x, p) >= 1) repeats++
    }
    let unmixed = 0
    if (this.side[x] !== this.side[y]) {
      const change =
        Number(this.isMixed(r, A, x, y)) +
        Number(this.isMixed(r, B, y, x)) -
        Number(this.isMixed(r, A)) -
        Number(this.isMixed(r, B))
      const before = Math.max(0, this.mixable[r]! - this.mixed[r]!)
      unmixed = Math.max(0, this.mixable[r]! - this.mixed[r]! - change) - before
    }
    return (
      STAY * (mx.stays + my.stays) + RETURN * (mx.returns + my.returns) + REPEAT * repeats + UNMIXED * unmixed
    )
  }

  private leave(mover: number, p: number): void {
    if (this.pairCount(mover, p) >= 2) this.repeats--
    this.bumpPair(mover, p, -1)
  }

  private meet(mover: number, p: number): void {
    if (this.pairCount(mover, p) >= 1) this.repeats++
    this.bumpPair(mover, p, 1)
  }

  private applySwap(r: number, A: number, B: number, i: number, j: number): void {
    const { M, T } = this
    const tableA = this.seats[r]![A]!
    const tableB = this.seats[r]![B]!
    const x = tableA[i]!
    const y = tableB[j]!
    const mx = this.moveCost(x, r, A, B)
    const my = this.moveCost(y, r, B, A)
    this.stays += mx.stays + my.stays
    this.returns += mx.returns + my.returns
    this.leave(x, M + A)
    this.meet(y, M + A)
    this.leave(y, M + B)
    this.meet(x, M + B)
    for (let k = 0; k < tableA.length; k++) {
      const p = tableA[k]!
      if (p === x) continue
      this.leave(x, p)
      this.meet(y, p)
    }
    for (let k = 0; k < tableB.length; k++) {
      const p = tableB[k]!
      if (p === y) continue
      this.leave(y, p)
      this.meet(x, p)
    }
    const mixedBefore = Number(this.isMixed(r, A)) + Number(this.isMixed(r, B))
    const base = r * T * 2
    this.sides[base + A * 2 + this.side[x]!]!--
    this.sides[base + A * 2 + this.side[y]!]!++
    this.sides[base + B * 2 + this.side[y]!]!--
    this.sides[base + B * 2 + this.side[x]!]!++
    this.mixed[r]! += Number(this.isMixed(r, A)) + Number(this.isMixed(r, B)) - mixedBefore
    this.visits[x * T + A]!--
    this.visits[x * T + B]!++
    this.visits[y * T + B]!--
    this.visits[y * T + A]!++
    this.tableOf[r * M + x] = B
    this.tableOf[r * M + y] = A
    tableA[i] = y
    tableB[j] = x
  }

  /**
   * Simulated annealing from a temperature at which a repeated meeting is often accepted down to one at
   * which it almost never is; the best plan seen is restored at the end.
   */
  anneal(iterations: number, floor: number): void {
    if (this.T < 2 || this.M < 2) return
    let cost = weigh(this.score())
    let bestCost = cost
    let bestSeats = this.tables()
    // From accepting a repeated meeting often to refusing even a one-sided table almost always.
    const hot = REPEAT * 1.5
    const cold = UNMIXED * 0.3
    const cooling = (cold / hot) ** (1 / Math.max(1, iterations))
    let temperature = hot
    const settled = Math.floor(iterations * 0.7)
    for (let step = 0; step < iterations && cost > floor; step++, temperature *= cooling) {
      const r = Math.floor(this.random() * this.R)
      const A = Math.floor(this.random() * this.T)
      let B = Math.floor(this.random() * (this.T - 1))
      if (B >= A) B++
      const tableA = this.seats[r]![A]!
      const tableB = this.seats[r]![B]!
      if (tableA.length === 0 || tableB.length === 0) continue
      const i = Math.floor(this.random() * tableA.length)
      const j = Math.floor(this.random() * tableB.length)
      const x = tableA[i]!
      const y = tableB[j]!
      // The hard rule is kept, not weighed: a swap that seats a guest where they sat next to it is not tried.
      if (this.staysAfter(x, r, B) || this.staysAfter(y, r, A)) continue
      const delta = this.swapDelta(r, A, B, x, y)
      if (delta > 0 && this.random() >= Math.exp(-delta / temperature)) continue
      this.applySwap(r, A, B, i, j)
      cost += delta
      // Copying the plan costs more than a swap: the best is kept only once the search has cooled.
      if (cost < bestCost && (step >= settled || cost <= floor)) {
        bestCost = cost
        bestSeats = this.tables()
      }
    }
    if (cost <= bestCost) return
    this.seats.splice(
      0,
      this.seats.length,
      ...bestSeats.map((round) => round.map((table) => Int32Array.from(table))),
    )
    this.recount()
  }

  /**
   * The hard rule, whatever the search reached: each mover still at the table of the round before is swapped
   * with a mover of another table such that neither then sits where they sat in an adjacent round, choosing
   * the swap that costs least. With at least three tables (ten people or more) such a swap always exists.
   */
  removeStays(): void {
    const { R, T, M } = this
    for (let pass = 0; pass < 3 && this.stays > 0; pass++) {
      for (let r = 1; r < R; r++) {
        for (let A = 0; A < T; A++) {
          const tableA = this.seats[r]![A]!
          for (let i = 0; i < tableA.length; i++) {
            const x = tableA[i]!
            if (this.tableOf[(r - 1) * M + x] !== A) continue
            let choice: { B: number; j: number; delta: number } | null = null
            for (let B = 0; B < T; B++) {
              if (B === A) continue
              const tableB = this.seats[r]![B]!
              for (let j = 0; j < tableB.length; j++) {
                const delta = this.swapDelta(r, A, B, x, tableB[j]!)
                if (delta < (choice?.delta ?? -STAY / 2)) choice = { B, j, delta }
              }
            }
            if (choice !== null) this.applySwap(r, A, choice.B, i, choice.j)
          }
        }
      }
    }
  }
}
