import type * as Y from 'yjs'
import * as z from 'zod/mini'
import { EntityId } from '../schema/entity-id'
import { lazySchema } from '../schema/lazy-schema'
import { CafeTimer, idleTimer } from './timer'

/**
 * Where the café is: setting up, the check-in, a conversation round (0-based `round`), the check-out, the
 * harvest, or closed.
 */
export const CafePhase = z.enum(['setup', 'check-in', 'round', 'check-out', 'harvest', 'closed'])
export type CafePhase = z.infer<typeof CafePhase>

export const CafeFlow = lazySchema(() =>
  z.object({ phase: CafePhase, round: z.number().check(z.int(), z.minimum(0), z.maximum(99)) }),
)
export type CafeFlow = z.infer<typeof CafeFlow>

/**
 * Who sits where in every round, by member id; each table's host first. Table `t` keeps its number in every
 * round (its notes stay with it); the host is the one person who never moves.
 */
export const CafeSeating = lazySchema(() =>
  z.object({
    seed: z.number().check(z.int()),
    rounds: z
      .array(z.array(z.array(EntityId).check(z.minLength(1), z.maxLength(60))).check(z.maxLength(200)))
      .check(z.maxLength(20)),
  }),
)
export type CafeSeating = z.infer<typeof CafeSeating>

/** The control room's Y.Doc layout: one value per map, written whole by facilitators. */
export const CONTROL = {
  timer: ['timer', 'timer'],
  flow: ['flow', 'flow'],
  seating: ['seating', 'plan'],
} as const
/**
 * Members the facilitator marked present: member id → true, or, for someone who came after the café began,
 * `{ lateFrom }` with the first round (0-based) they could join.
 */
export const PRESENT = 'present'
const LateArrival = lazySchema(() =>
  z.object({ lateFrom: z.number().check(z.int(), z.minimum(0), z.maximum(99)) }),
)

export interface CafeControl {
  readonly timer: CafeTimer
  readonly flow: CafeFlow
  readonly seating: CafeSeating | null
  readonly present: readonly string[]
  /** Of those present, who came after the café began, with the first round they could join. */
  readonly late: ReadonlyMap<string, number>
}

const startFlow: CafeFlow = { phase: 'setup', round: 0 }

/** Reads the control room; a value that does not parse is treated as unset, never trusted. */
export const readCafeControl = (doc: Y.Doc): CafeControl => {
  const read = <T>([map, key]: readonly [string, string], schema: z.ZodMiniType<T>): T | null => {
    const parsed = schema.safeParse(doc.getMap(map).get(key))
    return parsed.success ? parsed.data : null
  }
  return {
    timer: read(CONTROL.timer, CafeTimer) ?? idleTimer,
    flow: read(CONTROL.flow, CafeFlow) ?? startFlow,
    seating: read(CONTROL.seating, CafeSeating),
    present: [...doc.getMap(PRESENT).keys()].filter((id) => EntityId.safeParse(id).success).sort(),
    late: new Map(
      [...doc.getMap(PRESENT).entries()].flatMap(([id, value]) => {
        const late = LateArrival.safeParse(value)
        return late.success && EntityId.safeParse(id).success ? [[id, late.data.lateFrom] as const] : []
      }),
    ),
  }
}

export const writeTimer = (doc: Y.Doc, timer: CafeTimer): void => {
  doc.getMap(CONTROL.timer[0]).set(CONTROL.timer[1], timer)
}
export const writeFlow = (doc: Y.Doc, flow: CafeFlow): void => {
  doc.getMap(CONTROL.flow[0]).set(CONTROL.flow[1], flow)
}
export const writeSeating = (doc: Y.Doc, seating: CafeSeating): void => {
  doc.getMap(CONTROL.seating[0]).set(CONTROL.seating[1], seating)
}
/** Marks a member present (from round `lateFrom` when they came after the café began) or gone. */
export const setPresent = (doc: Y.Doc, memberId: string, present: boolean, lateFrom?: number): void => {
  if (!present) doc.getMap(PRESENT).delete(memberId)
  else doc.getMap(PRESENT).set(memberId, lateFrom === undefined ? true : { lateFrom })
}

/** Where a member sits in a round: the table (0-based) and whether they host it; null when not seated. */
export const seatOf = (
  seating: CafeSeating | null,
  round: number,
  memberId: string,
): { readonly table: number; readonly host: boolean } | null => {
  const tables = seating?.rounds[round]
  if (tables === undefined) return null
  for (const [table, seated] of tables.entries()) {
    const at = seated.indexOf(memberId)
    if (at !== -1) return { table, host: at === 0 }
  }
  return null
}
