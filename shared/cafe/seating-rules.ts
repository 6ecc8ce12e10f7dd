import type { RoundSeating } from './seating'

/**
 * How a plan keeps SKL 2.3's rule that guests change tables and hosts stay: `stays` counts a guest (anyone but
 * a table's first person, its host) at the table they sat at the round before — the method forbids it;
 * `returns` counts a guest back at a table of an earlier, not adjacent, round — as few as the table sizes
 * allow; `hostMoves` counts a host not at their table of the round before.
 */
export const seatingRuleBreaks = (
  rounds: readonly RoundSeating[],
): { readonly stays: number; readonly returns: number; readonly hostMoves: number } => {
  let stays = 0
  let returns = 0
  let hostMoves = 0
  const visited = new Map<string, Set<number>>()
  rounds.forEach((round, r) => {
    round.forEach((table, t) => {
      table.forEach((id, seat) => {
        const before = r === 0 ? -1 : rounds[r - 1]!.findIndex((earlier) => earlier.includes(id))
        const hostBefore = before >= 0 && rounds[r - 1]![before]![0] === id
        if (seat === 0) {
          if (hostBefore && before !== t) hostMoves++
        } else if (before === t && !hostBefore) stays++
        else if (before !== t && visited.get(id)?.has(t)) returns++
        const seen = visited.get(id) ?? new Set<number>()
        seen.add(t)
        visited.set(id, seen)
      })
    })
  })
  return { stays, returns, hostMoves }
}
