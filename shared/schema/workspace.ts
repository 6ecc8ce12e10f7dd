import * as z from 'zod/mini'
import { EntityId } from './entity-id'
import { lazySchema } from './lazy-schema'
import { multiLine, singleLine, Timestamp } from './text'

export const WorkspaceName = singleLine(120)
/** The complex societal challenge the partnership is about (the "xx" of the café questions). */
export const SocietalChallenge = multiLine(2_000)

/** One partnership's workspace: everything its members do lives in it. */
export const Workspace = lazySchema(() =>
  z.object({
    id: EntityId,
    name: z.string(),
    challenge: z.string(),
    createdAt: Timestamp,
    /** The party the partnership's initiative came from, once recorded (an indicator of partnership). */
    initiativeParty: z.nullable(EntityId),
  }),
)
export type Workspace = z.infer<typeof Workspace>
