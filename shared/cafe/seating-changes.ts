import { MAX_TABLE, MIN_TABLE, type RoundSeating } from './seating'

/** The table a person sits at in a round, or -1. */
const tableIn = (round: RoundSeating | undefined, person: string): number =>
  round === undefined ? -1 : round.findIndex((table) => table.includes(person))

/** Whether `person` may sit at table t of round r without staying at a table two rounds running as a guest. */
const mayMoveTo = (rounds: readonly (readonly string[][])[], r: number, person: string, t: number): boolean =>
  tableIn(rounds[r - 1], person) !== t && tableIn(rounds[r + 1], person) !== t

const copy = (rounds: readonly RoundSeating[]): string[][][] =>
  rounds.map((round) => round.map((table) => [...table]))

/**
 * Someone arrives after the plan was made: they are seated in every round from `from` on, changing at most
 * two tables per round and never sitting at one table two rounds running. Where a table has room they sit
 * at the smallest one they did not sit at the round before; where only that table has room, they take a
 * guest's seat at another table and that guest takes the free seat (when the guest may move there); when
 * every table is full they host a new table, with two guests from the largest table.
 */
export const seatLateArrivalFrom = (
  rounds: readonly RoundSeating[],
  from: number,
  arrival: string,
): string[][][] => {
  const plan = copy(rounds)
  for (let r = Math.max(0, from); r < plan.length; r++) {
    const tables = plan[r]!
    if (tables.some((table) => table.includes(arrival))) continue
    const before = tableIn(plan[r - 1], arrival)
    const withRoom = tables
      .map((table, t) => ({ t, size: table.length }))
      .filter(({ size }) => size < MAX_TABLE)
      .sort((a, b) => a.size - b.size || a.t - b.t)
    const open = withRoom.find(({ t }) => t !== before)
    if (open !== undefined) {
      tables[open.t]!.push(arrival)
      continue
    }
    if (withRoom.length > 0) {
      // Only the table of the round before has room: a guest of another table moves into it instead.
      const free = withRoom[0]!.t
      const swap = tables
        .flatMap((table, t) =>
          t === free ? [] : table.slice(1).map((guest) => ({ t, guest, size: table.length })),
        )
        .sort((a, b) => a.size - b.size)
        .find(({ guest }) => mayMoveTo(plan, r, guest, free))
      if (swap !== undefined) {
        const table = tables[swap.t]!
        table.splice(table.indexOf(swap.guest), 1, arrival)
        tables[free]!.push(swap.guest)
        continue
      }
    }
    // Every table full: the arrival hosts a new table (the same one in every round), with two guests of the
    // largest table who did not sit there the round before.
    const fresh = tables.length
    const largest = tables
      .map((table, t) => ({ t, size: table.length }))
      .sort((a, b) => b.size - a.size || a.t - b.t)[0]
    if (largest === undefined) {
      tables.push([arrival])
      continue
    }
    const table = tables[largest.t]!
    const guests = table
      .slice(1)
      .filter((guest) => mayMoveTo(plan, r, guest, fresh))
      .slice(-2)
    for (const guest of guests) table.splice(table.indexOf(guest), 1)
    tables.push([arrival, ...guests])
  }
  return plan
}

/**
 * Someone leaves: they leave their table in every round from `from` on. A host who leaves hands the table to
 * the guest who sat there in round `from`, who hosts it in the later rounds too whenever bringing them over
 * changes no more than two tables (otherwise that round's first guest hosts); a table left with fewer than
 * three takes a guest from the largest table who may move there. At most two tables change per round, and
 * no guest sits at one table two rounds running.
 */
export const seatLeaverFrom = (
  rounds: readonly RoundSeating[],
  from: number,
  leaver: string,
): string[][][] => {
  const plan = copy(rounds)
  const start = Math.max(0, from)
  const hosted = tableIn(plan[start], leaver)
  const hostedTable = hosted >= 0 && plan[start]![hosted]![0] === leaver ? hosted : -1
  const heir = hostedTable >= 0 ? plan[start]![hostedTable]![1] : undefined
  for (let r = start; r < plan.length; r++) {
    const tables = plan[r]!
    const t = tableIn(tables, leaver)
    if (t === -1) continue
    tables[t] = tables[t]!.filter((id) => id !== leaver)
    const table = tables[t]!
    /** Tables changed this round besides table t. */
    let touched = 0
    if (t === hostedTable && heir !== undefined && table[0] !== heir) {
      const at = tableIn(tables, heir)
      if (at === t) {
        table.splice(table.indexOf(heir), 1)
        table.unshift(heir)
      } else if (at >= 0) {
        const elsewhere = tables[at]!
        if (elsewhere.length - 1 >= MIN_TABLE && elsewhere[0] !== heir) {
          // The heir comes over: this table is whole again, theirs keeps enough.
          elsewhere.splice(elsewhere.indexOf(heir), 1)
          table.unshift(heir)
          touched = 1
        } else if (table.length >= MIN_TABLE && elsewhere[0] !== heir) {
          // The heir trades seats with a guest here who may sit at the heir's table (sizes stay as they are).
          const guest = table.find((id) => mayMoveTo(plan, r, id, at))
          if (guest !== undefined) {
            elsewhere.splice(elsewhere.indexOf(heir), 1, guest)
            table.splice(table.indexOf(guest), 1)
            table.unshift(heir)
            touched = 1
          }
        }
      }
    }
    if (table.length === 0) {
      tables.splice(t, 1)
      continue
    }
    if (table.length >= MIN_TABLE || touched > 0) continue
    const donor = tables
      .map((candidate, index) => ({ index, size: candidate.length }))
      .filter(({ index, size }) => index !== t && size > MIN_TABLE)
      .sort((a, b) => b.size - a.size)
      .flatMap(({ index }) => tables[index]!.slice(1).map((guest) => ({ index, guest })))
      .find(({ guest }) => mayMoveTo(plan, r, guest, t))
    if (donor === undefined) continue
    const source = tables[donor.index]!
    source.splice(source.indexOf(donor.guest), 1)
    table.push(donor.guest)
  }
  return plan
}
